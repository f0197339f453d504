import { Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { batchesOf } from '../database/batches';
import { TransactionHost } from '../database/transaction-host';
import type { PostSource } from '../posts/post-record';
import { ExploreEntry } from './entities/explore-entry.entity';

const CHUNK = 200;

@Injectable()
export class ExploreRepository {
  constructor(private readonly db: TransactionHost) {}

  private get entries() {
    return this.db.repository(ExploreEntry);
  }

  /** The newest generation, or 0 when none was ever computed (one seek of the primary key). */
  async latestGeneration(): Promise<number> {
    const row = await this.entries
      .createQueryBuilder('entry')
      .select('MAX(entry.generation)', 'generation')
      .getRawOne<{ generation: number | string | null }>();
    return Number(row?.generation ?? 0);
  }

  async hasGeneration(generation: number): Promise<boolean> {
    return (await this.entries.countBy({ generation })) > 0;
  }

  /**
   * In the caller's transaction: writes a ranking, then drops all but it and the one before
   * (an empty ranking drops them all: explore is then the newest posts again).
   */
  async replace(generation: number, postIds: string[], at: Date): Promise<void> {
    for (const { batch, offset } of batchesOf(postIds, CHUNK)) {
      await this.entries.insert(
        batch.map((postId, index) => ({
          generation,
          position: offset + index + 1,
          postId,
          createdAt: at,
        })),
      );
    }
    await this.entries.delete({
      generation: LessThan(postIds.length > 0 ? generation - 1 : generation),
    });
  }

  /**
   * The entries after `position`, in rank order (the primary key), as the posts module reads
   * their posts in one statement; `limit` rows.
   */
  postSource(generation: number, position: number, limit: number): PostSource {
    return {
      from: () => 'explore_entries entry',
      postId: 'entry.post_id',
      where: 'entry.generation = :exploreGeneration AND entry.position > :explorePosition',
      orderBy: 'entry.position ASC',
      params: { exploreGeneration: generation, explorePosition: position },
      limit,
      rank: 'entry.position',
    };
  }
}
