import { Injectable } from '@nestjs/common';
import { keysetPage } from '../common/pagination/keyset';
import type { PageRequest } from '../common/pagination/page';
import { insertOrSkip } from '../database/row-writes';
import { type SqlCondition, ofEachPerson } from '../database/sql-condition';
import { TransactionHost } from '../database/transaction-host';
import { Like } from './entities/like.entity';
import { type Engagement, engagementSince } from './engagement';

@Injectable()
export class LikesRepository {
  constructor(private readonly db: TransactionHost) {}

  private get likes() {
    return this.db.repository(Like);
  }

  /** True when the like is new; liking twice is a no-op. */
  insert(like: Like): Promise<boolean> {
    return insertOrSkip(this.likes, like);
  }

  async delete(postId: string, userId: string): Promise<boolean> {
    const result = await this.likes.delete({ postId, userId });
    return (result.affected ?? 0) > 0;
  }

  /**
   * A post's likes, newest first (IDX_likes_post_id_created_at_id): "liked by", those whose
   * person (the liker) the condition lets through.
   */
  findPage(postId: string, page: PageRequest, visible: SqlCondition): Promise<Like[]> {
    const person = ofEachPerson(visible, 'like.userId');
    const query = this.likes
      .createQueryBuilder('like')
      .where('like.postId = :postId', { postId })
      .andWhere(person.sql, person.params);
    return keysetPage(query, 'like', page).getMany();
  }

  /** The likes given since then, newest first, with their post's author (IDX_likes_created_at). */
  since(since: Date, limit: number): Promise<Engagement[]> {
    return engagementSince(this.likes.createQueryBuilder('row'), since, limit);
  }
}
