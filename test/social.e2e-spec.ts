import { mode, startApp, type TestApp } from './harness/app';
import { client, expectProblem, signUp, type Account } from './harness/client';
import { FollowsService } from '../src/relations/follows.service';
import { jobRows, withWorkersPaused } from './harness/jobs';
import { expectIndexSeek, queriesDuring, statementsDuring } from './harness/queries';
import { eventually, publish } from './harness/storage';

type Post = {
  id: string;
  likeCount: number;
  commentCount: number;
  viewer: { liked: boolean } | null;
};

describe('Follows, home feed, likes and comments (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const profile = async (username: string, agent = client(t)) =>
    (await agent.get(`/api/users/${username}`).expect(200)).body;
  const post = async (id: string, agent = client(t)) =>
    (await agent.get(`/api/posts/${id}`).expect(200)).body as Post;
  const count = async (sql: string, params: unknown[]) =>
    Number(((await t.dataSource.query(sql, params)) as Array<{ n: number | string }>)[0].n);

  describe('follows', () => {
    it('follows idempotently and counts on both sides', async () => {
      const ada = await signUp(t);
      const bob = await signUp(t);
      await ada.agent.put(`/api/users/${bob.username}/follow`).expect(204);
      await ada.agent.put(`/api/users/${bob.username.toUpperCase()}/follow`).expect(204);

      expect((await profile(bob.username)).counts).toEqual({
        posts: 0,
        followers: 1,
        following: 0,
      });
      expect((await profile(ada.username)).counts).toEqual({
        posts: 0,
        followers: 0,
        following: 1,
      });
      expect((await profile(bob.username, ada.agent)).viewer).toEqual(
        expect.objectContaining({ following: true, requested: false, blocking: false }),
      );
      expect((await profile(ada.username, bob.agent)).viewer).toEqual(
        expect.objectContaining({ following: false, requested: false, blocking: false }),
      );
      expect((await profile(bob.username)).viewer).toBeNull();

      await ada.agent.delete(`/api/users/${bob.username}/follow`).expect(204);
      await ada.agent.delete(`/api/users/${bob.username}/follow`).expect(204);
      expect((await profile(bob.username)).counts.followers).toBe(0);
      expect((await profile(ada.username)).counts.following).toBe(0);
      expect((await profile(bob.username, ada.agent)).viewer).toEqual(
        expect.objectContaining({ following: false, requested: false, blocking: false }),
      );
    });

    it('refuses following yourself (400), nobody (404), and without a session (401)', async () => {
      const ada = await signUp(t);
      expectProblem(
        (await ada.agent.put(`/api/users/${ada.username}/follow`).expect(400)).body,
        400,
      );
      await ada.agent.delete(`/api/users/${ada.username}/follow`).expect(400);
      await ada.agent.put('/api/users/nobody_here/follow').expect(404);
      await client(t).put(`/api/users/${ada.username}/follow`).expect(401);
      expect((await profile(ada.username)).counts).toEqual({
        posts: 0,
        followers: 0,
        following: 0,
      });
    });

    it('tells which of 40,000 people someone follows, past SQLite’s 32,766 variables', async () => {
      const ada = await signUp(t);
      const followed = [await signUp(t), await signUp(t)];
      for (const other of followed)
        await ada.agent.put(`/api/users/${other.username}/follow`).expect(204);
      const strangers = Array.from({ length: 40_000 }, (_, i) => `stranger-${i}`);
      const answer = await t.app
        .get(FollowsService)
        .followedAmong(ada.id, [
          ...strangers.slice(0, 20_000),
          followed[0].id,
          ...strangers.slice(20_000),
          followed[1].id,
        ]);
      expect([...answer].sort()).toEqual(followed.map((other) => other.id).sort());
    });

    it('lists followers and following as pages of user summaries, newest first', async () => {
      const star = await signUp(t);
      const fans: Account[] = [];
      for (let i = 0; i < 5; i++) {
        const fan = await signUp(t);
        await fan.agent.put(`/api/users/${star.username}/follow`).expect(204);
        fans.push(fan);
      }
      await star.agent.put(`/api/users/${fans[0].username}/follow`).expect(204);

      const first = await client(t)
        .get(`/api/users/${star.username}/followers?limit=3`)
        .expect(200);
      expect(first.body.items.map((u: { username: string }) => u.username)).toEqual(
        fans
          .slice(2)
          .reverse()
          .map((fan) => fan.username),
      );
      expect(first.body.items[0]).toEqual({
        id: fans[4].id,
        username: fans[4].username,
        firstName: null,
        lastName: null,
        avatarUrl: null,
      });
      const second = await client(t)
        .get(`/api/users/${star.username}/followers`)
        .query({ limit: 3, cursor: first.body.nextCursor })
        .expect(200);
      expect(second.body.items.map((u: { username: string }) => u.username)).toEqual([
        fans[1].username,
        fans[0].username,
      ]);
      expect(second.body.nextCursor).toBeNull();

      const following = await client(t).get(`/api/users/${star.username}/following`).expect(200);
      expect(following.body).toEqual({
        items: [expect.objectContaining({ username: fans[0].username })],
        nextCursor: null,
      });
      await client(t).get('/api/users/nobody_here/followers').expect(404);
      await client(t).get(`/api/users/${star.username}/following?limit=0`).expect(400);
    });
  });

  describe('home feed', () => {
    it('shows your posts and those of the people you follow, newest first, and nobody else’s', async () => {
      const ada = await signUp(t);
      const bob = await signUp(t);
      const eve = await signUp(t);
      await ada.agent.put(`/api/users/${bob.username}/follow`).expect(204);
      const bobs = await publish(t, bob.agent, { caption: 'bob 1' });
      const own = await publish(t, ada.agent, { caption: 'ada 1' });
      await publish(t, eve.agent, { caption: 'eve 1' });
      const later = await publish(t, bob.agent, { caption: 'bob 2' });
      // the fan-out to followers' timelines
      await eventually(async () => expect(await jobRows(t, 'timeline.fanout')).toEqual([]));

      const feed = await ada.agent.get('/api/feed').expect(200);
      expect(feed.body.items.map((p: { id: string }) => p.id)).toEqual([later.id, own.id, bobs.id]);
      expect(feed.body.nextCursor).toBeNull();

      const paged = await ada.agent.get('/api/feed?limit=2').expect(200);
      const rest = await ada.agent
        .get('/api/feed')
        .query({ limit: 2, cursor: paged.body.nextCursor })
        .expect(200);
      expect([...paged.body.items, ...rest.body.items].map((p: { id: string }) => p.id)).toEqual([
        later.id,
        own.id,
        bobs.id,
      ]);

      await ada.agent.delete(`/api/users/${bob.username}/follow`).expect(204);
      const after = await ada.agent.get('/api/feed').expect(200);
      expect(after.body.items.map((p: { id: string }) => p.id)).toEqual([own.id]);
      await client(t).get('/api/feed').expect(401);
    });
  });

  describe('likes', () => {
    it('likes idempotently; every post shape carries the count and the viewer’s like', async () => {
      const author = await signUp(t);
      const fan = await signUp(t);
      const created = await publish(t, author.agent);
      await fan.agent.put(`/api/posts/${created.id}/like`).expect(204);
      await fan.agent.put(`/api/posts/${created.id}/like`).expect(204);

      expect(await post(created.id, fan.agent)).toEqual(
        expect.objectContaining({ likeCount: 1, viewer: { liked: true } }),
      );
      expect(await post(created.id, author.agent)).toEqual(
        expect.objectContaining({ likeCount: 1, viewer: { liked: false } }),
      );
      expect(await post(created.id)).toEqual(
        expect.objectContaining({ likeCount: 1, viewer: null }),
      );
      const lists = [
        (await fan.agent.get('/api/posts').expect(200)).body.items,
        (await fan.agent.get(`/api/users/${author.username}/posts`).expect(200)).body.items,
      ];
      await fan.agent.put(`/api/users/${author.username}/follow`).expect(204);
      lists.push((await fan.agent.get('/api/feed').expect(200)).body.items);
      for (const items of lists) {
        expect(items.find((p: Post) => p.id === created.id)).toEqual(
          expect.objectContaining({ likeCount: 1, viewer: { liked: true } }),
        );
      }

      await fan.agent.delete(`/api/posts/${created.id}/like`).expect(204);
      await fan.agent.delete(`/api/posts/${created.id}/like`).expect(204);
      expect(await post(created.id, fan.agent)).toEqual(
        expect.objectContaining({ likeCount: 0, viewer: { liked: false } }),
      );
    });

    it('lists who liked a post ("liked by") as pages of user summaries, newest first', async () => {
      const author = await signUp(t);
      const created = await publish(t, author.agent);
      const fans: Account[] = [];
      for (let i = 0; i < 4; i++) {
        const fan = await signUp(t);
        await fan.agent.put(`/api/posts/${created.id}/like`).expect(204);
        fans.push(fan);
      }
      await fans[1].agent.delete(`/api/posts/${created.id}/like`).expect(204);

      const first = await client(t).get(`/api/posts/${created.id}/likes?limit=2`).expect(200);
      expect(first.body.items).toEqual([
        {
          id: fans[3].id,
          username: fans[3].username,
          firstName: null,
          lastName: null,
          avatarUrl: null,
        },
        expect.objectContaining({ username: fans[2].username }),
      ]);
      const second = await client(t)
        .get(`/api/posts/${created.id}/likes`)
        .query({ limit: 2, cursor: first.body.nextCursor })
        .expect(200);
      expect(second.body).toEqual({
        items: [expect.objectContaining({ username: fans[0].username })],
        nextCursor: null,
      });
      expectProblem(
        (await client(t).get('/api/posts/01a20f4c-eecd-73b6-ae9e-00c1892859d7/likes').expect(404))
          .body,
        404,
      );
      await client(t).get(`/api/posts/${created.id}/likes?limit=101`).expect(400);
    });

    it('answers 404 for a missing post and 401 without a session', async () => {
      const fan = await signUp(t);
      await fan.agent.put('/api/posts/01a20f4c-eecd-73b6-ae9e-00c1892859d7/like').expect(404);
      const created = await publish(t, fan.agent);
      await client(t).put(`/api/posts/${created.id}/like`).expect(401);
      expect((await post(created.id)).likeCount).toBe(0);
    });
  });

  describe('comments', () => {
    it('adds, lists oldest first in pages, counts, and trims', async () => {
      const author = await signUp(t, { firstName: 'Ann' });
      const reader = await signUp(t);
      const created = await publish(t, author.agent);
      const first = await reader.agent
        .post(`/api/posts/${created.id}/comments`)
        .send({ body: '  Lovely!  ' })
        .expect(201);
      expect(first.body).toEqual({
        id: expect.any(String),
        author: {
          id: reader.id,
          username: reader.username,
          firstName: null,
          lastName: null,
          avatarUrl: null,
        },
        body: 'Lovely!',
        mentions: [],
        createdAt: expect.any(String),
      });
      for (let i = 2; i <= 5; i++) {
        await author.agent
          .post(`/api/posts/${created.id}/comments`)
          .send({ body: `reply ${i}` })
          .expect(201);
      }
      expect((await post(created.id)).commentCount).toBe(5);

      const page = await client(t).get(`/api/posts/${created.id}/comments?limit=3`).expect(200);
      expect(page.body.items.map((c: { body: string }) => c.body)).toEqual([
        'Lovely!',
        'reply 2',
        'reply 3',
      ]);
      const next = await client(t)
        .get(`/api/posts/${created.id}/comments`)
        .query({ limit: 3, cursor: page.body.nextCursor })
        .expect(200);
      expect(next.body).toEqual({
        items: [
          expect.objectContaining({ body: 'reply 4' }),
          expect.objectContaining({ body: 'reply 5' }),
        ],
        nextCursor: null,
      });
    });

    it.each([
      ['an empty body', { body: '' }],
      ['a body of spaces', { body: '   \n ' }],
      ['a body over 2,200 characters', { body: 'x'.repeat(2201) }],
      ['no body', {}],
      ['an unknown field', { body: 'hi', postId: 'x' }],
    ])('refuses %s', async (_label, payload) => {
      const account = await signUp(t);
      const created = await publish(t, account.agent);
      expectProblem(
        (await account.agent.post(`/api/posts/${created.id}/comments`).send(payload).expect(400))
          .body,
        400,
      );
      expect((await post(created.id)).commentCount).toBe(0);
    });

    it('lets the comment’s author or the post’s owner delete it, nobody else', async () => {
      const owner = await signUp(t);
      const writer = await signUp(t);
      const stranger = await signUp(t);
      const created = await publish(t, owner.agent);
      const other = await publish(t, owner.agent);
      const a = (
        await writer.agent
          .post(`/api/posts/${created.id}/comments`)
          .send({ body: 'one' })
          .expect(201)
      ).body;
      const b = (
        await writer.agent
          .post(`/api/posts/${created.id}/comments`)
          .send({ body: 'two' })
          .expect(201)
      ).body;

      expectProblem(
        (await stranger.agent.delete(`/api/posts/${created.id}/comments/${a.id}`).expect(403)).body,
        403,
      );
      await client(t).delete(`/api/posts/${created.id}/comments/${a.id}`).expect(401);
      await writer.agent.delete(`/api/posts/${other.id}/comments/${a.id}`).expect(404);
      await writer.agent.delete(`/api/posts/${created.id}/comments/not-a-comment`).expect(404);
      expect((await post(created.id)).commentCount).toBe(2);

      await writer.agent.delete(`/api/posts/${created.id}/comments/${a.id}`).expect(204);
      await owner.agent.delete(`/api/posts/${created.id}/comments/${b.id}`).expect(204);
      await owner.agent.delete(`/api/posts/${created.id}/comments/${b.id}`).expect(404);
      expect((await post(created.id)).commentCount).toBe(0);
      expect(
        (await client(t).get(`/api/posts/${created.id}/comments`).expect(200)).body.items,
      ).toEqual([]);
      await client(t).get('/api/posts/01a20f4c-eecd-73b6-ae9e-00c1892859d7/comments').expect(404);
    });
  });

  describe('counters stay true', () => {
    let crowd: Account[];

    beforeAll(async () => {
      crowd = [];
      for (let i = 0; i < 50; i++) crowd.push(await signUp(t));
    }, 60_000);

    it('ends 50 concurrent likes, then 25 concurrent unlikes, with the count equal to the rows', async () => {
      const author = await signUp(t);
      const created = await publish(t, author.agent);
      await Promise.all(
        crowd.map((fan) => fan.agent.put(`/api/posts/${created.id}/like`).expect(204)),
      );
      expect((await post(created.id)).likeCount).toBe(50);
      await Promise.all([
        ...crowd
          .slice(0, 25)
          .map((fan) => fan.agent.delete(`/api/posts/${created.id}/like`).expect(204)),
        // the same like again, racing itself, changes nothing
        ...Array.from({ length: 10 }, () =>
          crowd[30].agent.put(`/api/posts/${created.id}/like`).expect(204),
        ),
      ]);
      const rows = await count('SELECT COUNT(*) AS n FROM likes WHERE post_id = ?', [created.id]);
      expect(rows).toBe(25);
      expect((await post(created.id)).likeCount).toBe(rows);
    });

    it('ends 50 concurrent follows and mixed unfollows with every count equal to the rows', async () => {
      const star = await signUp(t);
      await Promise.all(
        crowd.map((fan) => fan.agent.put(`/api/users/${star.username}/follow`).expect(204)),
      );
      await Promise.all([
        ...crowd
          .slice(0, 20)
          .map((fan) => fan.agent.delete(`/api/users/${star.username}/follow`).expect(204)),
        // star follows back ten fans while they are unfollowing: rows in both directions at once
        ...crowd
          .slice(10, 20)
          .map((fan) => star.agent.put(`/api/users/${fan.username}/follow`).expect(204)),
      ]);
      const followers = await count('SELECT COUNT(*) AS n FROM follows WHERE followee_id = ?', [
        star.id,
      ]);
      const following = await count('SELECT COUNT(*) AS n FROM follows WHERE follower_id = ?', [
        star.id,
      ]);
      expect(followers).toBe(30);
      expect(following).toBe(10);
      expect((await profile(star.username)).counts).toEqual({ posts: 0, followers, following });
      for (const fan of crowd.slice(10, 20))
        expect((await profile(fan.username)).counts.followers).toBe(1);
    });

    it('ends concurrent comments and deletions with the count equal to the rows', async () => {
      const author = await signUp(t);
      const created = await publish(t, author.agent);
      const added = await Promise.all(
        crowd.slice(0, 30).map((fan, i) =>
          fan.agent
            .post(`/api/posts/${created.id}/comments`)
            .send({ body: `c${i}` })
            .expect(201),
        ),
      );
      await Promise.all(
        added
          .slice(0, 10)
          .map((res) =>
            author.agent.delete(`/api/posts/${created.id}/comments/${res.body.id}`).expect(204),
          ),
      );
      const rows = await count('SELECT COUNT(*) AS n FROM comments WHERE post_id = ?', [
        created.id,
      ]);
      expect(rows).toBe(20);
      expect((await post(created.id)).commentCount).toBe(rows);
    });

    it('counts posts, and adjusts every count an account touched when it is deleted', async () => {
      const leaver = await signUp(t);
      const friend = await signUp(t);
      const friendPost = await publish(t, friend.agent);
      const leaverPosts = [await publish(t, leaver.agent), await publish(t, leaver.agent)];
      expect((await profile(leaver.username)).counts.posts).toBe(2);

      await leaver.agent.put(`/api/posts/${friendPost.id}/like`).expect(204);
      await leaver.agent
        .post(`/api/posts/${friendPost.id}/comments`)
        .send({ body: 'one' })
        .expect(201);
      await leaver.agent
        .post(`/api/posts/${friendPost.id}/comments`)
        .send({ body: 'two' })
        .expect(201);
      await friend.agent
        .post(`/api/posts/${friendPost.id}/comments`)
        .send({ body: 'mine' })
        .expect(201);
      await friend.agent.put(`/api/posts/${leaverPosts[0].id}/like`).expect(204);
      await leaver.agent.put(`/api/users/${friend.username}/follow`).expect(204);
      await friend.agent.put(`/api/users/${leaver.username}/follow`).expect(204);
      expect(await post(friendPost.id)).toEqual(
        expect.objectContaining({ likeCount: 1, commentCount: 3 }),
      );
      expect((await profile(friend.username)).counts).toEqual({
        posts: 1,
        followers: 1,
        following: 1,
      });

      await leaver.agent.delete(`/api/posts/${leaverPosts[1].id}`).expect(204);
      expect((await profile(leaver.username)).counts.posts).toBe(1);

      await leaver.agent.delete('/api/users/me').send({ password: leaver.password }).expect(204);

      expect(await post(friendPost.id)).toEqual(
        expect.objectContaining({ likeCount: 0, commentCount: 1 }),
      );
      expect((await client(t).get(`/api/posts/${friendPost.id}/comments`)).body.items).toEqual([
        expect.objectContaining({ body: 'mine' }),
      ]);
      expect((await profile(friend.username)).counts).toEqual({
        posts: 1,
        followers: 0,
        following: 0,
      });
      expect((await client(t).get(`/api/users/${friend.username}/followers`)).body.items).toEqual(
        [],
      );
      await client(t).get(`/api/posts/${leaverPosts[0].id}`).expect(404);
      expect(
        await count('SELECT COUNT(*) AS n FROM likes WHERE user_id = ? OR post_id = ?', [
          leaver.id,
          leaverPosts[0].id,
        ]),
      ).toBe(0);
    });
  });

  it('reads a page of 20 posts with authors, images, counts and whether the viewer likes each in one statement', async () => {
    const viewer = await signUp(t);
    const authors = [await signUp(t), await signUp(t)];
    for (let i = 0; i < 25; i++) await publish(t, authors[i % 2].agent);
    for (const author of authors)
      await viewer.agent.put(`/api/users/${author.username}/follow`).expect(204);
    // Once: the set of large accounts is read at most once a minute, not per request.
    await viewer.agent.get('/api/feed?limit=20').expect(200);
    // The job workers pause, so the counts are the requests' own.
    await withWorkersPaused(t, async () => {
      const few = await queriesDuring(t, () => viewer.agent.get('/api/posts?limit=2').expect(200));
      const page = await queriesDuring(t, () =>
        viewer.agent.get('/api/posts?limit=20').expect(200),
      );
      const feed = await queriesDuring(t, () => viewer.agent.get('/api/feed?limit=20').expect(200));
      // The caller, with the session in the database store (one statement for both) or by id
      // after DynamoDB; then one statement for the posts with their authors, avatars, photos
      // and the viewer's likes.
      const caller =
        mode === 'embedded' ? /FROM sessions s LEFT JOIN users su ON/ : /FROM users su WHERE/;
      for (const statements of [page, few, feed]) {
        expect(statements).toHaveLength(2);
        expect(statements[0]).toMatch(caller);
      }
      expect(page[1]).toMatch(/JOIN likes viewer_like/);
      // the home feed's page is one statement too, its timeline joined to the posts
      expect(feed[1]).toMatch(/FROM timeline entry/);
      expect(feed[1]).toMatch(/JOIN likes viewer_like/);
      for (const sql of [...page, ...few, ...feed]) expect(sql).not.toMatch(/password_hash|email/);
      const first = JSON.parse((await viewer.agent.get('/api/feed?limit=20')).text);
      expect(first.items).toHaveLength(20);
      // the next page seeks the timeline's index to the cursor, with no sort
      const [next] = (
        await statementsDuring(t, () =>
          viewer.agent.get('/api/feed').query({ cursor: first.nextCursor }).expect(200),
        )
      ).filter((statement) => /FROM timeline entry/.test(statement.sql));
      await expectIndexSeek(t, next, {
        table: 'entry',
        key: 'IDX_timeline_user_id_created_at_post_id',
        type: 'range',
        sqlite:
          /SEARCH entry USING (COVERING )?INDEX IDX_timeline_user_id_created_at_post_id \(user_id=\? AND created_at<\?\)/,
      });
    });
  });
});
