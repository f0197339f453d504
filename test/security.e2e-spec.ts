import request from 'supertest';
import { startApp, type TestApp } from './harness/app';
import { client, expectProblem, newAccountFields, randomIp, signUp } from './harness/client';

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
    it('carries helmet headers and a request id', async () => {
      const res = await client(t).get('/api/users/nobody_here');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-security-policy']).toBeDefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
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
