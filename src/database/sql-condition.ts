/**
 * A condition a list query applies AND-wise (`query.andWhere(c.sql, c.params)`): raw column
 * names against the aliases the query documents (`post` and `author` for pages of posts,
 * `person` for lists of people), with `:named` parameters. The visibility policy makes them;
 * the repositories that read lists accept them.
 */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * A condition on a list's person (alias `person`, a users row) asked of each row of the list
 * by the person's id (`personId`, the row's column): one primary-key probe per row, so the
 * list's own index drives the statement. Joined to the list instead, MariaDB may start from
 * `users` (every account, through an index of a column the condition names) and sort the
 * list: 0.4 s for the first page of an account's 35,000 followers, against 1 ms.
 */
export function ofEachPerson(condition: SqlCondition, personId: string): SqlCondition {
  return {
    sql: `(SELECT 1 FROM users person WHERE person.id = ${personId} AND ${condition.sql}) = 1`,
    params: condition.params,
  };
}
