import { AppError } from '../../src/common/errors/app-error';
import type { TransactionHost } from '../../src/database/transaction-host';
import { strictMock, type StrictMock } from './strict-mock';

/** The AppError a promise rejects with; fails the test when it resolves or throws anything else. */
export async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but the promise resolved');
}

export interface Transactions {
  db: StrictMock<TransactionHost>;
  /**
   * A mock resolving to `value` that fails when called outside `db.run`: for the writes that
   * must share the service's transaction.
   */
  inside<R>(value?: R): jest.Mock<Promise<R | undefined>>;
}

/** A TransactionHost that runs the work at once and knows whether a transaction is open. */
export function transactions(): Transactions {
  let open = 0;
  const inside = <R>(value?: R) =>
    jest.fn(async () => {
      if (open === 0) throw new Error('written outside a transaction');
      return value;
    });
  const db = strictMock<TransactionHost>({
    run: jest.fn(async (work: () => Promise<unknown>) => {
      open += 1;
      try {
        return await work();
      } finally {
        open -= 1;
      }
    }),
    lockRows: inside(),
    // Every row asked for still exists, unless a test says otherwise.
    lockExisting: jest.fn(async (_entity: unknown, ids: string[]) => {
      if (open === 0) throw new Error('locked outside a transaction');
      return new Set(ids);
    }),
  });
  return { db, inside };
}
