import { JobQueue } from '../../src/jobs/job-queue';
import { JobRegistry } from '../../src/jobs/job-registry';
import { JobWorker } from '../../src/jobs/job-worker';
import { startApp, type TestApp } from '../harness/app';
import { jobRows, pause } from '../harness/jobs';
import { queriesDuring } from '../harness/queries';
import { eventually } from '../harness/storage';

declare module '../../src/jobs/job-payloads' {
  interface JobPayloads {
    'test.counted': { n: number };
  }
}

const JOBS = 300;

describe('Two workers on one MariaDB database (cloud e2e)', () => {
  let first: TestApp;
  let second: TestApp;

  const workerEnv = { WORKERS: 'off', JOBS_CONCURRENCY: '2', JOBS_POLL_INTERVAL_MS: '20' };

  beforeAll(async () => {
    first = await startApp(workerEnv);
    second = await startApp(() => ({ ...workerEnv, DATABASE_URL: first.env.DATABASE_URL }));
  });

  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('never run the same job twice: every job runs exactly once, spread over both', async () => {
    const runs = new Map<number, string[]>();
    let active = 0;
    let peak = 0;
    for (const [name, t] of [
      ['first', first],
      ['second', second],
    ] as const) {
      t.app.get(JobRegistry).register('test.counted', async ({ n }) => {
        active += 1;
        peak = Math.max(peak, active);
        runs.set(n, [...(runs.get(n) ?? []), name]);
        await pause(Math.random() * 4);
        active -= 1;
      });
    }
    await first.app.get(JobQueue).enqueueAll(
      'test.counted',
      Array.from({ length: JOBS }, (_, n) => ({ n })),
    );
    first.app.get(JobWorker).start();
    second.app.get(JobWorker).start();

    const statements = await queriesDuring(first, () =>
      eventually(async () => expect(await jobRows(first, 'test.counted')).toEqual([]), 60_000),
    );
    expect(statements.some((sql) => /FOR UPDATE SKIP LOCKED$/.test(sql.trim()))).toBe(true);
    await pause(200);
    expect(runs.size).toBe(JOBS);
    const twice = [...runs.entries()].filter(([, by]) => by.length !== 1);
    expect(twice).toEqual([]);
    const byWorker = [...runs.values()].flat();
    expect(byWorker.filter((name) => name === 'first').length).toBeGreaterThan(0);
    expect(byWorker.filter((name) => name === 'second').length).toBeGreaterThan(0);
    // The loops really competed: jobs ran side by side.
    expect(peak).toBeGreaterThan(1);
  }, 120_000);
});
