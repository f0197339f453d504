import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { PageRequest } from './page';

/**
 * Orders by (created_at, id) and continues after the cursor, newest first ('DESC') or oldest
 * first ('ASC'); served by an index ending in (created_at, id), page 10,000 costs what page 1 does.
 */
export function keysetPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  alias: string,
  page: PageRequest,
  direction: 'DESC' | 'ASC' = 'DESC',
  /** The property that breaks ties within a timestamp (`postId` in the timeline). */
  idProperty = 'id',
): SelectQueryBuilder<T> {
  const id = `${alias}.${idProperty}`;
  const op = direction === 'DESC' ? '<' : '>';
  if (page.after) {
    // The leading `created_at <=` (or `>=`) lets SQLite and MySQL seek the index to the cursor
    // instead of scanning from the first row; the rest only breaks ties within that timestamp.
    query.andWhere(
      `${alias}.createdAt ${op}= :afterTime AND (${alias}.createdAt ${op} :afterTime OR ${id} ${op} :afterId)`,
      { afterTime: page.after.createdAt, afterId: page.after.id },
    );
  }
  return query
    .orderBy(`${alias}.createdAt`, direction)
    .addOrderBy(id, direction)
    .limit(page.limit + 1);
}
