import type { Request } from 'express';
import { type Session, Store, type SessionData } from 'express-session';
import { LessThan, type Repository } from 'typeorm';
import { rawDatetime } from '../../database/raw-datetime';
import type { TransactionHost } from '../../database/transaction-host';
import {
  type SessionCaller,
  type SessionCallersRepository,
  rememberCaller,
} from './session-callers.repository';
import { SessionRecord } from './session.entity';

type Callback<T = void> = (error?: unknown, value?: T) => void;

const DEFAULT_LIFETIME_MS = 24 * 3600_000;

/**
 * express-session store in the app's own database (the embedded default). The user id is
 * kept in its own column so an account's sessions can be found and removed together.
 * It has no `touch`: expiry moves forward only when the session is saved (see renewal).
 *
 * A session is read together with its user (the caller: SessionCallersRepository), in one
 * statement; the deserializer takes that caller instead of reading it again.
 */
export class TypeormSessionStore extends Store {
  /** Callers read with a session, until express-session makes the request's session of it. */
  private readonly callers = new WeakMap<SessionData, SessionCaller | null>();

  /** The session with its caller, joined: made once, asked on every signed-in request. */
  private readonly readSql: string;
  private readonly upsertSql: string;

  constructor(
    private readonly sessions: Repository<SessionRecord>,
    private readonly db: TransactionHost,
    private readonly sessionCallers: SessionCallersRepository,
  ) {
    super();
    this.readSql =
      `SELECT s.data, s.expires_at, s.user_id, ${sessionCallers.columns('su')} ` +
      'FROM sessions s LEFT JOIN users su ON su.id = s.user_id WHERE s.id = ?';
    const insert =
      'INSERT INTO sessions (id, user_id, expires_at, data) VALUES (:id, :userId, :expiresAt, :data)';
    this.upsertSql = db.locksRows
      ? `${insert} ON DUPLICATE KEY UPDATE user_id = VALUES(user_id), expires_at = VALUES(expires_at), data = VALUES(data)`
      : `${insert} ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, expires_at = excluded.expires_at, data = excluded.data`;
  }

  get(sid: string, callback: Callback<SessionData | null>): void {
    // Every signed-in request reads its session: a plain statement (TransactionHost.query).
    this.db
      .query<
        Record<string, unknown> & {
          data: string;
          expires_at: Date | string;
          user_id: string | null;
        }
      >(this.readSql, [sid])
      .then(([row]) => {
        if (!row || rawDatetime(row.expires_at).getTime() <= Date.now())
          return callback(null, null);
        const data = JSON.parse(row.data) as SessionData;
        if (row.user_id !== null && data.passport?.user === row.user_id) {
          this.callers.set(data, this.sessionCallers.callerOf(row));
        }
        callback(null, data);
      })
      .catch(callback);
  }

  /** express-session makes the request's session of what `get` answered: its caller goes along. */
  createSession(req: Request, data: SessionData): Session & SessionData {
    const session = super.createSession(req, data);
    const caller = this.callers.get(data);
    if (caller !== undefined) rememberCaller(req, caller);
    return session;
  }

  /** One upsert, as a plain statement (a login writes it). */
  set(sid: string, session: SessionData, callback: Callback = () => undefined): void {
    const expires = session.cookie?.expires
      ? new Date(session.cookie.expires)
      : new Date(Date.now() + DEFAULT_LIFETIME_MS);
    this.db
      .queryNamed(this.upsertSql, {
        id: sid,
        userId: session.passport?.user ?? null,
        expiresAt: expires,
        data: JSON.stringify(session),
      })
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
