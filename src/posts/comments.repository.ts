import { Injectable } from '@nestjs/common';
import { keysetPage } from '../common/pagination/keyset';
import type { PageRequest } from '../common/pagination/page';
import { TransactionHost } from '../database/transaction-host';
import { Comment } from './entities/comment.entity';

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

  findInPost(postId: string, id: string): Promise<Comment | null> {
    return this.comments.findOneBy({ postId, id });
  }

  /** A post's comments, oldest first (IDX_comments_post_id_created_at_id). */
  findPage(postId: string, page: PageRequest): Promise<Comment[]> {
    const query = this.comments
      .createQueryBuilder('comment')
      .where('comment.postId = :postId', { postId });
    return keysetPage(query, 'comment', page, 'ASC').getMany();
  }

  async delete(id: string): Promise<boolean> {
    const result = await this.comments.delete({ id });
    return (result.affected ?? 0) > 0;
  }
}
