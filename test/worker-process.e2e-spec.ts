import { once } from 'node:events';
import { createServer } from 'node:net';
import { mode, startApp, type TestApp } from './harness/app';
import { signUp } from './harness/client';
import { jobRows } from './harness/jobs';
import { killSpawned, spawnTs } from './harness/processes';
import { eventually, postPhoto, storedKeys } from './harness/storage';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

describe(`The worker process (${mode} e2e)`, () => {
  let t: TestApp;

  beforeAll(async () => {
    // The API runs no workers: only the separate process can do the jobs.
    t = await startApp({ WORKERS: 'off' });
  });

  afterEach(() => {
    killSpawned();
  });

  afterAll(async () => {
    await t.close();
  });

  it('runs the queued jobs without serving HTTP, and exits on SIGTERM', async () => {
    const account = await signUp(t);
    const accountKeys = async () =>
      (await storedKeys(t)).filter((key) => key.includes(`/${account.id}/`));
    // Still processing (no worker): its upload and its verified copy are stored.
    const post = await postPhoto(t, account.agent);
    await account.agent.delete(`/api/posts/${post.id}`).expect(204);
    expect(await jobRows(t, 'storage.delete')).toHaveLength(2);
    expect(await accountKeys()).toHaveLength(2);

    const port = await freePort();
    const worker = spawnTs('src/worker.ts', [], {
      ...t.env,
      PORT: String(port),
      LOG_LEVEL: 'info',
    });
    let output = '';
    worker.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    // 'close', not 'exit': the last lines of its output may still be in the pipe at exit.
    const exited = once(worker, 'close');
    try {
      await eventually(async () => {
        expect(await accountKeys()).toEqual([]);
        expect(await jobRows(t, 'storage.delete')).toEqual([]);
      }, 150_000);
      expect(output).toContain('Freeb worker started');
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
    } finally {
      worker.kill('SIGTERM');
    }
    // Nest's shutdown hook closes the app (the workers stop), then re-raises the signal.
    expect(await exited).toEqual([null, 'SIGTERM']);
    expect(output).toContain('Job workers stopped');
  }, 200_000);
});
