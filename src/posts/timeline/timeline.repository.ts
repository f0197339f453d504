import { Injectable } from '@nestjs/common';
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
    for (let from = 0; from < entries.length; from += INSERT_BATCH) {
      await this.entries
        .createQueryBuilder()
        .insert()
        .values(entries.slice(from, from + INSERT_BATCH))
        .orIgnore()
        .execute();
    }
  }

  /** Takes an author's posts out of a user's timeline (unfollow, block). */
  async removeAuthor(userId: string, authorId: string): Promise<void> {
    await this.entries.delete({ userId, authorId });
  }
}
