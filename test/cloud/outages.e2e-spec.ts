import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { PRODUCTION_DEADLINE_MS, startApp, type TestApp } from '../harness/app';
import { client, expectProblem, newAccountFields, sessionIdOf, signUp } from '../harness/client';
import { DynaliteServer } from '../harness/dynalite';
import { sessionExists } from '../harness/sessions';
import { eventually } from '../harness/storage';
import { TcpProxy } from '../harness/tcp-proxy';

describe('Sessions in DynamoDB (cloud e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ DEPENDENCY_TIMEOUT_MS: PRODUCTION_DEADLINE_MS });
  });

  afterAll(async () => {
    await t.close();
  });

  it('keeps each session as an item in the DynamoDB table, and removes it on logout', async () => {
    expect(t.env.SESSION_STORE).toBe('dynamodb');
    const account = await signUp(t);
    const login = await account.agent
      .post('/api/auth/login')
      .send({ login: account.username, password: account.password })
      .expect(200);
    const sid = sessionIdOf(login.headers['set-cookie'])!;
    expect(await sessionExists(t, sid)).toBe(true);
    // Nothing goes to the database's sessions table in this mode.
    const [{ n }] = await t.dataSource.query('SELECT COUNT(*) AS n FROM sessions');
    expect(Number(n)).toBe(0);

    await account.agent.post('/api/auth/logout').expect(204);
    expect(await sessionExists(t, sid)).toBe(false);
  });
});

describe('A dependency goes away and comes back (cloud e2e)', () => {
  let t: TestApp;
  let dynamo: DynaliteServer;
  let database: TcpProxy;
  let dynamoDir: string;

  beforeAll(async () => {
    dynamoDir = mkdtempSync(join(tmpdir(), 'freeb-dynalite-'));
    dynamo = await new DynaliteServer(dynamoDir).start();
    database = await new TcpProxy('127.0.0.1', 3306).start();
    // The app's own database, over a line the test can cut.
    t = await startApp((env) => ({
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      DATABASE_URL: env.DATABASE_URL.replace('@127.0.0.1:3306/', `@127.0.0.1:${database.port}/`),
      DEPENDENCY_TIMEOUT_MS: PRODUCTION_DEADLINE_MS,
    }));
  });

  afterAll(async () => {
    await t.close();
    await dynamo.stop();
    await database.stop();
    rmSync(dynamoDir, { recursive: true, force: true });
  });

  it('answers 503 while DynamoDB is down, stays up, and recovers by itself', async () => {
    const account = await signUp(t);
    await account.agent.get('/api/auth/me').expect(200);

    await dynamo.stop();

    const me = await account.agent.get('/api/auth/me').expect(503);
    expectProblem(me.body, 503);
    const login = await client(t)
      .post('/api/auth/login')
      .send({ login: account.username, password: account.password });
    expect(login.status).toBe(503);
    expect(login.headers['set-cookie']).toBeUndefined();
    const ready = await client(t).get('/health/ready');
    expect({ status: ready.status, body: ready.body }).toEqual({
      status: 503,
      body: expect.objectContaining({
        errors: [{ field: 'sessions', message: expect.any(String) }],
      }),
    });
    await client(t).get('/health').expect(200);
    // Requests without a session do not need the store.
    await request(t.server).get(`/api/users/${account.username}`).expect(200);

    await dynamo.start();

    await account.agent.get('/api/auth/me').expect(200);
    await client(t)
      .post('/api/auth/login')
      .send({ login: account.username, password: account.password })
      .expect(200);
    await client(t).get('/health/ready').expect(200);
  });

  it('answers 503 while the database is unreachable, and recovers by itself', async () => {
    const account = await signUp(t);

    await database.stop();

    const profile = await client(t).get(`/api/users/${account.username}`);
    expect(profile.status).toBe(503);
    expectProblem(profile.body, 503);
    const me = await account.agent.get('/api/auth/me');
    expect(me.status).toBe(503);
    const ready = await client(t).get('/health/ready').expect(503);
    expect(ready.body.errors).toEqual(
      expect.arrayContaining([{ field: 'database', message: expect.any(String) }]),
    );

    await database.start();

    await client(t).get(`/api/users/${account.username}`).expect(200);
    await account.agent.get('/api/auth/me').expect(200);
    await client(t).get('/health/ready').expect(200);
  });
});

describe('DynamoDB comes up after the app (cloud e2e)', () => {
  let t: TestApp;
  let dynamo: DynaliteServer;

  beforeAll(async () => {
    // Reserve a port, then leave it closed while the app boots.
    dynamo = await new DynaliteServer().start();
    await dynamo.stop();
    t = await startApp({
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      DEPENDENCY_TIMEOUT_MS: PRODUCTION_DEADLINE_MS,
    });
  });

  afterAll(async () => {
    await t.close();
    await dynamo.stop();
  });

  it('keeps trying to create its sessions table, and serves once DynamoDB is there', async () => {
    const fields = newAccountFields();
    const early = await client(t).post('/api/auth/signup').send(fields);
    expect(early.status).toBe(503);
    await dynamo.start();
    // The refused signup left nothing behind: the same name signs up once sessions work.
    await eventually(async () => {
      await new Promise((resolve) => setTimeout(resolve, 250));
      await client(t).post('/api/auth/signup').send(fields).expect(201);
    }, 20_000);
  });
});
