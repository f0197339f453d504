import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { keysetPage } from '../common/pagination/keyset';
import type { PageRequest } from '../common/pagination/page';
import { type SqlCondition, ofEachPerson } from '../database/sql-condition';
import { TransactionHost } from '../database/transaction-host';
import { Comment } from './entities/comment.entity';
import { type Engagement, engagementSince } from './engagement';

@Injectable()
export class CommentsRepository {
  constructor(private readonly db: TransactionHost) {}

  private get comments() {
    return this.db.repository(Comment);
  }

  insert(comment: Comment): Promise<unknown> {
    return this.comments.insert(comment);
  }

  findById(id: string): Promise<Comment | null> {
    return this.comments.findOneBy({ id });
  }

  findByIds(ids: string[]): Promise<Comment[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.comments.findBy({ id: In(ids) });
  }

  findInPost(postId: string, id: string): Promise<Comment | null> {
    return this.comments.findOneBy({ postId, id });
  }

  /**
   * A post's comments, oldest first (IDX_comments_post_id_created_at_id), those whose person
   * (the author) the condition lets through.
   */
  findPage(postId: string, page: PageRequest, visible: SqlCondition): Promise<Comment[]> {
    const person = ofEachPerson(visible, 'comment.authorId');
    const query = this.comments
      .createQueryBuilder('comment')
      .where('comment.postId = :postId', { postId })
      .andWhere(person.sql, person.params);
    return keysetPage(query, 'comment', page, 'ASC').getMany();
  }

  /** The comments written since then, newest first, with their post's author (IDX_comments_created_at). */
  since(since: Date, limit: number): Promise<Engagement[]> {
    return engagementSince(this.comments.createQueryBuilder('row'), since, limit);
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.comments.delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
