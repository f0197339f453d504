import { Store, type SessionData } from 'express-session';
import { LessThan, type Repository } from 'typeorm';
import { rawDatetime } from '../../database/raw-datetime';
import type { TransactionHost } from '../../database/transaction-host';
import { SessionRecord } from './session.entity';

type Callback<T = void> = (error?: unknown, value?: T) => void;

const DEFAULT_LIFETIME_MS = 24 * 3600_000;

/**
 * express-session store in the app's own database (the embedded default). The user id is
 * kept in its own column so an account's sessions can be found and removed together.
 * It has no `touch`: expiry moves forward only when the session is saved (see renewal).
 */
export class TypeormSessionStore extends Store {
  constructor(
    private readonly sessions: Repository<SessionRecord>,
    private readonly db: TransactionHost,
  ) {
    super();
  }

  get(sid: string, callback: Callback<SessionData | null>): void {
    // Every signed-in request reads its session: a plain statement (TransactionHost.query).
    this.db
      .query<{ data: string; expires_at: Date | string }>(
        'SELECT data, expires_at FROM sessions WHERE id = ?',
        [sid],
      )
      .then(([row]) => {
        if (!row || rawDatetime(row.expires_at).getTime() <= Date.now())
          return callback(null, null);
        callback(null, JSON.parse(row.data) as SessionData);
      })
      .catch(callback);
  }

  set(sid: string, session: SessionData, callback: Callback = () => undefined): void {
    const expires = session.cookie?.expires
      ? new Date(session.cookie.expires)
      : new Date(Date.now() + DEFAULT_LIFETIME_MS);
    this.sessions
      .upsert(
        {
          id: sid,
          userId: session.passport?.user ?? null,
          expiresAt: expires,
          data: JSON.stringify(session),
        },
        ['id'],
      )
      .then(() => callback(), callback);
  }

  destroy(sid: string, callback: Callback = () => undefined): void {
    this.sessions.delete({ id: sid }).then(() => callback(), callback);
  }

  /** Removes every session of a user (account deleted). */
  async destroyAllOf(userId: string): Promise<void> {
    await this.sessions.delete({ userId });
  }

  /** Deletes expired rows; run periodically. */
  async reap(now = new Date()): Promise<number> {
    const result = await this.sessions.delete({ expiresAt: LessThan(now) });
    return result.affected ?? 0;
  }
}
