import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

@Entity('comments')
@Index('IDX_comments_post_id_created_at_id', ['postId', 'createdAt', 'id'])
export class Comment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey('Post', { name: 'FK_comments_post_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Column({ name: 'post_id', type: 'varchar', length: 36 })
  postId: string;

  @Index('IDX_comments_author_id')
  @ForeignKey('User', { name: 'FK_comments_author_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId: string;

  @Column({ type: 'varchar', length: 2200 })
  body: string;

  @Index('IDX_comments_created_at')
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
