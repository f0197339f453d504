import { Injectable } from '@nestjs/common';
import { newId } from '../common/ids';
import { TransactionHost } from '../database/transaction-host';
import type { User } from '../users/entities/user.entity';
import { Post } from './entities/post.entity';
import { LikesRepository } from './likes.repository';
import { PostsRepository } from './posts.repository';
import { PostsService } from './posts.service';

/** Likes; each one moves the post's like_count in the same transaction. */
@Injectable()
export class LikesService {
  constructor(
    private readonly likes: LikesRepository,
    private readonly postRows: PostsRepository,
    private readonly posts: PostsService,
    private readonly db: TransactionHost,
  ) {}

  /** Idempotent. */
  async like(viewer: User, postId: string): Promise<void> {
    const post = await this.posts.findOrFail(postId);
    await this.db.run(async () => {
      await this.db.lockRows(Post, [post.id]);
      const inserted = await this.likes.insert({
        id: newId(),
        postId: post.id,
        userId: viewer.id,
        createdAt: new Date(),
      });
      if (inserted) await this.postRows.adjust(post.id, 'likeCount', 1);
    });
  }

  /** Idempotent. */
  async unlike(viewer: User, postId: string): Promise<void> {
    const post = await this.posts.findOrFail(postId);
    await this.db.run(async () => {
      await this.db.lockRows(Post, [post.id]);
      if (await this.likes.delete(post.id, viewer.id))
        await this.postRows.adjust(post.id, 'likeCount', -1);
    });
  }
}
