import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import type { SessionUser } from '../../users/entities/user.entity';
import { UsersService } from '../../users/users.service';
import { VisibilityPolicy } from '../../relations/visibility.policy';
import { TransactionHost } from '../../database/transaction-host';

/** The caller of a signed-in request: their session user and whether blocks or mutes apply. */
export type SessionCaller = SessionUser & { hasBlocksOrMutes: boolean };

/**
 * What each signed-in request loads of its caller, in one statement: the users module's
 * columns (never the hash or the email) and the relations module's blocks-or-mutes flag, so
 * the visibility policy can leave those checks out for the many who have none. The database
 * session store joins these columns to the session's row (one statement for both); with
 * another store, the session's user is read by id.
 */
@Injectable()
export class SessionCallersRepository {
  /** The caller by id (when sessions are not in the database): made once. */
  private readonly findSql: string;

  constructor(
    private readonly users: UsersService,
    private readonly policy: VisibilityPolicy,
    private readonly db: TransactionHost,
  ) {
    this.findSql = `SELECT ${this.columns('su')} FROM users su WHERE su.id = ?`;
  }

  /** The columns, for a statement that joins `users` as `alias`. */
  columns(alias: string): string {
    return (
      `${this.users.sessionUserColumns(alias)}, ` +
      `${this.policy.blocksOrMutesSql(alias)} AS su_blocks_or_mutes`
    );
  }

  /** The caller in a row selected with `columns`; null when the row joined nobody. */
  callerOf(row: Record<string, unknown>): SessionCaller | null {
    const user = this.users.sessionUserOf(row);
    return user && { ...user, hasBlocksOrMutes: Number(row.su_blocks_or_mutes) === 1 };
  }

  async find(id: string): Promise<SessionCaller | null> {
    const [row] = await this.db.query<Record<string, unknown>>(this.findSql, [id]);
    return row ? this.callerOf(row) : null;
  }
}

/**
 * Callers a session store read with the session (the database store's join), for the
 * deserializer to take instead of reading them again; null: the session's user is gone.
 */
const loadedCallers = new WeakMap<Request, SessionCaller | null>();

export function rememberCaller(req: Request, caller: SessionCaller | null): void {
  loadedCallers.set(req, caller);
}

/** The caller read with this request's session, if its store read one; undefined otherwise. */
export function loadedCaller(req: Request): SessionCaller | null | undefined {
  return loadedCallers.get(req);
}
