import { startApp, type TestApp } from './harness/app';
import { signUp, type Account } from './harness/client';
import { eventually, fixture, publish, put, requestUpload } from './harness/storage';

/**
 * Writes racing each other (on MariaDB they run at once): a parent deleted under its children's
 * writes is a 404 for them, never a foreign-key 500, and nothing is counted twice or leaked.
 */
describe('Racing writes (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
  });

  const count = async (sql: string, parameters: unknown[] = []) => {
    const rows = (await t.dataSource.query(sql, parameters)) as Array<{ n: number | string }>;
    return Number(rows[0].n);
  };

  it('answers 404, never 500, to likes and comments racing the post’s deletion', async () => {
    const author = await signUp(t);
    const others: Account[] = [];
    for (let i = 0; i < 5; i++) others.push(await signUp(t));
    for (let round = 0; round < 3; round++) {
      const post = await publish(t, author.agent);
      const writes = others.flatMap((other) => [
        other.agent.put(`/api/posts/${post.id}/like`),
        other.agent.post(`/api/posts/${post.id}/comments`).send({ body: 'first!' }),
        other.agent.delete(`/api/posts/${post.id}/like`),
      ]);
      const [deleted, ...statuses] = await Promise.all([
        author.agent.delete(`/api/posts/${post.id}`).then((res) => res.status),
        ...writes.map((write) => write.then((res) => res.status)),
      ]);
      expect(deleted).toBe(204);
      expect(statuses.filter((status) => ![201, 204, 404].includes(status))).toEqual([]);
      expect(await count('SELECT COUNT(*) AS n FROM likes WHERE post_id = ?', [post.id])).toBe(0);
      expect(await count('SELECT COUNT(*) AS n FROM comments WHERE post_id = ?', [post.id])).toBe(
        0,
      );
    }
    expect(
      await count(
        'SELECT COUNT(*) AS n FROM users u WHERE u.id = ? AND u.posts_count <> (SELECT COUNT(*) FROM posts p WHERE p.author_id = u.id)',
        [author.id],
      ),
    ).toBe(0);
  }, 120_000);

  it('deletes a post once when two deletions race (the second is 404)', async () => {
    const author = await signUp(t);
    const post = await publish(t, author.agent);
    const statuses = await Promise.all(
      [1, 2].map(() => author.agent.delete(`/api/posts/${post.id}`).then((res) => res.status)),
    );
    expect(statuses.sort()).toEqual([204, 404]);
    await author.agent.get('/api/auth/me').expect(200);
    const me = await author.agent.get(`/api/users/${author.username}`).expect(200);
    expect(me.body.counts.posts).toBe(0);
  });

  it('answers 404, never 500, to follows racing the followee’s account deletion', async () => {
    for (let round = 0; round < 2; round++) {
      const followee = await signUp(t);
      const followers: Account[] = [];
      for (let i = 0; i < 6; i++) followers.push(await signUp(t));
      const [deleted, ...statuses] = await Promise.all([
        followee.agent
          .delete('/api/users/me')
          .send({ password: followee.password })
          .then((res) => res.status),
        ...followers.map((follower) =>
          follower.agent.put(`/api/users/${followee.username}/follow`).then((res) => res.status),
        ),
      ]);
      expect(deleted).toBe(204);
      expect(statuses.filter((status) => ![204, 404].includes(status))).toEqual([]);
      for (const follower of followers) {
        const me = await follower.agent.get(`/api/users/${follower.username}`).expect(200);
        expect(me.body.counts.following).toBe(0);
      }
    }
  }, 120_000);

  it('keeps exactly one avatar when ten changes race, and leaks no image', async () => {
    const account = await signUp(t);
    const bytes = fixture('tiny.png');
    const uploads = [];
    for (let i = 0; i < 10; i++) {
      const upload = await requestUpload(account.agent, 'image/png', bytes.length);
      expect((await put(t, upload, bytes)).status).toBe(200);
      uploads.push(upload);
    }
    const statuses = await Promise.all(
      uploads.map((upload) =>
        account.agent
          .patch('/api/users/me')
          .send({ avatarUploadId: upload.uploadId })
          .then((res) => res.status),
      ),
    );
    expect(statuses).toEqual(uploads.map(() => 200));
    // The one avatar left is the account's only attached image.
    await eventually(async () => {
      expect(
        await count("SELECT COUNT(*) AS n FROM images WHERE owner_id = ? AND status = 'attached'", [
          account.id,
        ]),
      ).toBe(1);
    });
    expect(
      await count(
        "SELECT COUNT(*) AS n FROM users u JOIN images i ON i.id = u.avatar_image_id WHERE u.id = ? AND i.status = 'attached'",
        [account.id],
      ),
    ).toBe(1);
  }, 120_000);
});
