import { Injectable } from '@nestjs/common';
import { batchesOf } from '../../database/batches';
import { TransactionHost } from '../../database/transaction-host';
import { TimelineEntry } from './timeline-entry.entity';

/** Rows per INSERT when a post fans out to thousands of followers. */
const INSERT_BATCH = 500;

@Injectable()
export class TimelineRepository {
  constructor(private readonly db: TransactionHost) {}

  private get entries() {
    return this.db.repository(TimelineEntry);
  }

  /** Adds the entries; those already there stay as they are (a job may run twice). */
  async add(entries: TimelineEntry[]): Promise<void> {
    for (const { batch } of batchesOf(entries, INSERT_BATCH)) {
      await this.entries.createQueryBuilder().insert().values(batch).orIgnore().execute();
    }
  }

  /** Takes an author's posts out of a user's timeline (unfollow, block). */
  async removeAuthor(userId: string, authorId: string): Promise<void> {
    await this.entries.delete({ userId, authorId });
  }
}
