import request from 'supertest';
import { mode, startApp, type TestApp } from './harness/app';
import { client, expectProblem, newAccountFields, sessionIdOf, signUp } from './harness/client';
import type { Store } from 'express-session';
import { SessionBackend } from '../src/auth/session/session-backend';
import { sessionCount, sessionExists, storedSession } from './harness/sessions';

describe('Accounts and sessions (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('signup', () => {
    it('creates the account, answers the private user and starts a session', async () => {
      const fields = newAccountFields();
      const agent = client(t);
      const res = await agent
        .post('/api/auth/signup')
        .send({
          ...fields,
          username: fields.username.toUpperCase(),
          firstName: 'Ada',
          lastName: 'Lovelace',
        })
        .expect(201);

      expect(res.body).toEqual({
        id: expect.stringMatching(
          /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        ),
        username: fields.username,
        email: fields.email,
        firstName: 'Ada',
        lastName: 'Lovelace',
        bio: null,
        avatarUrl: null,
        createdAt: expect.any(String),
        counts: { posts: 0, followers: 0, following: 0 },
        private: false,
        // the first account of an instance is its admin (test/moderation.e2e-spec.ts)
        role: expect.stringMatching(/^(user|admin)$/),
        viewer: null,
      });
      expect(JSON.stringify(res.body)).not.toMatch(/hash|password/i);
      const cookie = (res.headers['set-cookie'] as unknown as string[])[0];
      expect(cookie).toMatch(/^freeb\.sid=/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);

      const me = await agent.get('/api/auth/me').expect(200);
      expect(me.body.username).toBe(fields.username);
    });

    it('refuses a username or an email already taken, without regard to case', async () => {
      const taken = await signUp(t);
      const other = newAccountFields();

      const byName = await client(t)
        .post('/api/auth/signup')
        .send({ ...other, username: taken.username.toUpperCase() })
        .expect(409);
      expectProblem(byName.body, 409);
      expect(byName.body.errors).toEqual([{ field: 'username', message: expect.any(String) }]);

      const byEmail = await client(t)
        .post('/api/auth/signup')
        .send({ ...other, email: taken.email.toUpperCase() })
        .expect(409);
      expect(byEmail.body.errors).toEqual([{ field: 'email', message: expect.any(String) }]);
      expect(byEmail.headers['set-cookie']).toBeUndefined();
    });

    it.each([
      ['a username too short', { username: 'ab' }, 'username'],
      ['a username with other characters', { username: 'ada lovelace!' }, 'username'],
      ['a username too long', { username: 'a'.repeat(31) }, 'username'],
      ['a reserved username', { username: 'me' }, 'username'],
      ['an email that is not one', { email: 'not-an-email' }, 'email'],
      ['a password too short', { password: 'short' }, 'password'],
      ['a password too long', { password: 'x'.repeat(129) }, 'password'],
      ['a common password', { password: 'password123' }, 'password'],
      ['a common password in other case', { password: 'SUNSHINE1' }, 'password'],
      [
        'a password equal to the username',
        { password: 'samepassword', username: 'samepassword' },
        'password',
      ],
      ['a number where text belongs', { firstName: 42 }, 'firstName'],
      ['an unknown field', { isAdmin: true }, 'isAdmin'],
    ])('answers 400 for %s and creates nothing', async (_label, change, field) => {
      const fields = { ...newAccountFields(), ...change };
      const res = await client(t).post('/api/auth/signup').send(fields).expect(400);
      expectProblem(res.body, 400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      expect(res.headers['set-cookie']).toBeUndefined();
      await client(t)
        .post('/api/auth/login')
        .send({ login: fields.email, password: fields.password })
        .expect(401);
    });

    it('answers malformed JSON and a missing body with problems', async () => {
      const malformed = await client(t)
        .post('/api/auth/signup')
        .set('Content-Type', 'application/json')
        .send('{"username":')
        .expect(400);
      expectProblem(malformed.body, 400);
      const empty = await client(t).post('/api/auth/signup').expect(400);
      expectProblem(empty.body, 400);
      const array = await client(t).post('/api/auth/signup').send([1, 2]).expect(400);
      expectProblem(array.body, 400);
    });
  });

  describe('login', () => {
    it('signs in by username or by email, in any case', async () => {
      const account = await signUp(t);
      for (const login of [
        account.username,
        account.email,
        account.email.toUpperCase(),
        ` ${account.username} `,
      ]) {
        const agent = client(t);
        const res = await agent
          .post('/api/auth/login')
          .send({ login, password: account.password })
          .expect(200);
        expect(res.body).toEqual(expect.objectContaining({ id: account.id, email: account.email }));
        await agent.get('/api/auth/me').expect(200);
      }
    });

    it('gives one answer for an unknown account and for a wrong password', async () => {
      const account = await signUp(t);
      const wrong = await client(t)
        .post('/api/auth/login')
        .send({ login: account.username, password: 'not the password' })
        .expect(401);
      const unknown = await client(t)
        .post('/api/auth/login')
        .send({ login: 'nobody_here', password: 'not the password' })
        .expect(401);
      expectProblem(wrong.body, 401);
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.headers['set-cookie']).toBeUndefined();
    });

    it('refuses an invalid body before it reaches the session', async () => {
      const res = await client(t)
        .post('/api/auth/login')
        .send({ login: 'someone', password: 7 })
        .expect(400);
      expectProblem(res.body, 400);
      expect(res.headers['set-cookie']).toBeUndefined();
      await client(t)
        .post('/api/auth/login')
        .send({ login: 'x', password: 'y', extra: 1 })
        .expect(400);
    });

    it('gives a new session id on login, and the old one stops working (no fixation)', async () => {
      const account = await signUp(t);
      const agent = client(t);
      const first = await agent
        .post('/api/auth/login')
        .send({ login: account.username, password: account.password });
      const firstSid = sessionIdOf(first.headers['set-cookie']);
      const firstCookie = (first.headers['set-cookie'] as unknown as string[])[0].split(';')[0];

      const second = await agent
        .post('/api/auth/login')
        .send({ login: account.username, password: account.password });
      const secondSid = sessionIdOf(second.headers['set-cookie']);
      expect(firstSid).toBeDefined();
      expect(secondSid).toBeDefined();
      expect(secondSid).not.toBe(firstSid);
      expect(await sessionExists(t, firstSid!)).toBe(false);
      expect(await sessionExists(t, secondSid!)).toBe(true);

      await request(t.server).get('/api/auth/me').set('Cookie', firstCookie).expect(401);
      await agent.get('/api/auth/me').expect(200);
    });
  });

  describe('logout', () => {
    it('removes the session from the store', async () => {
      const account = await signUp(t);
      const login = await account.agent
        .post('/api/auth/login')
        .send({ login: account.username, password: account.password })
        .expect(200);
      const sid = sessionIdOf(login.headers['set-cookie'])!;
      const cookie = (login.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
      expect(await sessionExists(t, sid)).toBe(true);

      const logout = await account.agent.post('/api/auth/logout').expect(204);

      // The browser is told to drop the cookie: same name and path, expired.
      const cleared = (logout.headers['set-cookie'] as unknown as string[] | undefined)?.find(
        (line) => line.startsWith('freeb.sid=;'),
      );
      expect(cleared).toMatch(/; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly/);
      expect(await sessionExists(t, sid)).toBe(false);
      await account.agent.get('/api/auth/me').expect(401);
      await request(t.server).get('/api/auth/me').set('Cookie', cookie).expect(401);
    });

    it('needs a session', async () => {
      const res = await client(t).post('/api/auth/logout').expect(401);
      expectProblem(res.body, 401);
    });
  });

  describe('anonymous requests', () => {
    it('never reach the session store, create no session and set no cookie', async () => {
      // express-session gives the store `generate`, which makes a new session object.
      const store = t.app.get(SessionBackend).store as Store & { generate(req: unknown): void };
      const calls = (['get', 'set', 'generate', 'destroy'] as const).map((name) =>
        jest.spyOn(store, name),
      );
      const before = await sessionCount(t);
      try {
        const reads: Array<[string, number]> = [
          ['/api/posts', 200],
          ['/api/meta', 200],
          ['/api/users/nobody_here', 404],
          ['/api/auth/me', 401],
        ];
        for (const [path, status] of reads) {
          const res = await client(t).get(path).set('Cookie', 'theme=dark').expect(status);
          expect(res.headers['set-cookie']).toBeUndefined();
        }
        for (const call of calls) expect(call).not.toHaveBeenCalled();
      } finally {
        for (const call of calls) call.mockRestore();
      }
      expect(await sessionCount(t)).toBe(before);
    });

    it('still get a session when they sign in', async () => {
      const account = await signUp(t);
      const login = await client(t)
        .post('/api/auth/login')
        .send({ login: account.username, password: account.password })
        .expect(200);
      expect(await sessionExists(t, sessionIdOf(login.headers['set-cookie'])!)).toBe(true);
    });
  });

  describe('me', () => {
    it('does not write the session on every request (rolling expiry is renewed sparingly)', async () => {
      const account = await signUp(t);
      const login = await account.agent
        .post('/api/auth/login')
        .send({ login: account.username, password: account.password })
        .expect(200);
      const sid = sessionIdOf(login.headers['set-cookie'])!;
      const before = await storedSession(t, sid);
      expect(before).not.toBeNull();
      for (let i = 0; i < 3; i++) {
        const res = await account.agent.get('/api/auth/me').expect(200);
        expect(res.headers['set-cookie']).toBeUndefined();
      }
      // The same expiry and data (the row, or every attribute of the DynamoDB item).
      expect(await storedSession(t, sid)).toEqual(before);
    });

    it('is 401 without a session or with a forged cookie', async () => {
      await client(t).get('/api/auth/me').expect(401);
      await client(t)
        .get('/api/auth/me')
        .set('Cookie', 'freeb.sid=s%3Aforged.signature')
        .expect(401);
    });
  });

  describe('password change', () => {
    it('keeps the current session, ends every other one, and swaps the password', async () => {
      const account = await signUp(t);
      const laptop = client(t);
      await laptop
        .post('/api/auth/login')
        .send({ login: account.email, password: account.password })
        .expect(200);
      await laptop.get('/api/auth/me').expect(200);

      const newPassword = 'an entirely new secret';
      await account.agent
        .put('/api/auth/password')
        .send({ currentPassword: account.password, newPassword })
        .expect(204);

      await account.agent.get('/api/auth/me').expect(200);
      const revoked = await laptop.get('/api/auth/me').expect(401);
      expectProblem(revoked.body, 401);
      await client(t)
        .post('/api/auth/login')
        .send({ login: account.username, password: account.password })
        .expect(401);
      await client(t)
        .post('/api/auth/login')
        .send({ login: account.username, password: newPassword })
        .expect(200);
    });

    it('refuses a wrong current password or a weak new one, changing nothing', async () => {
      const account = await signUp(t);
      const wrong = await account.agent
        .put('/api/auth/password')
        .send({ currentPassword: 'not my password', newPassword: 'a fine new password' })
        .expect(403);
      expectProblem(wrong.body, 403);
      await account.agent
        .put('/api/auth/password')
        .send({ currentPassword: account.password, newPassword: 'qwerty123' })
        .expect(400);
      await account.agent
        .put('/api/auth/password')
        .send({ currentPassword: account.password, newPassword: 'short' })
        .expect(400);
      await client(t)
        .post('/api/auth/login')
        .send({ login: account.username, password: account.password })
        .expect(200);
      await account.agent.get('/api/auth/me').expect(200);
    });

    it('needs a session', async () => {
      await client(t)
        .put('/api/auth/password')
        .send({ currentPassword: 'whatever it is', newPassword: 'a fine new password' })
        .expect(401);
    });
  });

  describe('account deletion', () => {
    it('needs the password', async () => {
      const account = await signUp(t);
      await account.agent.delete('/api/users/me').send({ password: 'not my password' }).expect(403);
      await account.agent.delete('/api/users/me').send({}).expect(400);
      await account.agent.get('/api/auth/me').expect(200);
      await client(t).get(`/api/users/${account.username}`).expect(200);
    });

    it('removes the account and ends all of its sessions', async () => {
      const account = await signUp(t);
      const phone = client(t);
      const login = await phone
        .post('/api/auth/login')
        .send({ login: account.username, password: account.password })
        .expect(200);
      const phoneSid = sessionIdOf(login.headers['set-cookie'])!;

      const relogin = await account.agent
        .post('/api/auth/login')
        .send({ login: account.username, password: account.password })
        .expect(200);
      const ownSid = sessionIdOf(relogin.headers['set-cookie'])!;
      await account.agent.delete('/api/users/me').send({ password: account.password }).expect(204);

      // Before either session makes another request: the database store has removed every
      // session of the account; DynamoDB cannot find sessions by user, so there the other
      // session stays until its next request ends it (revocation, below).
      expect(await sessionExists(t, ownSid)).toBe(false);
      expect(await sessionExists(t, phoneSid)).toBe(mode === 'cloud');
      await account.agent.get('/api/auth/me').expect(401);
      await phone.get('/api/auth/me').expect(401);
      expect(await sessionExists(t, phoneSid)).toBe(false);
      await client(t).get(`/api/users/${account.username}`).expect(404);
      await client(t)
        .post('/api/auth/login')
        .send({ login: account.email, password: account.password })
        .expect(401);
      // The name is free again.
      await client(t)
        .post('/api/auth/signup')
        .send({ username: account.username, email: account.email, password: account.password })
        .expect(201);
    });
  });
});
