import { startsWith } from './prefix-match';
import type { TransactionHost } from './transaction-host';

/**
 * The number of index entries a prefix's ranges are counted up to: from there on the prefix is
 * broad and the ranking is walked instead. Ranking a range reads all of it; walking the ranking
 * reads about `limit / density` entries, so for 10 results the two cost the same near
 * sqrt(10 × rows), 1,000 at 100,000 rows.
 */
export const BROAD_PREFIX = 1000;

/** Where a table's prefix search reads (aliases: `candidate` for the searched rows). */
export interface PrefixSearchIndexes {
  table: string;
  /** Each searched key column, with an index (key, the ranking's columns, id) ranking its range. */
  keys: Array<{ column: string; index: string }>;
  /** The ranking, best first, on `candidate` columns, ending with a unique one. */
  orderBy: string;
  /** An index in exactly that order that also holds every key column: walked for a broad prefix. */
  ranking: string;
  /** A column whose row equal to the prefix is always a candidate, with its unique index. */
  exact?: { column: string; index: string };
}

/** A statement answering `id`s (join it to read those rows), with its `:named` params. */
export interface BestIds {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The ids of the best `limit` rows whose keys start with `prefix` (lower-case, accent-free),
 * plus the exact row if any. A capped count of the key ranges chooses the plan:
 * - narrow (fewer than BROAD_PREFIX entries in all): each key's range, ranked from its
 *   covering index, `limit` each, in one UNION;
 * - broad: the ranking index read in order, every key tested from the index itself, stopping
 *   at the `limit`th match (a tenth of everyone matching: about 100 entries). Its worst case
 *   is a broad prefix whose rows all rank last: the walk then reads most of the index, once,
 *   without sorting (no worse than ranking a range of that size).
 * Each statement names its index (FORCE INDEX / INDEXED BY), so the plan is the same at every
 * size; test/search-plans.e2e-spec.ts checks both on both databases.
 */
export async function bestIdsByPrefix(
  db: TransactionHost,
  search: PrefixSearchIndexes,
  prefix: string,
  limit: number,
): Promise<BestIds> {
  const sql = dialect(db);
  const match = (column: string) => startsWith(`candidate.${column}`, prefix, sql.sqlite);
  const { params } = match(search.keys[0].column);
  const from = (index: string) => `${search.table} candidate${sql.force(index)}`;

  const counts = search.keys.map(
    ({ column, index }, i) =>
      `(SELECT COUNT(*) FROM (SELECT 1 AS one FROM ${from(index)} WHERE ${match(column).sql} LIMIT ${BROAD_PREFIX}) k${i})`,
  );
  const [row] = await db.queryNamed<{ entries: number | string }>(
    `SELECT ${counts.join(' + ')} AS entries`,
    params,
  );
  const broad = Number(row.entries) >= BROAD_PREFIX;

  const ranked = (index: string, where: string) =>
    `SELECT candidate.id AS id FROM ${from(index)} WHERE ${where} ORDER BY ${search.orderBy} LIMIT ${Math.trunc(limit)}`;
  const members = broad
    ? [
        ranked(
          search.ranking,
          search.keys.map(({ column }) => `(${match(column).sql})`).join(' OR '),
        ),
      ]
    : search.keys.map(({ column, index }) => ranked(index, match(column).sql));
  // SQLite takes no ORDER BY or LIMIT in a member of a UNION: each ranked one is a subquery.
  const union =
    members.length === 1 && !search.exact
      ? members
      : members.map((member, i) => `SELECT r${i}.id AS id FROM (${member}) r${i}`);
  if (search.exact) {
    union.push(
      `SELECT candidate.id AS id FROM ${from(search.exact.index)} WHERE candidate.${search.exact.column} = :exact`,
    );
  }
  return { sql: union.join(' UNION '), params: { ...params, exact: prefix } };
}

/** MariaDB's FORCE INDEX or SQLite's INDEXED BY. */
function dialect(db: TransactionHost) {
  const sqlite = !db.locksRows;
  return {
    sqlite,
    force: (index: string) => (sqlite ? ` INDEXED BY ${index}` : ` FORCE INDEX (${index})`),
  };
}
