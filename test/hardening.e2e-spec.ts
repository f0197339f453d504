import { readdirSync, statSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startApp, type TestApp } from './harness/app';
import { client, expectProblem, newAccountFields, signUp } from './harness/client';
import { requestUpload } from './harness/storage';

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

/**
 * Sends `head` at once, then one byte of `drip` every 100 ms until the server closes the
 * connection; resolves with what it answered and how long that took.
 */
function trickle(t: TestApp, head: string, drip: string): Promise<{ answer: string; ms: number }> {
  const { port } = t.server.address() as AddressInfo;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let answer = '';
    let sent = 0;
    const dripping = setInterval(() => {
      if (sent < drip.length && socket.writable) socket.write(drip[sent++]);
    }, 100);
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`still open after 10 s; answered ${JSON.stringify(answer)}`));
    }, 10_000);
    socket.on('data', (chunk) => (answer += chunk.toString()));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(dripping);
      clearTimeout(giveUp);
      resolve({ answer, ms: Date.now() - started });
    });
  });
}

describe('Slow clients (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    // The embedded storage, which receives upload bodies itself.
    t = await startApp({ HTTP_REQUEST_TIMEOUT_SECONDS: '1', STORAGE: undefined });
  });

  afterAll(async () => {
    await t.close();
  });

  it('cuts an upload trickled into the embedded storage at the request deadline', async () => {
    const account = await signUp(t);
    const upload = await requestUpload(account.agent, 'image/png', 1000);
    const head =
      `PUT ${upload.url} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: image/png\r\n` +
      `Content-Length: 1000\r\n\r\n`;
    const { answer, ms } = await trickle(t, head, 'x'.repeat(1000));
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeLessThan(3000);
  });

  it('cuts headers trickled line by line', async () => {
    const { answer, ms } = await trickle(
      t,
      'GET /api/posts HTTP/1.1\r\nHost: 127.0.0.1\r\n',
      'X-Slow: 1\r\n'.repeat(100),
    );
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(ms).toBeLessThan(3000);
  });

  it('serves clients that send in time', async () => {
    await client(t).get('/api/posts').expect(200);
  });
});
