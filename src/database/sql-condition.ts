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
