import { Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type { Repository } from 'typeorm';
import type { TransactionHost } from '../../database/transaction-host';
import type { SessionCallersRepository } from './session-callers.repository';
import { SessionBackend } from './session-backend';
import type { SessionRecord } from './session.entity';
import { TypeormSessionStore } from './typeorm-session.store';

const REAP_EVERY_MS = 15 * 60_000;

export class DatabaseSessionBackend
  extends SessionBackend
  implements OnModuleInit, OnModuleDestroy
{
  readonly name = 'database';
  readonly store: TypeormSessionStore;
  private readonly logger = new Logger('Sessions');
  private reaper?: NodeJS.Timeout;

  constructor(
    private readonly sessions: Repository<SessionRecord>,
    db: TransactionHost,
    callers: SessionCallersRepository,
  ) {
    super();
    this.store = new TypeormSessionStore(sessions, db, callers);
  }

  onModuleInit(): void {
    this.reaper = setInterval(() => {
      this.store
        .reap()
        .catch((error: unknown) => this.logger.warn(`Session reap failed: ${String(error)}`));
    }, REAP_EVERY_MS);
    this.reaper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.reaper);
  }

  async check(): Promise<void> {
    await this.sessions.query('SELECT 1');
  }

  destroyAllOf(userId: string): Promise<void> {
    return this.store.destroyAllOf(userId);
  }
}
