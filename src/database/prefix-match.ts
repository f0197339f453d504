/**
 * A condition that a column starts with `prefix`, in the form each database seeks an index with:
 * MariaDB and MySQL use a `LIKE 'prefix%'` range (wildcards in the prefix escaped); SQLite does
 * so only for case-insensitive columns, so it gets the range itself: `>= prefix` and below
 * `prefix` followed by the highest code point (its BINARY collation compares UTF-8 bytes).
 * The column must hold lower-case, accent-free keys (the same form as `prefix`).
 */
export function startsWith(
  column: string,
  prefix: string,
  sqlite: boolean,
  name = 'prefix',
): { sql: string; params: Record<string, string> } {
  if (sqlite) {
    return {
      sql: `${column} >= :${name}From AND ${column} < :${name}To`,
      params: { [`${name}From`]: prefix, [`${name}To`]: `${prefix}\u{10FFFF}` },
    };
  }
  return {
    sql: `${column} LIKE :${name} ESCAPE '!'`,
    params: { [name]: `${prefix.replace(/[!%_]/g, (char) => `!${char}`)}%` },
  };
}
