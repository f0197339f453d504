import type { TestApp } from './app';

/** Runs `work` and returns the SQL statements the app sent meanwhile (through TypeORM's logger hook). */
export async function queriesDuring(t: TestApp, work: () => Promise<unknown>): Promise<string[]> {
  const logger = t.dataSource.logger;
  const seen: string[] = [];
  const counting = Object.assign(Object.create(logger) as typeof logger, {
    logQuery: (query: string) => {
      seen.push(query);
    },
  });
  Object.defineProperty(t.dataSource, 'logger', {
    value: counting,
    configurable: true,
    writable: true,
  });
  try {
    await work();
  } finally {
    Object.defineProperty(t.dataSource, 'logger', {
      value: logger,
      configurable: true,
      writable: true,
    });
  }
  return seen.filter(
    (query) => !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SELECT 1)/i.test(query.trim()),
  );
}
