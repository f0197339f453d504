import type { Store } from 'express-session';

/**
 * Where sessions live: the app's database (embedded default) or DynamoDB (cloud). The
 * express-session store plus what the app needs around it (readiness, account clean-up).
 */
export abstract class SessionBackend {
  abstract readonly name: string;
  abstract readonly store: Store;
  /** Resolves when the store answers; rejects when it is down (readiness). */
  abstract check(): Promise<void>;
  /** Removes every session of a user where the store can find them by user. */
  abstract destroyAllOf(userId: string): Promise<void>;
}
