import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { TransactionHost } from '../database/transaction-host';
import { PostMedia } from './entities/post-media.entity';

@Injectable()
export class PostMediaRepository {
  constructor(private readonly db: TransactionHost) {}

  private get media() {
    return this.db.repository(PostMedia);
  }

  async insertAll(rows: PostMedia[]): Promise<void> {
    await this.media.insert(rows);
  }

  /** The photos of these posts, each post's in order. */
  findByPosts(postIds: string[]): Promise<PostMedia[]> {
    if (postIds.length === 0) return Promise.resolve([]);
    return this.media.find({
      where: { postId: In([...new Set(postIds)]) },
      order: { postId: 'ASC', position: 'ASC' },
    });
  }

  /** The post a photo belongs to, if any (an avatar belongs to none). */
  async findPostIdOf(imageId: string): Promise<string | null> {
    return (await this.media.findOneBy({ imageId }))?.postId ?? null;
  }

  async updateAltText(postId: string, position: number, altText: string | null): Promise<void> {
    await this.media.update({ postId, position }, { altText });
  }
}
