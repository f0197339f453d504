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
