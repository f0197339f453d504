import type { ObjectLiteral, Repository } from 'typeorm';
import { isUniqueViolation } from '../common/errors/database-errors';

/** Numeric columns of an entity, the ones a counter can be. */
type CounterOf<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T] & string;

/**
 * Atomic counter change (`count = count + delta`) on one row, in the caller's transaction;
 * a delta of 0 writes nothing.
 */
export async function adjustCounter<T extends ObjectLiteral & { id: string }>(
  repository: Repository<T>,
  id: string,
  counter: CounterOf<T>,
  delta: number,
): Promise<void> {
  const where = { id } as Parameters<Repository<T>['increment']>[0];
  if (delta > 0) await repository.increment(where, counter, delta);
  if (delta < 0) await repository.decrement(where, counter, -delta);
}

/**
 * Inserts the row unless a unique index already holds it (a like, a follow): true when the
 * row is new, false when it was there, so doing it twice changes nothing.
 */
export async function insertOrSkip<T extends ObjectLiteral>(
  repository: Repository<T>,
  row: T,
): Promise<boolean> {
  try {
    await repository.insert(row);
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}
