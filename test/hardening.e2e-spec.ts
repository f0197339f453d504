import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startApp, type TestApp } from './harness/app';
import { client, expectProblem, newAccountFields, signUp } from './harness/client';

const nested = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

describe('Hostile input and small holes (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('deeply nested JSON', () => {
    it('answers 400 before validation, on open and signed-in routes alike', async () => {
      const account = await signUp(t);
      for (const [agent, path] of [
        [client(t), '/api/auth/login'],
        [client(t), '/api/auth/signup'],
        [account.agent, '/api/posts'],
        [account.agent, '/api/images/uploads'],
      ] as const) {
        const res = await agent
          .post(path)
          .set('Content-Type', 'application/json')
          .send(`{"x": ${nested(1500)}}`)
          .expect(400);
        expectProblem(res.body, 400);
        expect(res.body.detail).toBe('The request body is nested deeper than 32 levels.');
      }
      await account.agent.get('/api/auth/me').expect(200);
    });

    it('leaves bodies of sane depth to validation', async () => {
      const res = await client(t)
        .post('/api/auth/signup')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ ...newAccountFields(), x: JSON.parse(nested(30)) }))
        .expect(400);
      expect(res.body.detail).not.toContain('nested');
    });
  });
});

describe('The embedded data on disk (e2e)', () => {
  let t: TestApp;
  let dataDir: string;

  beforeAll(async () => {
    // The embedded default, in a DATA_DIR that does not exist yet.
    t = await startApp((env) => {
      dataDir = join(env.DATA_DIR, 'fresh', 'data');
      return {
        DATA_DIR: dataDir,
        DATABASE_URL: undefined,
        SESSION_STORE: undefined,
        STORAGE: undefined,
      };
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it('is readable by the app’s user alone: DATA_DIR 0700, database and WAL 0600', async () => {
    await signUp(t);
    const modeOf = (path: string) => statSync(path).mode & 0o777;
    expect(modeOf(dataDir)).toBe(0o700);
    expect(readdirSync(dataDir)).toEqual(
      expect.arrayContaining(['freeb.sqlite', 'freeb.sqlite-wal', 'session-secret']),
    );
    for (const file of readdirSync(dataDir).filter((name) => name !== 'objects')) {
      expect({ file, mode: modeOf(join(dataDir, file)) }).toEqual({ file, mode: 0o600 });
    }
  });
});
