import { Injectable } from '@nestjs/common';
import { adjustCounter } from '../database/row-writes';
import { TransactionHost } from '../database/transaction-host';
import { Post } from './entities/post.entity';

@Injectable()
export class PostsRepository {
  constructor(private readonly db: TransactionHost) {}

  private get posts() {
    return this.db.repository(Post);
  }

  insert(post: Post): Promise<unknown> {
    return this.posts.insert(post);
  }

  findById(id: string): Promise<Post | null> {
    return this.posts.findOneBy({ id });
  }

  /** An author's latest posts, as positions (IDX_posts_author_id_created_at_id): a backfill. */
  latestOf(authorId: string, limit: number): Promise<Post[]> {
    return this.posts
      .createQueryBuilder('post')
      .select(['post.id', 'post.authorId', 'post.createdAt'])
      .where('post.authorId = :authorId', { authorId })
      .andWhere('post.status = :published', { published: 'published' })
      .orderBy('post.createdAt', 'DESC')
      .addOrderBy('post.id', 'DESC')
      .limit(limit)
      .getMany();
  }

  async update(id: string, changes: Partial<Pick<Post, 'caption'>>, at: Date): Promise<void> {
    await this.posts.update({ id }, { ...changes, updatedAt: at });
  }

  /**
   * One photo of a processing post is ready: true when it was the last and the post became
   * published by this call (the row lock orders photos finishing at once).
   */
  async photoReady(id: string, at: Date): Promise<boolean> {
    await this.posts
      .createQueryBuilder()
      .update()
      .set({ pendingPhotos: () => 'pending_photos - 1' })
      .where('id = :id AND status = :processing AND pending_photos > 0', {
        id,
        processing: 'processing',
      })
      .execute();
    const published = await this.posts
      .createQueryBuilder()
      .update()
      .set({ status: 'published', updatedAt: at })
      .where('id = :id AND status = :processing AND pending_photos = 0', {
        id,
        processing: 'processing',
      })
      .execute();
    return published.affected === 1;
  }

  /** A processing post whose photo cannot be processed fails, with the reason. */
  async markFailed(id: string, failure: string, at: Date): Promise<boolean> {
    const result = await this.posts
      .createQueryBuilder()
      .update()
      .set({ status: 'failed', failure, updatedAt: at })
      .where('id = :id AND status = :processing', { id, processing: 'processing' })
      .execute();
    return result.affected === 1;
  }

  async delete(id: string): Promise<void> {
    await this.posts.delete({ id });
  }

  /** Atomic counter change (`count = count + delta`), in the caller's transaction. */
  async adjust(id: string, counter: 'likeCount' | 'commentCount', delta: number): Promise<void> {
    await adjustCounter(this.posts, id, counter, delta);
  }

  /**
   * Takes a deleted account out of every post: its likes and comments leave other people's
   * counts, then go; then its own posts go (their likes and comments cascade). A fixed number
   * of statements whatever the account's activity.
   */
  async removeAllOf(userId: string): Promise<void> {
    const manager = this.db.manager;
    await manager.query(
      'UPDATE posts SET like_count = like_count - 1 WHERE id IN (SELECT post_id FROM likes WHERE user_id = ?)',
      [userId],
    );
    await manager.query('DELETE FROM likes WHERE user_id = ?', [userId]);
    await manager.query(
      'UPDATE posts SET comment_count = comment_count - ' +
        '(SELECT COUNT(*) FROM comments WHERE comments.post_id = posts.id AND comments.author_id = ?) ' +
        'WHERE id IN (SELECT post_id FROM comments WHERE author_id = ?)',
      [userId, userId],
    );
    await manager.query('DELETE FROM comments WHERE author_id = ?', [userId]);
    await this.posts.delete({ authorId: userId });
  }
}
