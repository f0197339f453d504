import request from 'supertest';
import { mode, startApp, type TestApp } from './harness/app';
import {
  client,
  expectProblem,
  newAccountFields,
  randomIp,
  sessionIdOf,
  signUp,
  type Account,
  type Agent,
} from './harness/client';
import { statementsDuring } from './harness/queries';

/** The device cookie a login answer set, as a Cookie header. */
function deviceCookieOf(res: request.Response): string {
  const lines = (res.headers['set-cookie'] as unknown as string[] | undefined) ?? [];
  const line = lines.find((cookie) => cookie.startsWith('freeb.device='));
  expect(line).toMatch(/; Path=\/api\/auth; .*HttpOnly; SameSite=Lax/);
  return line!.split(';')[0];
}

describe('Guarding the door (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ TRUSTED_ORIGINS: 'https://app.example.com' });
  });

  afterAll(async () => {
    await t.close();
  });

  describe('cross-origin protection', () => {
    const signupFrom = (headers: Record<string, string>) => {
      const req = client(t).post('/api/auth/signup');
      for (const [name, value] of Object.entries(headers)) req.set(name, value);
      return req.send(newAccountFields());
    };

    it('refuses a cross-site POST from a browser, before anything changes', async () => {
      const res = await signupFrom({
        'Sec-Fetch-Site': 'cross-site',
        Origin: 'https://evil.example',
      }).expect(403);
      expectProblem(res.body, 403);
      expect(res.body.type).toBe('urn:freeb:problem:cross-origin');
      await signupFrom({ 'Sec-Fetch-Site': 'same-site', Origin: 'https://sub.example.com' }).expect(
        403,
      );
    });

    it('refuses a cross-origin POST from an older browser (Origin differs from Host)', async () => {
      await signupFrom({ Origin: 'https://evil.example' }).expect(403);
    });

    it('refuses a cross-site logout of a signed-in user and keeps the session', async () => {
      const account = await signUp(t);
      await account.agent.post('/api/auth/logout').set('Sec-Fetch-Site', 'cross-site').expect(403);
      await account.agent.get('/api/auth/me').expect(200);
    });

    it('serves same-origin, user-initiated, trusted-origin and non-browser requests', async () => {
      await signupFrom({ 'Sec-Fetch-Site': 'same-origin', Origin: 'http://whatever' }).expect(201);
      await signupFrom({ 'Sec-Fetch-Site': 'none' }).expect(201);
      await signupFrom({
        'Sec-Fetch-Site': 'cross-site',
        Origin: 'https://app.example.com',
      }).expect(201);
      const host = `127.0.0.1:${(t.server.address() as { port: number }).port}`;
      await signupFrom({ Origin: `http://${host}` }).expect(201);
      await signupFrom({}).expect(201);
    });

    it('lets safe methods through from anywhere', async () => {
      await client(t).get('/api/users/nobody_here').set('Sec-Fetch-Site', 'cross-site').expect(404);
    });

    it('answers CORS preflights for trusted origins only', async () => {
      const trusted = await request(t.server)
        .options('/api/auth/login')
        .set('Origin', 'https://app.example.com')
        .set('Access-Control-Request-Method', 'POST');
      expect(trusted.headers['access-control-allow-origin']).toBe('https://app.example.com');
      expect(trusted.headers['access-control-allow-credentials']).toBe('true');
      const other = await request(t.server)
        .options('/api/auth/login')
        .set('Origin', 'https://evil.example')
        .set('Access-Control-Request-Method', 'POST');
      expect(other.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('throttling', () => {
    it('limits logins per IP address, with Retry-After', async () => {
      const ip = randomIp();
      const statuses: number[] = [];
      for (let i = 0; i < 31; i++) {
        const res = await client(t, ip)
          .post('/api/auth/login')
          .send({ login: `someone${i}`, password: 'a wrong password' });
        statuses.push(res.status);
        if (res.status === 429) {
          expectProblem(res.body, 429);
          expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        }
      }
      expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
      expect(statuses[30]).toBe(429);
      // Another address is not affected.
      await client(t)
        .post('/api/auth/login')
        .send({ login: 'someone', password: 'a wrong password' })
        .expect(401);
    });

    it('limits logins per account, whatever the address, even with the right password', async () => {
      const account = await signUp(t);
      for (let i = 0; i < 10; i++) {
        await client(t)
          .post('/api/auth/login')
          .send({ login: account.username, password: `wrong guess ${i}` })
          .expect(401);
      }
      const blocked = await client(t)
        .post('/api/auth/login')
        .send({ login: account.username.toUpperCase(), password: account.password })
        .expect(429);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      expect(blocked.headers['set-cookie']).toBeUndefined();
      // The account's existing session is not affected.
      await account.agent.get('/api/auth/me').expect(200);
    });

    const login = (agent: Agent, account: Account, password = account.password) =>
      agent.post('/api/auth/login').send({ login: account.username, password });

    it('does not hold a browser that signed in before when strangers lock the account', async () => {
      const account = await signUp(t);
      const browser = client(t);
      const first = await login(browser, account).expect(200);
      await browser.post('/api/auth/logout').expect(204);
      // Strangers from eleven addresses guess; the eleventh is held, the right password too.
      for (let i = 0; i < 10; i++) await login(client(t), account, `guess ${i}`).expect(401);
      await login(client(t), account, 'guess 10').expect(429);
      await login(client(t), account).expect(429);
      // A forged device cookie, or another account's, is a stranger's.
      const other = await signUp(t);
      const otherBrowser = client(t);
      const theirs = await login(otherBrowser, other).expect(200);
      const forged = deviceCookieOf(first).replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      await login(client(t).set('Cookie', forged), account).expect(429);
      await login(client(t).set('Cookie', deviceCookieOf(theirs)), account).expect(429);
      // The owner's browser signs in.
      const res = await login(browser, account).expect(200);
      expect(sessionIdOf(res.headers['set-cookie'])).toBeDefined();
      await browser.get('/api/auth/me').expect(200);
    });

    it('holds a browser with a device cookie by a limit of its own', async () => {
      const account = await signUp(t);
      const browser = client(t);
      await login(browser, account).expect(200);
      for (let i = 0; i < 10; i++) await login(browser, account, `typo ${i}`).expect(401);
      const held = await login(browser, account).expect(429);
      expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
      // The account's own limit was not spent: a new browser signs in.
      await login(client(t), account).expect(200);
    });

    it('signs in with one counter update and the session written once, nothing else', async () => {
      const account = await signUp(t);
      const ip = randomIp();
      const own = (statements: Array<{ sql: string }>) =>
        statements
          .map((query) => query.sql.trim())
          // The job workers poll in the background; their queue is not the login's.
          .filter((sql) => !/\b(INTO|FROM|UPDATE)\s+[`"]?jobs\b/i.test(sql));
      const writesOf = (statements: string[]) =>
        statements
          .filter((sql) => /^(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql))
          .map(
            (sql) =>
              /^(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM|REPLACE\s+INTO)\s+[`"]?(\w+)/i.exec(sql)?.[1],
          );
      // From a new address (the counter's first hit) and again from the same (a live window).
      const first = own(await statementsDuring(t, () => login(client(t, ip), account).expect(200)));
      const again = own(await statementsDuring(t, () => login(client(t, ip), account).expect(200)));
      for (const statements of [first, again]) {
        // Sessions are rows on the embedded default and DynamoDB items in the cloud.
        expect(writesOf(statements)).toEqual(
          mode === 'embedded' ? ['rate_limits', 'sessions'] : ['rate_limits'],
        );
        // The address's counter (one upsert) and the account's failure counter: SQLite's
        // upsert answers its row and the other is read after; MariaDB is asked for both in one
        // SELECT. Then the account, and on the embedded default the session (a DynamoDB item in
        // the cloud); the answer reuses the account it read.
        expect(statements).toHaveLength(mode === 'embedded' ? 4 : 3);
        if (mode !== 'embedded') {
          expect(statements[1]).toMatch(/FROM rate_limits WHERE `key` IN \(\?, \?\)/);
        }
      }
    });

    it('limits signups per IP address', async () => {
      const ip = randomIp();
      for (let i = 0; i < 10; i++) {
        await client(t, ip).post('/api/auth/signup').send(newAccountFields()).expect(201);
      }
      const fields = newAccountFields();
      const res = await client(t, ip).post('/api/auth/signup').send(fields).expect(429);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      await client(t)
        .post('/api/auth/login')
        .send({ login: fields.username, password: fields.password })
        .expect(401);
    });
  });

  describe('every answer', () => {
    it('carries security headers and a request id', async () => {
      const res = await client(t).get('/api/users/nobody_here');
      // An API answer: the headers that matter for any resource, none of the document-only ones.
      expect(res.headers).toEqual(
        expect.objectContaining({
          'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
          'cross-origin-resource-policy': 'same-origin',
          'strict-transport-security': 'max-age=31536000; includeSubDomains',
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'DENY',
        }),
      );
      for (const documentOnly of [
        'cross-origin-opener-policy',
        'referrer-policy',
        'x-xss-protection',
      ])
        expect(res.headers[documentOnly]).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
      // Anything else (the web client's pages, /health, /docs): helmet's full set.
      const page = await client(t).get('/health');
      expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
      expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(page.headers['referrer-policy']).toBe('no-referrer');
      expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(page.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      const echoed = await client(t).get('/health').set('X-Request-Id', 'trace-123');
      expect(echoed.headers['x-request-id']).toBe('trace-123');
    });

    it('answers unknown routes and methods with 404 problems', async () => {
      for (const res of [
        await client(t).get('/api/nothing/here'),
        await client(t).delete('/api/auth/me'),
        await client(t).post('/api/users/someone').send({}),
      ]) {
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expectProblem(res.body, 404);
      }
    });

    it('answers odd input with 4xx problems, never a 5xx', async () => {
      const probes = [
        client(t)
          .post('/api/auth/login')
          .set('Content-Type', 'application/json')
          .send('{"login": "a", '),
        client(t)
          .post('/api/auth/login')
          .set('Content-Type', 'application/json')
          .send('"just a string"'),
        client(t)
          .post('/api/auth/login')
          .set('Content-Type', 'text/plain')
          .send('login=a&password=b'),
        client(t)
          .post('/api/auth/login')
          .send({ login: { $gt: '' }, password: 'x' }),
        client(t)
          .post('/api/auth/login')
          .send({ login: ['a', 'b'], password: 'x' }),
        client(t)
          .post('/api/auth/signup')
          .send({ ...newAccountFields(), username: null }),
        client(t)
          .post('/api/auth/signup')
          .set('Content-Type', 'application/json')
          .send(`{"bio":"${'x'.repeat(200_000)}"}`),
        client(t).get('/api/users/%E0%A4%A'),
        client(t).get(`/api/users/${'a'.repeat(5000)}`),
        client(t).patch('/api/users/me').set('Cookie', 'freeb.sid=garbage'),
      ];
      for (const probe of probes) {
        const res = await probe;
        expect(res.status).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });
  });
});
