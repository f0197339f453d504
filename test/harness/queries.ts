import type { TestApp } from './app';

export interface LoggedQuery {
  sql: string;
  parameters: unknown[];
}

/**
 * Runs `work` and returns the SQL statements the app sent meanwhile (through TypeORM's logger
 * hook). Everything the app sends counts: start it with `WORKERS: 'off'` so the job workers'
 * background polling is not mistaken for the request's queries.
 */
export async function queriesDuring(t: TestApp, work: () => Promise<unknown>): Promise<string[]> {
  return (await statementsDuring(t, work)).map((query) => query.sql);
}

/** The same, with each statement's parameters. */
export async function statementsDuring(
  t: TestApp,
  work: () => Promise<unknown>,
): Promise<LoggedQuery[]> {
  const logger = t.dataSource.logger;
  const seen: LoggedQuery[] = [];
  const counting = Object.assign(Object.create(logger) as typeof logger, {
    logQuery: (sql: string, parameters?: unknown[]) => {
      seen.push({ sql, parameters: parameters ?? [] });
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
    (query) => !/^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK|SELECT 1)/i.test(query.sql.trim()),
  );
}
