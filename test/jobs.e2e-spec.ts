import { JobQueue } from '../src/jobs/job-queue';
import { JobRegistry } from '../src/jobs/job-registry';
import { JobWorker } from '../src/jobs/job-worker';
import { TransactionHost } from '../src/database/transaction-host';
import { mode, startApp, type TestApp } from './harness/app';
import { epochOf, jobRows, pause, withWorkersPaused } from './harness/jobs';
import { eventually } from './harness/storage';

declare module '../src/jobs/job-payloads' {
  interface JobPayloads {
    'test.once': { n: number };
    'test.rollback': { n: number };
    'test.failing': { n: number };
    'test.tick': Record<string, never>;
    'test.keyed': { n: number };
    'test.serial': { n: number };
    'test.slow': { n: number };
    'test.stuck': { n: number };
    'test.woken': { n: number };
  }
}

const RETRY_BASE_MS = 200;

describe(`Job queue (${mode} e2e)`, () => {
  let t: TestApp;
  let queue: JobQueue;
  let registry: JobRegistry;

  beforeAll(async () => {
    t = await startApp({
      JOBS_POLL_INTERVAL_MS: '50',
      JOBS_RETRY_BASE_MS: String(RETRY_BASE_MS),
      JOBS_CONCURRENCY: '4',
    });
    queue = t.app.get(JobQueue);
    registry = t.app.get(JobRegistry);
  });

  afterAll(async () => {
    await t.close();
  });

  it('runs an enqueued job once with its payload, then removes it', async () => {
    const seen: Array<{ n: number; attempt: number }> = [];
    registry.register('test.once', async ({ n }, { attempt }) => {
      seen.push({ n, attempt });
    });
    await queue.enqueue('test.once', { n: 7 });
    await eventually(async () => expect(await jobRows(t, 'test.once')).toEqual([]));
    expect(seen).toEqual([{ n: 7, attempt: 1 }]);
  });

  it('never runs a job enqueued in a transaction that rolled back', async () => {
    const ran: number[] = [];
    registry.register('test.rollback', async ({ n }) => {
      ran.push(n);
    });
    const db = t.app.get(TransactionHost);
    await expect(
      db.run(async () => {
        await queue.enqueue('test.rollback', { n: 1 });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await db.run(() => queue.enqueue('test.rollback', { n: 2 }));
    // The committed job, enqueued later, runs; the rolled-back one never existed.
    await eventually(async () => expect(ran).toEqual([2]));
    // The worker deletes the row just after the handler returns.
    await eventually(async () => expect(await jobRows(t, 'test.rollback')).toEqual([]));
    expect(ran).toEqual([2]);
  });

  it('retries a failing job with growing delays and parks it as dead after max attempts', async () => {
    const runs: number[] = [];
    registry.register('test.failing', async (_payload, { attempt }) => {
      runs.push(Date.now());
      throw new Error(`storage said no (attempt ${attempt})`);
    });
    await queue.enqueue('test.failing', { n: 1 }, { maxAttempts: 3 });
    const [dead] = await eventually(async () => {
      const rows = await jobRows(t, 'test.failing');
      expect(rows[0]?.dead_at).not.toBeNull();
      return rows;
    });
    expect(dead).toEqual(
      expect.objectContaining({
        attempts: 3,
        max_attempts: 3,
        locked_until: null,
        last_error: expect.stringContaining('storage said no (attempt 3)'),
      }),
    );
    await pause(4 * RETRY_BASE_MS);
    expect(runs).toHaveLength(3);
    // Backoff: base, then twice the base (each jittered down by at most a fifth).
    expect(runs[1] - runs[0]).toBeGreaterThanOrEqual(0.8 * RETRY_BASE_MS);
    expect(runs[2] - runs[1]).toBeGreaterThanOrEqual(0.8 * 2 * RETRY_BASE_MS);
  });

  it('runs a recurring job once per period from a single row, however often it is scheduled', async () => {
    const runs: number[] = [];
    registry.register('test.tick', async () => {
      runs.push(Date.now());
    });
    queue.every('test.tick', 300);
    queue.every('test.tick', 300);
    await eventually(async () => expect(runs.length).toBeGreaterThanOrEqual(3));
    // Between two runs (a run in progress has claimed the row and counts its attempt).
    const [row] = await eventually(async () => {
      const rows = await jobRows(t, 'test.tick');
      expect(rows).toHaveLength(1);
      expect(rows[0].locked_until).toBeNull();
      return rows;
    });
    expect(row.attempts).toBe(0);
    for (let i = 1; i < runs.length; i++) expect(runs[i] - runs[i - 1]).toBeGreaterThanOrEqual(290);
  });

  it('keeps one job per key while it waits', async () => {
    const ran: number[] = [];
    registry.register('test.keyed', async ({ n }) => {
      ran.push(n);
    });
    // The workers wait meanwhile (a timed runAt could come due on a loaded machine first).
    await withWorkersPaused(t, async () => {
      await queue.enqueue('test.keyed', { n: 1 }, { key: 'recount:p1' });
      await queue.enqueue('test.keyed', { n: 2 }, { key: 'recount:p1' });
      expect(await jobRows(t, 'test.keyed')).toHaveLength(1);
    });
    await eventually(async () => expect(ran).toEqual([1]));
    // Once done, the key is free again.
    await queue.enqueue('test.keyed', { n: 3 }, { key: 'recount:p1' });
    await eventually(async () => expect(ran).toEqual([1, 3]));
  });

  it(`runs ${mode === 'embedded' ? 'one job at a time on SQLite' : 'jobs side by side on MariaDB'}`, async () => {
    let active = 0;
    let peak = 0;
    const done: number[] = [];
    const concurrency = mode === 'embedded' ? 1 : 4;
    registry.register('test.serial', async ({ n }) => {
      active += 1;
      peak = Math.max(peak, active);
      // The first jobs wait (up to 10 s) for the others the worker may run beside them, so
      // the peak measures what the worker allows rather than how busy the machine is.
      const until = Date.now() + 10_000;
      while (concurrency > 1 && n < 4 && peak < 4 && Date.now() < until) await pause(20);
      await pause(30);
      active -= 1;
      done.push(n);
    });
    await queue.enqueueAll(
      'test.serial',
      Array.from({ length: 12 }, (_, n) => ({ n })),
    );
    await eventually(async () => expect(done).toHaveLength(12), 20_000);
    expect(peak).toBe(concurrency);
  });
});

describe(`Job worker shutdown (${mode} e2e)`, () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp({ WORKERS: 'off', JOBS_POLL_INTERVAL_MS: '50', JOBS_LEASE_MS: '60000' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('does not run jobs with WORKERS=off', async () => {
    const ran: number[] = [];
    t.app.get(JobRegistry).register('test.once', async ({ n }) => {
      ran.push(n);
    });
    await t.app.get(JobQueue).enqueue('test.once', { n: 1 });
    await pause(300);
    expect(ran).toEqual([]);
    expect(await jobRows(t, 'test.once')).toHaveLength(1);
  });

  it('stops claiming, lets the running job finish, and resolves stop() after it', async () => {
    const worker = t.app.get(JobWorker);
    const events: string[] = [];
    t.app.get(JobRegistry).register('test.slow', async ({ n }) => {
      events.push(`start ${n}`);
      await pause(400);
      events.push(`end ${n}`);
    });
    await t.app.get(JobQueue).enqueueAll('test.slow', [{ n: 1 }, { n: 2 }]);
    worker.start();
    await eventually(async () => expect(events).toEqual(['start 1']));
    await worker.stop();
    events.push('stopped');
    expect(events).toEqual(['start 1', 'end 1', 'stopped']);
    const rows = await jobRows(t, 'test.slow');
    expect(rows.map((row) => JSON.parse(row.payload))).toEqual([{ n: 2 }]);
    expect(rows[0].attempts).toBe(0);
  });

  it('gives the lease of a job still running after the grace period back, uncounted', async () => {
    const worker = t.app.get(JobWorker);
    let aborted = false;
    t.app.get(JobRegistry).register('test.stuck', (_payload, { signal }) => {
      signal.addEventListener('abort', () => {
        aborted = true;
      });
      return new Promise(() => undefined);
    });
    await t.app.get(JobQueue).enqueue('test.stuck', { n: 1 });
    worker.start();
    await eventually(async () => expect((await jobRows(t, 'test.stuck'))[0].attempts).toBe(1));
    const before = Date.now();
    await worker.stop(200);
    expect(aborted).toBe(true);
    const [row] = await jobRows(t, 'test.stuck');
    expect(row).toEqual(expect.objectContaining({ attempts: 0, locked_until: null }));
    // Due again at once, not after the 60 s lease.
    expect(epochOf(row.run_at)).toBeLessThanOrEqual(Date.now() + 1);
    expect(epochOf(row.run_at)).toBeGreaterThanOrEqual(before - 1000);
  });
});

describe(`An idle worker (${mode} e2e)`, () => {
  let t: TestApp;

  beforeAll(async () => {
    // Polls once a minute: only the wake-up on commit can make a job run sooner.
    t = await startApp({ JOBS_POLL_INTERVAL_MS: '60000' });
  });

  afterAll(async () => {
    await t.close();
  });

  it('takes a job enqueued in its own process as soon as the transaction commits', async () => {
    const ran: number[] = [];
    t.app.get(JobRegistry).register('test.woken', async ({ n }) => {
      ran.push(n);
    });
    await pause(200);
    await t.app.get(TransactionHost).run(() => t.app.get(JobQueue).enqueue('test.woken', { n: 1 }));
    await eventually(async () => expect(ran).toEqual([1]), 30_000);
  });
});
