import { ExploreService } from '../src/discovery/explore.service';
import { startApp, type TestApp } from './harness/app';
import { client, expectProblem, signUp, type Account } from './harness/client';
import { publish } from './harness/storage';

/** A time as both databases take it in a statement. */
const sqlTime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');

describe('Explore (e2e)', () => {
  let t: TestApp;

  const refresh = () => t.app.get(ExploreService).refresh();
  const explore = async (query: Record<string, string | number> = {}) => {
    const res = await client(t).get('/api/explore').query(query).expect(200);
    return {
      ids: (res.body.items as Array<{ id: string }>).map((post) => post.id),
      nextCursor: res.body.nextCursor as string | null,
    };
  };
  const like = (account: Account, postId: string) =>
    account.agent.put(`/api/posts/${postId}/like`).expect(204);
  /** Moves a post's likes back in time, as if they had been given that long ago. */
  const ageLikes = async (postId: string, hours: number) => {
    await t.dataSource.query('UPDATE likes SET created_at = ? WHERE post_id = ?', [
      sqlTime(new Date(Date.now() - hours * 3600_000)),
      postId,
    ]);
  };

  describe('with no engagement yet', () => {
    beforeAll(async () => {
      t = await startApp();
    });

    afterAll(async () => {
      await t.close();
    });

    it('is the newest posts, paged like the public feed', async () => {
      const author = await signUp(t);
      const older = await publish(t, author.agent);
      const newer = await publish(t, author.agent);
      await refresh();
      const first = await explore({ limit: 1 });
      expect(first.ids).toEqual([newer.id]);
      expect(await explore({ limit: 1, cursor: first.nextCursor! })).toEqual({
        ids: [older.id],
        nextCursor: null,
      });
    });
  });

  describe('ranked', () => {
    beforeAll(async () => {
      t = await startApp();
    });

    afterAll(async () => {
      await t.close();
    });

    it('ranks a post with recent likes above one with as many older likes, and forgets likes past a week', async () => {
      const [alice, bob, carol, dave] = await Promise.all([
        signUp(t),
        signUp(t),
        signUp(t),
        signUp(t),
      ]);
      const recent = await publish(t, alice.agent);
      const stale = await publish(t, bob.agent);
      for (const fan of [carol, dave]) {
        await like(fan, recent.id);
        await like(fan, stale.id);
      }
      await ageLikes(stale.id, 48);
      await refresh();
      const ranked = (await explore({ limit: 100 })).ids;
      expect(ranked).toContain(stale.id);
      expect(ranked.indexOf(recent.id)).toBeLessThan(ranked.indexOf(stale.id));

      await ageLikes(stale.id, 8 * 24);
      await refresh();
      const after = (await explore({ limit: 100 })).ids;
      expect(after).toContain(recent.id);
      expect(after).not.toContain(stale.id);
    });

    it('counts a comment as engagement', async () => {
      const [author, fan] = await Promise.all([signUp(t), signUp(t)]);
      const post = await publish(t, author.agent);
      await fan.agent.post(`/api/posts/${post.id}/comments`).send({ body: 'wow' }).expect(201);
      await refresh();
      expect((await explore({ limit: 100 })).ids).toContain(post.id);
    });

    it('gives no author more than three places, and pages with a cursor', async () => {
      const [prolific, fan] = await Promise.all([signUp(t), signUp(t)]);
      const posts: string[] = [];
      for (let i = 0; i < 5; i++) posts.push((await publish(t, prolific.agent)).id);
      for (const id of posts) await like(fan, id);
      await refresh();

      const all = await explore({ limit: 100 });
      expect(all.ids.filter((id) => posts.includes(id))).toHaveLength(3);

      const first = await explore({ limit: 2 });
      expect(first.ids).toEqual(all.ids.slice(0, 2));
      const second = await explore({ limit: 2, cursor: first.nextCursor! });
      expect(second.ids).toEqual(all.ids.slice(2, 4));
    });

    it('refuses a cursor it did not give out', async () => {
      expectProblem(
        (await client(t).get('/api/explore').query({ cursor: 'nope' }).expect(400)).body,
        400,
      );
    });
  });
});
