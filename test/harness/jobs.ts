import { JobWorker } from '../../src/jobs/job-worker';
import type { TestApp } from './app';

export interface JobRow {
  id: string;
  type: string;
  payload: string;
  attempts: number;
  max_attempts: number;
  run_at: Date | string;
  locked_until: Date | string | null;
  last_error: string | null;
  dead_at: Date | string | null;
}

/**
 * Runs `work` with the app's job workers stopped, so the statements counted meanwhile are the
 * requests' own (a post's fan-out would otherwise run beside them); starts them again after.
 */
export async function withWorkersPaused<T>(t: TestApp, work: () => Promise<T>): Promise<T> {
  const worker = t.app.get(JobWorker);
  await worker.stop();
  try {
    return await work();
  } finally {
    worker.start();
  }
}

/** The queue's rows of one type, oldest first. */
export async function jobRows(t: TestApp, type: string): Promise<JobRow[]> {
  const rows: JobRow[] = await t.dataSource.query(
    'SELECT id, type, payload, attempts, max_attempts, run_at, locked_until, last_error, dead_at FROM jobs WHERE type = ? ORDER BY created_at, id',
    [type],
  );
  return rows.map((row) => ({
    ...row,
    attempts: Number(row.attempts),
    max_attempts: Number(row.max_attempts),
  }));
}

/** A datetime column as epoch milliseconds (SQLite gives UTC text, MariaDB a Date). */
export function epochOf(value: Date | string): number {
  return value instanceof Date ? value.getTime() : Date.parse(`${value.replace(' ', 'T')}Z`);
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * For suites that keep WORKERS=off (so a request's queries are its own): runs the queue until
 * no job of this type is left (recurring jobs stay queued by design), then stops the worker.
 */
export async function runQueuedJobs(t: TestApp, type: string, timeoutMs = 20_000): Promise<void> {
  const worker = t.app.get(JobWorker);
  worker.start();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const [row] = (await t.dataSource.query(
        'SELECT COUNT(*) AS n FROM jobs WHERE type = ? AND dead_at IS NULL',
        [type],
      )) as Array<{ n: number | string }>;
      if (Number(row.n) === 0) return;
      if (Date.now() > deadline) throw new Error(`${row.n} ${type} jobs still queued`);
      await pause(50);
    }
  } finally {
    await worker.stop();
  }
}
