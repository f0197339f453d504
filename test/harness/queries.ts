import { mode, type TestApp } from './app';

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

/** SQLite's plan of a logged statement (EXPLAIN QUERY PLAN), its steps joined by ' | '. */
export async function sqlitePlan(t: TestApp, statement: LoggedQuery): Promise<string> {
  const plan: Array<{ detail: string }> = await t.dataSource.query(
    `EXPLAIN QUERY PLAN ${statement.sql}`,
    statement.parameters,
  );
  return plan.map((row) => row.detail).join(' | ');
}

/** One row of MariaDB's EXPLAIN. */
export interface MariadbPlanRow {
  select_type: string;
  table: string | null;
  key: string | null;
  type: string;
  Extra: string | null;
}

/** MariaDB's plan of a logged statement (EXPLAIN), one row per table read. */
export function mariadbPlan(t: TestApp, statement: LoggedQuery): Promise<MariadbPlanRow[]> {
  return t.dataSource.query(`EXPLAIN ${statement.sql}`, statement.parameters);
}

/** The steps of a MariaDB plan that sort or build a temporary table. */
export const sortsOf = (plan: MariadbPlanRow[]) =>
  plan.filter((row) => /filesort|temporary/i.test(row.Extra ?? ''));

/**
 * Checks that a page's statement reads `table` through its index `key` in the index's order,
 * with no sort: on SQLite a step matching `sqlite` (a SEARCH, a seek to the cursor, not a SCAN)
 * and no TEMP B-TREE; on MariaDB that table read by `key` (and by `type` when given) and no
 * filesort or temporary table.
 */
export async function expectIndexSeek(
  t: TestApp,
  statement: LoggedQuery,
  { table, key, type, sqlite }: { table: string; key: string; type?: string; sqlite: RegExp },
): Promise<void> {
  if (mode === 'embedded') {
    const steps = await sqlitePlan(t, statement);
    expect(steps).toMatch(sqlite);
    expect(steps).not.toMatch(/TEMP B-TREE/);
    return;
  }
  const plan = await mariadbPlan(t, statement);
  expect(plan.find((row) => row.table === table)).toEqual(
    expect.objectContaining({ key, ...(type === undefined ? {} : { type }) }),
  );
  expect(sortsOf(plan)).toEqual([]);
}

/**
 * Checks that each of these correlated subqueries (by alias, with the unique index of its
 * pair) is asked of each row alone, one probe of that index, on the test's database: MariaDB
 * plans it as a DEPENDENT SUBQUERY read `eq_ref`, never MATERIALIZED (all of the viewer's rows
 * of that table copied into a temporary table), and SQLite as a CORRELATED subquery searching
 * both columns of the index.
 */
export async function expectProbedPerRow(
  t: TestApp,
  statement: LoggedQuery,
  subqueries: Array<{ alias: string; key: string }>,
): Promise<void> {
  if (mode === 'embedded') {
    const steps = await sqlitePlan(t, statement);
    for (const { alias, key } of subqueries) {
      expect(steps).toMatch(
        new RegExp(
          `CORRELATED SCALAR SUBQUERY \\d+ \\| SEARCH ${alias} USING COVERING INDEX ${key} \\(\\w+=\\? AND \\w+=\\?\\)`,
        ),
      );
    }
    return;
  }
  const plan = await mariadbPlan(t, statement);
  for (const { alias, key } of subqueries) {
    const reads = plan.filter((row) => row.table === alias);
    expect(reads.length).toBeGreaterThan(0);
    for (const read of reads) {
      expect(read).toEqual(
        expect.objectContaining({ select_type: 'DEPENDENT SUBQUERY', type: 'eq_ref', key }),
      );
    }
  }
}

/** The subqueries of the visibility policy's blocks and mutes (src/relations). */
export const BLOCK_AND_MUTE_PROBES = [
  { alias: 'vis_b', key: 'UQ_blocks_blocker_id_blocked_id' },
  { alias: 'vis_bb', key: 'UQ_blocks_blocker_id_blocked_id' },
  { alias: 'vis_m', key: 'UQ_mutes_muter_id_muted_id' },
];
