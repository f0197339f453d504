import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/**
 * One post in one user's home timeline (fan-out on write): written when the post is published
 * or its author followed, removed on unfollow or block, gone with the post or the user.
 * `createdAt` is the post's, so a timeline page is a keyset page of one index.
 */
@Entity('timeline')
@Index('IDX_timeline_user_id_created_at_post_id', ['userId', 'createdAt', 'postId'])
@Index('IDX_timeline_user_id_author_id', ['userId', 'authorId'])
export class TimelineEntry {
  @ForeignKey('User', { name: 'FK_timeline_user_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Index('IDX_timeline_post_id')
  @ForeignKey('Post', { name: 'FK_timeline_post_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @PrimaryColumn({ name: 'post_id', type: 'varchar', length: 36 })
  postId: string;

  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
