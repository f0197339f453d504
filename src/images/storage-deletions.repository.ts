import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { newId } from '../common/ids';
import { TransactionHost } from '../database/transaction-host';
import { StorageDeletion } from './entities/storage-deletion.entity';

@Injectable()
export class StorageDeletionsRepository {
  constructor(private readonly db: TransactionHost) {}

  private get deletions() {
    return this.db.repository(StorageDeletion);
  }

  async enqueue(keys: string[], at = new Date()): Promise<void> {
    if (keys.length === 0) return;
    await this.deletions.insert(
      keys.map((storageKey) => ({
        id: newId(),
        storageKey,
        attempts: 0,
        nextAttemptAt: at,
        lastError: null,
        createdAt: at,
      })),
    );
  }

  /**
   * Claims due deletions for this worker by pushing their next attempt past a lease, inside a
   * transaction; on MySQL/MariaDB rows another instance holds are skipped (SKIP LOCKED).
   */
  claimDue(now: Date, limit: number, leaseMs: number): Promise<StorageDeletion[]> {
    return this.db.run(async () => {
      const query = this.deletions
        .createQueryBuilder('deletion')
        .where('deletion.nextAttemptAt <= :now', { now })
        .orderBy('deletion.nextAttemptAt', 'ASC')
        .take(limit);
      if (this.db.locksRows) query.setLock('pessimistic_write').setOnLocked('skip_locked');
      const due = await query.getMany();
      if (due.length > 0) {
        await this.deletions.update(
          { id: In(due.map((d) => d.id)) },
          { nextAttemptAt: new Date(now.getTime() + leaseMs) },
        );
      }
      return due;
    });
  }

  async complete(id: string): Promise<void> {
    await this.deletions.delete({ id });
  }

  async retryLater(id: string, attempts: number, at: Date, error: string): Promise<void> {
    await this.deletions.update(
      { id },
      { attempts, nextAttemptAt: at, lastError: error.slice(0, 500) },
    );
  }
}
