import { startApp, type TestApp } from './harness/app';
import { type Account, type Agent, client, expectProblem, signUp } from './harness/client';
import { publish } from './harness/storage';

type Report = {
  id: string;
  status: string;
  subject: { type: string; id: string; preview?: unknown };
  reportCount?: number;
  action?: string | null;
};

describe('Reports, moderation, roles and suspension (e2e)', () => {
  let t: TestApp;
  let admin: Account;
  let moderator: Account;

  beforeAll(async () => {
    t = await startApp();
    admin = await signUp(t); // the first account of the instance
    moderator = await signUp(t);
    await admin.agent
      .put(`/api/admin/users/${moderator.username}/role`)
      .send({ role: 'moderator' })
      .expect(204);
  });

  afterAll(async () => {
    await t.close();
  });

  const report = (reporter: Account, type: string, id: string, reason = 'spam') =>
    reporter.agent.post('/api/reports').send({ subject: { type, id }, reason });
  const queue = async (status = 'open') =>
    (await moderator.agent.get(`/api/moderation/reports?status=${status}&limit=100`).expect(200))
      .body.items as Report[];
  const auditLog = async () =>
    (await admin.agent.get('/api/moderation/actions?limit=100').expect(200)).body.items as Array<{
      moderator: { username: string };
      action: string;
      subject: { type: string; id: string };
      reportId: string | null;
      note: string | null;
      createdAt: string;
    }>;

  describe('roles', () => {
    it('makes the first account an admin and later ones users; admins grant roles', async () => {
      expect((await admin.agent.get('/api/auth/me').expect(200)).body.role).toBe('admin');
      expect((await moderator.agent.get('/api/auth/me').expect(200)).body.role).toBe('moderator');
      const someone = await signUp(t);
      expect((await someone.agent.get('/api/auth/me').expect(200)).body.role).toBe('user');

      const res = await moderator.agent
        .put(`/api/admin/users/${someone.username}/role`)
        .send({ role: 'admin' })
        .expect(403);
      expectProblem(res.body, 403);
      await admin.agent
        .put(`/api/admin/users/${someone.username}/role`)
        .send({ role: 'root' })
        .expect(400);
      await admin.agent.put('/api/admin/users/nobody_here/role').send({ role: 'user' }).expect(404);
      expect((await someone.agent.get('/api/auth/me').expect(200)).body.role).toBe('user');

      const granted = (await auditLog()).find((line) => line.subject.id === moderator.id);
      expect(granted).toEqual(
        expect.objectContaining({
          action: 'role',
          moderator: expect.objectContaining({ username: admin.username }),
          note: 'user → moderator',
        }),
      );
    });

    it('answers 403 to a non-moderator and 401 to nobody on every moderation route', async () => {
      const doc = (await client(t).get('/docs-json').expect(200)).body as {
        paths: Record<string, Record<string, unknown>>;
      };
      const routes = Object.entries(doc.paths)
        .filter(([path]) => /^\/api\/(moderation|admin)\//.test(path))
        .flatMap(([path, operations]) =>
          Object.keys(operations).map((method) => ({
            method,
            path: path.replace(/\{[^}]+\}/g, moderator.username),
          })),
        );
      expect(routes.length).toBeGreaterThanOrEqual(5);
      const user = await signUp(t);
      const call = (agent: Agent, method: string, path: string) =>
        method === 'get'
          ? agent.get(path)
          : method === 'put'
            ? agent.put(path).send({})
            : agent.post(path).send({});
      for (const { method, path } of routes) {
        expect([method, path, (await call(user.agent, method, path)).status]).toEqual([
          method,
          path,
          403,
        ]);
        expect([method, path, (await call(client(t), method, path)).status]).toEqual([
          method,
          path,
          401,
        ]);
      }
    });
  });

  describe('reports', () => {
    it('files a report once; reporting again while it is open answers that report', async () => {
      const author = await signUp(t);
      const reporter = await signUp(t);
      const post = await publish(t, author.agent, { caption: 'buy now' });
      const first = await report(reporter, 'post', post.id).expect(201);
      expect(first.body).toEqual({
        id: expect.any(String),
        status: 'open',
        subject: { type: 'post', id: post.id },
        reason: 'spam',
        createdAt: expect.any(String),
      });
      const again = await report(reporter, 'post', post.id, 'other').expect(200);
      expect(again.body.id).toBe(first.body.id);
      expect(again.body.reason).toBe('spam');
    });

    it('refuses bad reports with 400, missing subjects with 404, and nobody with 401', async () => {
      const author = await signUp(t);
      const post = await publish(t, author.agent);
      expectProblem((await report(author, 'post', post.id).expect(400)).body, 400);
      await report(author, 'post', post.id, 'boring').expect(400);
      await report(author, 'photo', post.id).expect(400);
      await author.agent
        .post('/api/reports')
        .send({ subject: { type: 'post', id: post.id }, reason: 'spam', extra: 1 })
        .expect(400);
      await report(author, 'post', '0190a6f4-0000-7000-8000-000000000000').expect(404);
      await report(author, 'user', '0190a6f4-0000-7000-8000-000000000000').expect(404);
      await client(t)
        .post('/api/reports')
        .send({ subject: { type: 'user', id: author.id }, reason: 'spam' })
        .expect(401);
    });

    it('limits reports per user: 429 with Retry-After past the limit', async () => {
      const reporter = await signUp(t);
      const target = await signUp(t);
      for (let i = 0; i < 30; i++) await report(reporter, 'user', target.id).expect(i ? 200 : 201);
      const res = await report(reporter, 'user', target.id).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      expectProblem(res.body, 429);
    });
  });

  describe('the queue and its actions', () => {
    it('shows open reports oldest first, with a preview and how many reported it', async () => {
      const author = await signUp(t);
      const post = await publish(t, author.agent, { caption: 'see my site' });
      const [ann, ben] = [await signUp(t), await signUp(t)];
      const mine = (await report(ann, 'post', post.id).expect(201)).body as Report;
      const theirs = (await report(ben, 'post', post.id, 'nudity').expect(201)).body as Report;

      const items = (await queue()).filter((item) => item.subject.id === post.id);
      expect(items.map((item) => item.id)).toEqual([mine.id, theirs.id]);
      expect(items[0]).toEqual(
        expect.objectContaining({
          status: 'open',
          reportCount: 2,
          subject: {
            type: 'post',
            id: post.id,
            preview: {
              user: expect.objectContaining({ username: author.username }),
              text: 'see my site',
              imageUrl: expect.any(String),
            },
          },
        }),
      );
    });

    it('dismisses one report; resolving it again is a 409', async () => {
      const author = await signUp(t);
      const reporter = await signUp(t);
      const post = await publish(t, author.agent);
      const filed = (await report(reporter, 'post', post.id).expect(201)).body as Report;
      const res = await moderator.agent
        .post(`/api/moderation/reports/${filed.id}/resolve`)
        .send({ action: 'dismiss', note: 'fine' })
        .expect(200);
      expect(res.body).toEqual(
        expect.objectContaining({ status: 'resolved', action: 'dismiss', note: 'fine' }),
      );
      await moderator.agent
        .post(`/api/moderation/reports/${filed.id}/resolve`)
        .send({ action: 'remove' })
        .expect(409);
      await client(t).get(`/api/posts/${post.id}`).expect(200);
      expect((await queue()).some((item) => item.id === filed.id)).toBe(false);
      expect((await queue('resolved')).some((item) => item.id === filed.id)).toBe(true);
      // The reporter may report the subject anew once their report is closed.
      await report(reporter, 'post', post.id).expect(201);
    });

    it('removes a post and resolves every open report of it, in the audit log', async () => {
      const author = await signUp(t);
      const post = await publish(t, author.agent);
      const [ann, ben] = [await signUp(t), await signUp(t)];
      const filed = (await report(ann, 'post', post.id).expect(201)).body as Report;
      const other = (await report(ben, 'post', post.id).expect(201)).body as Report;
      await moderator.agent
        .post(`/api/moderation/reports/${filed.id}/resolve`)
        .send({ action: 'remove', note: 'spam ring' })
        .expect(200);
      await client(t).get(`/api/posts/${post.id}`).expect(404);
      expect((await author.agent.get('/api/auth/me').expect(200)).body.counts.posts).toBe(0);
      const resolved = (await queue('resolved')).find((item) => item.id === other.id);
      expect(resolved).toEqual(expect.objectContaining({ status: 'resolved', action: 'remove' }));
      expect(resolved?.subject.preview).toBeNull();
      expect((await auditLog()).find((line) => line.reportId === filed.id)).toEqual(
        expect.objectContaining({
          action: 'remove',
          moderator: expect.objectContaining({ username: moderator.username }),
          subject: { type: 'post', id: post.id },
          note: 'spam ring',
          createdAt: expect.any(String),
        }),
      );
    });

    it('removes a comment and takes it out of the post’s count', async () => {
      const author = await signUp(t);
      const troll = await signUp(t);
      const post = await publish(t, author.agent);
      const comment = (
        await troll.agent.post(`/api/posts/${post.id}/comments`).send({ body: 'ugh' }).expect(201)
      ).body as { id: string };
      const filed = (await report(author, 'comment', comment.id, 'harassment').expect(201))
        .body as Report;
      const item = (await queue()).find((entry) => entry.id === filed.id);
      expect(item?.subject.preview).toEqual(
        expect.objectContaining({ text: 'ugh', user: expect.objectContaining({ id: troll.id }) }),
      );
      await moderator.agent
        .post(`/api/moderation/reports/${filed.id}/resolve`)
        .send({ action: 'remove' })
        .expect(200);
      const comments = (await client(t).get(`/api/posts/${post.id}/comments`).expect(200)).body;
      expect(comments.items).toEqual([]);
      expect((await client(t).get(`/api/posts/${post.id}`).expect(200)).body.commentCount).toBe(0);
    });

    it('refuses to remove a user (400) and leaves the report open', async () => {
      const target = await signUp(t);
      const reporter = await signUp(t);
      const filed = (await report(reporter, 'user', target.id).expect(201)).body as Report;
      await moderator.agent
        .post(`/api/moderation/reports/${filed.id}/resolve`)
        .send({ action: 'remove' })
        .expect(400);
      expect((await queue()).some((item) => item.id === filed.id)).toBe(true);
    });
  });

  describe('suspension', () => {
    it('ends the sessions, refuses sign-in with one message, and unsuspends', async () => {
      const bad = await signUp(t);
      const reporter = await signUp(t);
      const post = await publish(t, bad.agent);
      const filed = (await report(reporter, 'post', post.id, 'hate').expect(201)).body as Report;
      await moderator.agent
        .post(`/api/moderation/reports/${filed.id}/resolve`)
        .send({ action: 'suspend', note: 'hate speech' })
        .expect(200);

      await bad.agent.get('/api/auth/me').expect(401);
      const refused = await client(t)
        .post('/api/auth/login')
        .send({ login: bad.username, password: bad.password })
        .expect(403);
      expect(refused.body.detail).toBe('This account is suspended.');
      expect(refused.headers['set-cookie']).toBeUndefined();
      await client(t)
        .post('/api/auth/login')
        .send({ login: bad.username, password: 'not the password' })
        .expect(401);
      expect((await auditLog()).find((line) => line.reportId === filed.id)).toEqual(
        expect.objectContaining({ action: 'suspend', subject: { type: 'user', id: bad.id } }),
      );

      await moderator.agent
        .post(`/api/moderation/users/${bad.username}/unsuspend`)
        .send({ note: 'appeal granted' })
        .expect(204);
      await client(t)
        .post('/api/auth/login')
        .send({ login: bad.username, password: bad.password })
        .expect(200);
      expect(
        (await auditLog()).find(
          (line) => line.action === 'unsuspend' && line.subject.id === bad.id,
        ),
      ).toEqual(expect.objectContaining({ note: 'appeal granted' }));
    });

    it('lets only admins suspend moderators, and nobody themselves', async () => {
      const peer = await signUp(t);
      await admin.agent
        .put(`/api/admin/users/${peer.username}/role`)
        .send({ role: 'moderator' })
        .expect(204);
      const reporter = await signUp(t);
      const filed = (await report(reporter, 'user', peer.id).expect(201)).body as Report;
      await moderator.agent
        .post(`/api/moderation/reports/${filed.id}/resolve`)
        .send({ action: 'suspend' })
        .expect(403);
      await peer.agent
        .post(`/api/moderation/reports/${filed.id}/resolve`)
        .send({ action: 'suspend' })
        .expect(403);
      await admin.agent
        .post(`/api/moderation/reports/${filed.id}/resolve`)
        .send({ action: 'suspend' })
        .expect(200);
      await peer.agent.get('/api/auth/me').expect(401);
    });
  });
});

describe('ADMIN_USERNAMES (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ ADMIN_USERNAMES: 'boss.x,chief_y' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('makes the accounts named in ADMIN_USERNAMES admins, and keeps them so', async () => {
    const first = await signUp(t);
    const boss = await signUp(t, { username: 'boss.x', email: 'boss@example.com' });
    expect((await boss.agent.get('/api/auth/me').expect(200)).body.role).toBe('admin');
    const res = await first.agent
      .put('/api/admin/users/boss.x/role')
      .send({ role: 'user' })
      .expect(409);
    expectProblem(res.body, 409);
    expect((await boss.agent.get('/api/auth/me').expect(200)).body.role).toBe('admin');
  });
});
