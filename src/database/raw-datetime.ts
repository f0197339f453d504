/**
 * A datetime column read raw (`getRawMany`, `query`): MariaDB gives a Date (the pool is UTC),
 * SQLite the stored UTC text (`2026-01-01 00:00:00.000`).
 */
export function rawDatetime(value: Date | string): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
