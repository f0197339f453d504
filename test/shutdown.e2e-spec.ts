import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect, createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { newAccountFields } from './harness/client';

const root = resolve(__dirname, '..');
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

interface Running {
  child: ChildProcess;
  base: string;
  port: number;
  dataDir: string;
  exited: Promise<{ code: number | null; at: number }>;
}

/** The real entry point (src/main.ts) in a process of its own, on the embedded default. */
async function boot(env: Record<string, string>): Promise<Running> {
  const dataDir = mkdtempSync(join(tmpdir(), 'freeb-shutdown-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATA_DIR: dataDir,
      PORT: String(port),
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: 'ignore',
  });
  const exited = new Promise<{ code: number | null; at: number }>((done) =>
    child.once('exit', (code) => done({ code, at: Date.now() })),
  );
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 90_000; ;) {
    try {
      if ((await fetch(`${base}/health/ready`)).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('the app did not start');
    await sleep(250);
  }
  return { child, base, port, dataDir, exited };
}

/** A signed-in account's upload intent for `size` bytes of PNG. */
async function uploadIntent(base: string, size: number) {
  const signup = await fetch(`${base}/api/auth/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(newAccountFields()),
  });
  expect(signup.status).toBe(201);
  const cookie = signup.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  const res = await fetch(`${base}/api/images/uploads`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({ contentType: 'image/png', size }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { url: string; uploadId: string };
}

/** Starts a PUT of `size` bytes to the embedded storage; the caller writes the body. */
function startPut(running: Running, url: string, size: number) {
  const req = httpRequest(`${running.base}${url}`, {
    method: 'PUT',
    headers: { 'Content-Type': 'image/png', 'Content-Length': String(size) },
  });
  const answered = new Promise<number>((done, fail) => {
    req.on('response', (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', fail);
  });
  return { req, answered };
}

describe('Graceful shutdown on SIGTERM (e2e, a real process)', () => {
  const started: Running[] = [];

  afterAll(() => {
    for (const running of started) {
      if (running.child.exitCode === null) running.child.kill('SIGKILL');
      rmSync(running.dataDir, { recursive: true, force: true });
    }
  });

  it('stops accepting, reports not ready, lets an upload in flight finish, then exits', async () => {
    const running = await boot({});
    started.push(running);
    const size = 5 * 1024 * 1024;
    const upload = await uploadIntent(running.base, size);
    const put = startPut(running, upload.url, size);
    const chunk = Buffer.alloc(1024 * 1024, 7);
    put.req.write(chunk);
    // A readiness probe whose request is still arriving when the signal comes.
    const probe = connect(running.port, '127.0.0.1');
    let probed = '';
    probe.on('data', (data) => (probed += data.toString()));
    probe.on('error', () => undefined);
    probe.write('GET /health/ready HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    await sleep(300);

    const signalledAt = Date.now();
    running.child.kill('SIGTERM');
    await sleep(500);

    probe.write('\r\n');
    await expect(fetch(`${running.base}/health`).then((res) => res.status)).rejects.toThrow();
    for (let sent = 1; sent < 5; sent++) {
      put.req.write(chunk);
      await sleep(200);
    }
    put.req.end();
    expect(await put.answered).toBe(200);
    const key = new URL(upload.url, running.base).pathname.replace(/^\/api\/storage\//, '');
    expect(statSync(join(running.dataDir, 'objects', key)).size).toBe(size);
    expect(probed).toMatch(/^HTTP\/1\.1 503 /);
    expect(probed).toMatch(/shutting down/);

    const { code, at } = await running.exited;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeLessThan(15_000);
  }, 150_000);

  it('cuts requests still running when the grace period is over, and exits', async () => {
    const running = await boot({ SHUTDOWN_GRACE_SECONDS: '1' });
    started.push(running);
    const upload = await uploadIntent(running.base, 2048);
    const put = startPut(running, upload.url, 2048);
    put.req.write(Buffer.alloc(1024));
    const cut = put.answered.then(
      (status) => `answered ${status}`,
      () => 'cut',
    );
    await sleep(300);

    const signalledAt = Date.now();
    running.child.kill('SIGTERM');

    const { code, at } = await running.exited;
    expect(code).toBe(0);
    expect(at - signalledAt).toBeGreaterThanOrEqual(900);
    expect(at - signalledAt).toBeLessThan(10_000);
    expect(await cut).toBe('cut');
  }, 150_000);
});
