import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';
import { TransactionHost } from '../database/transaction-host';
import { Mention } from './entities/mention.entity';

@Injectable()
export class MentionsRepository {
  constructor(private readonly db: TransactionHost) {}

  private get mentions() {
    return this.db.repository(Mention);
  }

  /** Who is mentioned in a post's caption (`commentId` null) or in one of its comments. */
  async userIdsIn(postId: string, commentId: string | null): Promise<string[]> {
    const rows = await this.mentions.find({
      select: { userId: true },
      where: { postId, commentId: commentId ?? IsNull() },
    });
    return rows.map((row) => row.userId);
  }

  async insert(mentions: Mention[]): Promise<void> {
    if (mentions.length > 0) await this.mentions.insert(mentions);
  }

  async delete(postId: string, commentId: string | null, userIds: string[]): Promise<void> {
    if (userIds.length === 0) return;
    await this.mentions.delete({ postId, commentId: commentId ?? IsNull(), userId: In(userIds) });
  }
}
