import { once } from 'node:events';
import { JobQueue } from '../src/jobs/job-queue';
import { JobRegistry } from '../src/jobs/job-registry';
import { JobWorker } from '../src/jobs/job-worker';
import { mode, startApp, type TestApp } from './harness/app';
import { epochOf, jobRows } from './harness/jobs';
import { killSpawned, lineFrom, spawnTs } from './harness/processes';
import { eventually } from './harness/storage';

declare module '../src/jobs/job-payloads' {
  interface JobPayloads {
    'test.killed': { n: number };
  }
}

describe(`A worker killed mid-job (${mode} e2e)`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ WORKERS: 'off', JOBS_LEASE_MS: '1500', JOBS_POLL_INTERVAL_MS: '50' });
  });

  afterEach(() => {
    killSpawned();
  });

  afterAll(async () => {
    await t.close();
  });

  it('leaves its job to be claimed again once the lease is over, and no sooner', async () => {
    await t.app.get(JobQueue).enqueue('test.killed', { n: 1 });
    const child = spawnTs('test/harness/worker-child.ts', ['test.killed'], t.env);
    const [, claimedId] = await lineFrom(child, /^claimed (\S+)$/);
    child.kill('SIGKILL');
    await once(child, 'exit');

    const [held] = await jobRows(t, 'test.killed');
    expect(held).toEqual(expect.objectContaining({ id: claimedId, attempts: 1, dead_at: null }));
    const leaseEnd = epochOf(held.locked_until ?? '');

    const runs: Array<{ at: number; attempt: number; jobId: string }> = [];
    t.app.get(JobRegistry).register('test.killed', async (_payload, { attempt, jobId }) => {
      runs.push({ at: Date.now(), attempt, jobId });
    });
    t.app.get(JobWorker).start();
    await eventually(async () => expect(runs).toHaveLength(1));
    expect(runs[0]).toEqual({ at: expect.any(Number), attempt: 2, jobId: claimedId });
    expect(runs[0].at).toBeGreaterThanOrEqual(leaseEnd);
    expect(await jobRows(t, 'test.killed')).toEqual([]);
  }, 200_000);
});
