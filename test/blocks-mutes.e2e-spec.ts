import { mode, startApp, type TestApp } from './harness/app';
import { type Agent, client, expectProblem, signUp } from './harness/client';
import { jobRows } from './harness/jobs';
import {
  BLOCK_AND_MUTE_PROBES,
  expectIndexSeek,
  expectProbedPerRow,
  queriesDuring,
  statementsDuring,
} from './harness/queries';
import { eventually, publish } from './harness/storage';

const ids = (body: { items: Array<{ id: string }> }) => body.items.map((item) => item.id);
const usernames = (body: { items: Array<{ username: string }> }) =>
  body.items.map((item) => item.username);

describe('Blocks and mutes (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const feedIds = async (agent: Agent) =>
    ids((await agent.get('/api/feed?limit=100').expect(200)).body);
  const timelineAuthors = async (userId: string) =>
    (
      (await t.dataSource.query('SELECT DISTINCT author_id FROM timeline WHERE user_id = ?', [
        userId,
      ])) as Array<{ author_id: string }>
    ).map((row) => row.author_id);
  const counts = async (username: string) =>
    (await client(t).get(`/api/users/${username}`).expect(200)).body.counts;

  describe('blocking', () => {
    it('is idempotent (204), refuses yourself (400), nobody (404) and no session (401)', async () => {
      const ada = await signUp(t);
      const bob = await signUp(t);
      await ada.agent.put(`/api/users/${bob.username}/block`).expect(204);
      await ada.agent.put(`/api/users/${bob.username}/block`).expect(204);
      expect(usernames((await ada.agent.get('/api/users/me/blocks').expect(200)).body)).toEqual([
        bob.username,
      ]);
      expectProblem(
        (await ada.agent.put(`/api/users/${ada.username}/block`).expect(400)).body,
        400,
      );
      await ada.agent.put('/api/users/nobody_here/block').expect(404);
      await client(t).put(`/api/users/${bob.username}/block`).expect(401);
      await client(t).get('/api/users/me/blocks').expect(401);

      await ada.agent.delete(`/api/users/${bob.username}/block`).expect(204);
      await ada.agent.delete(`/api/users/${bob.username}/block`).expect(204);
      expect((await ada.agent.get('/api/users/me/blocks').expect(200)).body).toEqual({
        items: [],
        nextCursor: null,
      });
    });

    it('removes follows both ways, with their counts and their timeline rows', async () => {
      const ada = await signUp(t);
      const bob = await signUp(t);
      await ada.agent.put(`/api/users/${bob.username}/follow`).expect(204);
      await bob.agent.put(`/api/users/${ada.username}/follow`).expect(204);
      const bobs = await publish(t, bob.agent);
      const adas = await publish(t, ada.agent);
      await eventually(async () => expect(await jobRows(t, 'timeline.fanout')).toEqual([]));
      expect(await feedIds(ada.agent)).toEqual([adas.id, bobs.id]);
      expect(await feedIds(bob.agent)).toEqual([adas.id, bobs.id]);

      await ada.agent.put(`/api/users/${bob.username}/block`).expect(204);

      expect(await counts(ada.username)).toEqual({ posts: 1, followers: 0, following: 0 });
      expect(await counts(bob.username)).toEqual({ posts: 1, followers: 0, following: 0 });
      expect(await timelineAuthors(ada.id)).toEqual([ada.id]);
      expect(await timelineAuthors(bob.id)).toEqual([bob.id]);
      expect(await feedIds(ada.agent)).toEqual([adas.id]);
      expect(await feedIds(bob.agent)).toEqual([bobs.id]);
      const notifications = await t.dataSource.query(
        'SELECT type FROM notifications WHERE (actor_id = ? AND recipient_id = ?) OR (actor_id = ? AND recipient_id = ?)',
        [ada.id, bob.id, bob.id, ada.id],
      );
      expect(notifications).toEqual([]);
    });

    it('hides the blocker from the blocked (404) and leaves the blocker the profile alone', async () => {
      const ada = await signUp(t);
      const bob = await signUp(t);
      const post = await publish(t, ada.agent, { caption: 'mine' });
      const bobsPost = await publish(t, bob.agent, { caption: 'his' });
      await ada.agent.put(`/api/users/${bob.username}/block`).expect(204);

      // Bob, blocked: Ada is gone.
      await bob.agent.get(`/api/users/${ada.username}`).expect(404);
      await bob.agent.get(`/api/users/${ada.username}/posts`).expect(404);
      await bob.agent.get(`/api/users/${ada.username}/followers`).expect(404);
      await bob.agent.get(`/api/posts/${post.id}`).expect(404);
      await bob.agent.get(`/api/posts/${post.id}/comments`).expect(404);
      expect(ids((await bob.agent.get('/api/posts?limit=100').expect(200)).body)).not.toContain(
        post.id,
      );

      // Ada, blocking: Bob's profile with viewer.blocking, and none of his posts.
      const profile = (await ada.agent.get(`/api/users/${bob.username}`).expect(200)).body;
      expect(profile.viewer).toEqual({
        following: false,
        requested: false,
        followedBy: false,
        blocking: true,
        muting: false,
      });
      expect((await ada.agent.get(`/api/users/${bob.username}/posts`).expect(200)).body).toEqual({
        items: [],
        nextCursor: null,
      });
      await ada.agent.get(`/api/posts/${bobsPost.id}`).expect(404);
      expect(ids((await ada.agent.get('/api/posts?limit=100').expect(200)).body)).not.toContain(
        bobsPost.id,
      );
      // Anyone else still sees both.
      await client(t).get(`/api/posts/${post.id}`).expect(200);
      await client(t).get(`/api/posts/${bobsPost.id}`).expect(200);
    });

    it('stops the pair following, liking, commenting on and mentioning each other', async () => {
      const ada = await signUp(t);
      const bob = await signUp(t);
      const adas = await publish(t, ada.agent);
      const bobs = await publish(t, bob.agent);
      await ada.agent.put(`/api/users/${bob.username}/block`).expect(204);

      // The blocked one meets a 404, as if Ada were gone; the blocker a 403 or a 404.
      await bob.agent.put(`/api/users/${ada.username}/follow`).expect(404);
      expectProblem(
        (await ada.agent.put(`/api/users/${bob.username}/follow`).expect(403)).body,
        403,
      );
      await bob.agent.put(`/api/posts/${adas.id}/like`).expect(404);
      await ada.agent.put(`/api/posts/${bobs.id}/like`).expect(404);
      await bob.agent.post(`/api/posts/${adas.id}/comments`).send({ body: 'hi' }).expect(404);
      await ada.agent.post(`/api/posts/${bobs.id}/comments`).send({ body: 'hi' }).expect(404);

      const mentioning = await publish(t, bob.agent, { caption: `hello @${ada.username}` });
      const notified = await t.dataSource.query(
        "SELECT id FROM notifications WHERE recipient_id = ? AND type = 'mention'",
        [ada.id],
      );
      expect(notified).toEqual([]);
      const mentions = await t.dataSource.query('SELECT id FROM mentions WHERE post_id = ?', [
        mentioning.id,
      ]);
      expect(mentions).toEqual([]);
      expect(await counts(ada.username)).toEqual({ posts: 1, followers: 0, following: 0 });
      expect((await client(t).get(`/api/posts/${adas.id}`).expect(200)).body).toEqual(
        expect.objectContaining({ likeCount: 0, commentCount: 0 }),
      );
    });

    it('takes the pair out of each other’s comments, follow lists, search and suggestions', async () => {
      const ada = await signUp(t);
      const bob = await signUp(t);
      const carol = await signUp(t);
      const carols = await publish(t, carol.agent);
      await bob.agent.post(`/api/posts/${carols.id}/comments`).send({ body: 'nice' }).expect(201);
      await bob.agent.put(`/api/users/${carol.username}/follow`).expect(204);
      const commenters = async (agent: Agent) =>
        (await agent.get(`/api/posts/${carols.id}/comments`).expect(200)).body.items.map(
          (c: { author: { username: string } }) => c.author.username,
        );
      expect(await commenters(ada.agent)).toEqual([bob.username]);
      await bob.agent.put(`/api/users/${ada.username}/block`).expect(204);

      expect(await commenters(ada.agent)).toEqual([]);
      expect(await commenters(carol.agent)).toEqual([bob.username]);
      expect(
        usernames((await ada.agent.get(`/api/users/${carol.username}/followers`).expect(200)).body),
      ).toEqual([]);
      expect(
        usernames(
          (await carol.agent.get(`/api/users/${carol.username}/followers`).expect(200)).body,
        ),
      ).toEqual([bob.username]);
      const search = await ada.agent.get('/api/search').query({ q: bob.username }).expect(200);
      expect(search.body.users).toEqual([]);
      const suggested = await ada.agent.get('/api/users/suggested').expect(200);
      expect(usernames(suggested.body)).not.toContain(bob.username);
      expect(usernames(suggested.body)).toContain(carol.username);
    });
    it('fills each page of likers, comments, followers and following with people the viewer may see', async () => {
      const ada = await signUp(t);
      const carol = await signUp(t);
      const dan = await signUp(t);
      const eve = await signUp(t);
      const bob = await signUp(t);
      const carols = await publish(t, carol.agent);
      const lists: Record<string, string> = {
        likers: `/api/posts/${carols.id}/likes`,
        comments: `/api/posts/${carols.id}/comments`,
        followers: `/api/users/${carol.username}/followers`,
        following: `/api/users/${carol.username}/following`,
      };
      // Bob first in each list: the first comment (oldest first), the last like and follows
      // (newest first).
      await bob.agent.post(`/api/posts/${carols.id}/comments`).send({ body: 'one' }).expect(201);
      for (const who of [dan, eve, bob]) {
        if (who !== bob)
          await who.agent
            .post(`/api/posts/${carols.id}/comments`)
            .send({ body: 'two' })
            .expect(201);
        await who.agent.put(`/api/posts/${carols.id}/like`).expect(204);
        await who.agent.put(`/api/users/${carol.username}/follow`).expect(204);
        await carol.agent.put(`/api/users/${who.username}/follow`).expect(204);
      }
      await bob.agent.put(`/api/users/${ada.username}/block`).expect(204);
      const firstPage = async (agent: Agent, path: string) => {
        const body = (await agent.get(path).query({ limit: 2 }).expect(200)).body;
        const people: string[] = path.endsWith('/comments')
          ? body.items.map((c: { author: { username: string } }) => c.author.username)
          : usernames(body);
        return { people, nextCursor: body.nextCursor as string | null };
      };

      for (const [list, path] of Object.entries(lists)) {
        // Carol sees Bob on the first page, and more after it.
        const carols = await firstPage(carol.agent, path);
        expect({ list, bobFirst: carols.people[0], more: carols.nextCursor !== null }).toEqual({
          list,
          bobFirst: bob.username,
          more: true,
        });
        // Ada's first page is the two others, whole, and the last.
        const adas = await firstPage(ada.agent, path);
        expect({ list, ...adas, people: [...adas.people].sort() }).toEqual({
          list,
          people: [dan.username, eve.username].sort(),
          nextCursor: null,
        });
      }

      // Each follower's blocks: a probe of the pair, read in the index's order.
      const statements = await statementsDuring(t, () => firstPage(ada.agent, lists.followers));
      const [page] = statements.filter((statement) => /\bvis_bb\b/.test(statement.sql));
      await expectProbedPerRow(t, page, BLOCK_AND_MUTE_PROBES.slice(0, 2));
      await expectIndexSeek(t, page, {
        table: 'follow',
        key: 'IDX_follows_followee_id_created_at_id',
        sqlite:
          /SEARCH follow USING INDEX IDX_follows_followee_id_created_at_id \(followee_id=\?\)/,
      });
    });
  });

  describe('muting', () => {
    it('is idempotent, listed, refuses yourself (400), and the muted one cannot tell', async () => {
      const ada = await signUp(t);
      const bob = await signUp(t);
      await ada.agent.put(`/api/users/${bob.username}/mute`).expect(204);
      await ada.agent.put(`/api/users/${bob.username}/mute`).expect(204);
      await ada.agent.put(`/api/users/${ada.username}/mute`).expect(400);
      expect(usernames((await ada.agent.get('/api/users/me/mutes').expect(200)).body)).toEqual([
        bob.username,
      ]);
      expect((await ada.agent.get(`/api/users/${bob.username}`).expect(200)).body.viewer).toEqual(
        expect.objectContaining({ muting: true, blocking: false }),
      );
      expect((await bob.agent.get(`/api/users/${ada.username}`).expect(200)).body.viewer).toEqual(
        expect.objectContaining({ muting: false, followedBy: false }),
      );
      await ada.agent.delete(`/api/users/${bob.username}/mute`).expect(204);
      await ada.agent.delete(`/api/users/${bob.username}/mute`).expect(204);
      expect((await ada.agent.get('/api/users/me/mutes').expect(200)).body.items).toEqual([]);
    });

    it('takes the muted person’s rows out of the timeline, and an unmute brings them back', async () => {
      const ada = await signUp(t);
      const bob = await signUp(t);
      await ada.agent.put(`/api/users/${bob.username}/follow`).expect(204);
      const bobs = await publish(t, bob.agent);
      await eventually(async () => expect(await feedIds(ada.agent)).toEqual([bobs.id]));

      await ada.agent.put(`/api/users/${bob.username}/mute`).expect(204);
      expect(await timelineAuthors(ada.id)).toEqual([]);
      expect(await feedIds(ada.agent)).toEqual([]);
      expect(ids((await ada.agent.get('/api/posts?limit=100').expect(200)).body)).not.toContain(
        bobs.id,
      );
      // Still his profile's and by id: a mute hides feeds, not the person.
      await ada.agent.get(`/api/posts/${bobs.id}`).expect(200);
      expect(
        ids((await ada.agent.get(`/api/users/${bob.username}/posts`).expect(200)).body),
      ).toEqual([bobs.id]);
      // Still following: a later post is fanned out but not shown while muted.
      const later = await publish(t, bob.agent);
      await eventually(async () => expect(await jobRows(t, 'timeline.fanout')).toEqual([]));
      expect(await feedIds(ada.agent)).toEqual([]);

      await ada.agent.delete(`/api/users/${bob.username}/mute`).expect(204);
      await eventually(async () => expect(await feedIds(ada.agent)).toEqual([later.id, bobs.id]));
      expect(await timelineAuthors(ada.id)).toEqual([bob.id]);
    });

    it('silences the muted person’s notifications', async () => {
      const ada = await signUp(t);
      const bob = await signUp(t);
      const adas = await publish(t, ada.agent);
      await bob.agent.put(`/api/posts/${adas.id}/like`).expect(204);
      expect((await ada.agent.get('/api/notifications').expect(200)).body.items).toHaveLength(1);
      expect((await ada.agent.get('/api/notifications/unread-count').expect(200)).body).toEqual({
        count: 1,
      });
      await ada.agent.put(`/api/users/${bob.username}/mute`).expect(204);
      expect((await ada.agent.get('/api/notifications').expect(200)).body.items).toEqual([]);
      expect((await ada.agent.get('/api/notifications/unread-count').expect(200)).body).toEqual({
        count: 0,
      });
      await bob.agent.post(`/api/posts/${adas.id}/comments`).send({ body: 'hey' }).expect(201);
      const rows = await t.dataSource.query(
        "SELECT id FROM notifications WHERE recipient_id = ? AND type = 'comment'",
        [ada.id],
      );
      expect(rows).toEqual([]);
    });
  });

  describe('limits', () => {
    it.each([
      ['mute', 'block', 'mutes'],
      ['block', 'mute', 'blocks'],
    ])(
      'takes 100 of each of %s and its undoing an hour from a person, then answers 429 and changes nothing',
      async (relation, other, list) => {
        const [ada, bob, cy] = [await signUp(t), await signUp(t), await signUp(t)];
        const path = `/api/users/${bob.username}/${relation}`;
        for (let i = 0; i < 100; i++) {
          await ada.agent.put(path).expect(204);
          await ada.agent.delete(path).expect(204);
        }
        for (const res of [await ada.agent.put(path), await ada.agent.delete(path)]) {
          expect(res.status).toBe(429);
          expectProblem(res.body, 429);
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        }
        expect((await ada.agent.get(`/api/users/me/${list}`).expect(200)).body.items).toEqual([]);
        // the other relation counts apart, and the limit is the person's own
        await ada.agent.put(`/api/users/${bob.username}/${other}`).expect(204);
        await cy.agent.put(path).expect(204);
      },
    );
  });

  describe('checking them only for people who have any', () => {
    /** The public feed as the agent sees it, and the relation clauses its page statement has. */
    const publicFeed = async (agent: Agent) => {
      let body: { items: Array<{ id: string }> } = { items: [] };
      const statements = await queriesDuring(t, async () => {
        body = (await agent.get('/api/posts?limit=100').expect(200)).body;
      });
      const [page] = statements.filter((sql) => /JOIN likes viewer_like/.test(sql));
      const clauses = ['vis_b', 'vis_bb', 'vis_m'].filter((alias) =>
        new RegExp(`\\b${alias}\\b`).test(page),
      );
      return { ids: ids(body), clauses };
    };

    it.each(['/api/posts', '/api/feed'])(
      `asks about each author's blocks and mutes by one probe of the pair, never a copy of the viewer's lists (%s, on ${mode === 'cloud' ? 'MariaDB' : 'SQLite'})`,
      async (path) => {
        const ada = await signUp(t);
        const bob = await signUp(t);
        const cyd = await signUp(t);
        for (const other of [bob, cyd]) {
          await ada.agent.put(`/api/users/${other.username}/follow`).expect(204);
        }
        await ada.agent.put(`/api/users/${cyd.username}/mute`).expect(204);
        const bobs = await publish(t, bob.agent);
        const cyds = await publish(t, cyd.agent);
        // The home feed has Bob's post once fan-out has run.
        await eventually(async () =>
          expect(ids((await ada.agent.get(path).expect(200)).body)).toContain(bobs.id),
        );

        const statements = await statementsDuring(t, async () => {
          const shown = ids((await ada.agent.get(path).expect(200)).body);
          expect(shown).toContain(bobs.id);
          expect(shown).not.toContain(cyds.id);
        });
        const [page] = statements.filter((statement) => /\bvis_m\b/.test(statement.sql));
        expect(page).toBeDefined();
        await expectProbedPerRow(t, page, BLOCK_AND_MUTE_PROBES);
      },
    );

    it('leaves the block and mute clauses out for a viewer with none, in either direction', async () => {
      const ada = await signUp(t);
      const bob = await signUp(t);
      const cyd = await signUp(t);
      const bobs = await publish(t, bob.agent);
      const cyds = await publish(t, cyd.agent);

      const before = await publicFeed(ada.agent);
      expect(before.clauses).toEqual([]);
      expect(before.ids).toEqual(expect.arrayContaining([bobs.id, cyds.id]));

      // Blocked by someone, with no block of her own: the clauses are back, from her next request.
      await cyd.agent.put(`/api/users/${ada.username}/block`).expect(204);
      const blocked = await publicFeed(ada.agent);
      expect(blocked.clauses).toEqual(['vis_b', 'vis_bb', 'vis_m']);
      expect(blocked.ids).toContain(bobs.id);
      expect(blocked.ids).not.toContain(cyds.id);
      // The blocker's own lists check too.
      expect((await publicFeed(cyd.agent)).clauses).toEqual(['vis_b', 'vis_bb', 'vis_m']);

      await cyd.agent.delete(`/api/users/${ada.username}/block`).expect(204);
      const unblocked = await publicFeed(ada.agent);
      expect(unblocked.clauses).toEqual([]);
      expect(unblocked.ids).toEqual(expect.arrayContaining([bobs.id, cyds.id]));

      // A mute of her own.
      await ada.agent.put(`/api/users/${bob.username}/mute`).expect(204);
      const muting = await publicFeed(ada.agent);
      expect(muting.clauses).toEqual(['vis_b', 'vis_bb', 'vis_m']);
      expect(muting.ids).not.toContain(bobs.id);
      expect(muting.ids).toContain(cyds.id);
      // The muted one has nothing to hide.
      expect((await publicFeed(bob.agent)).clauses).toEqual([]);
    });
  });
});
