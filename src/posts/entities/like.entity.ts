import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

@Entity('likes')
@Index('UQ_likes_post_id_user_id', ['postId', 'userId'], { unique: true })
@Index('IDX_likes_post_id_created_at_id', ['postId', 'createdAt', 'id'])
export class Like {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey('Post', { name: 'FK_likes_post_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Column({ name: 'post_id', type: 'varchar', length: 36 })
  postId: string;

  @Index('IDX_likes_user_id')
  @ForeignKey('User', { name: 'FK_likes_user_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId: string;

  @Index('IDX_likes_created_at')
  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
