import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

@Entity('posts')
@Index('IDX_posts_created_at_id', ['createdAt', 'id'])
@Index('IDX_posts_author_id_created_at_id', ['authorId', 'createdAt', 'id'])
export class Post {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey('User', { name: 'FK_posts_author_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId: string;

  @Index('UQ_posts_image_id', { unique: true })
  @ForeignKey('Image', { name: 'FK_posts_image_id', onDelete: 'RESTRICT', onUpdate: 'RESTRICT' })
  @Column({ name: 'image_id', type: 'varchar', length: 36 })
  imageId: string;

  @Column({ type: 'varchar', length: 2200, nullable: true })
  caption: string | null;

  @Column({ name: 'alt_text', type: 'varchar', length: 1000, nullable: true })
  altText: string | null;

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
