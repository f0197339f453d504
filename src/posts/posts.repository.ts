import { Injectable } from '@nestjs/common';
import { keysetPage } from '../common/pagination/keyset';
import type { PageRequest } from '../common/pagination/page';
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

  /** Everyone's posts, newest first (index IDX_posts_created_at_id). */
  findPublicPage(page: PageRequest): Promise<Post[]> {
    return keysetPage(this.posts.createQueryBuilder('post'), 'post', page).getMany();
  }

  /** One author's posts, newest first (index IDX_posts_author_id_created_at_id). */
  findAuthorPage(authorId: string, page: PageRequest): Promise<Post[]> {
    const query = this.posts
      .createQueryBuilder('post')
      .where('post.authorId = :authorId', { authorId });
    return keysetPage(query, 'post', page).getMany();
  }

  async update(
    id: string,
    changes: Partial<Pick<Post, 'caption' | 'altText'>>,
    at: Date,
  ): Promise<void> {
    await this.posts.update({ id }, { ...changes, updatedAt: at });
  }

  async delete(id: string): Promise<void> {
    await this.posts.delete({ id });
  }

  async deleteByAuthor(authorId: string): Promise<void> {
    await this.posts.delete({ authorId });
  }
}
