import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** A user named in a post's caption (`commentId` null) or in one of its comments. */
@Entity('mentions')
export class Mention {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('IDX_mentions_post_id')
  @ForeignKey('Post', { name: 'FK_mentions_post_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Column({ name: 'post_id', type: 'varchar', length: 36 })
  postId: string;

  @Index('IDX_mentions_comment_id')
  @ForeignKey('Comment', {
    name: 'FK_mentions_comment_id',
    onDelete: 'CASCADE',
    onUpdate: 'RESTRICT',
  })
  @Column({ name: 'comment_id', type: 'varchar', length: 36, nullable: true })
  commentId: string | null;

  @Index('IDX_mentions_user_id')
  @ForeignKey('User', { name: 'FK_mentions_user_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
