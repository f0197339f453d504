import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

export type PostStatus = 'processing' | 'published' | 'failed';

@Entity('posts')
@Index('IDX_posts_created_at_id', ['createdAt', 'id'])
@Index('IDX_posts_author_id_created_at_id', ['authorId', 'createdAt', 'id'])
export class Post {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey('User', { name: 'FK_posts_author_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId: string;

  @Column({ type: 'varchar', length: 2200, nullable: true })
  caption: string | null;

  /** `processing` until every photo is ready; only its author sees it before `published`. */
  @Column({ type: 'varchar', length: 16, default: 'published' })
  status: PostStatus;

  /** Photos not processed yet; the post is published when it reaches 0. */
  @Column({ name: 'pending_photos', type: 'integer', default: 0 })
  pendingPhotos: number;

  /** Why a photo could not be processed, when `failed`. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  failure: string | null;

  /** Counters kept in the same transaction as the likes and comments they count. */
  @Column({ name: 'like_count', type: 'integer', default: 0 })
  likeCount: number;

  @Column({ name: 'comment_count', type: 'integer', default: 0 })
  commentCount: number;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt: Date;
}
