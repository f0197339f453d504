import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** `followerId` follows `followeeId`. */
@Entity('follows')
@Index('UQ_follows_follower_id_followee_id', ['followerId', 'followeeId'], { unique: true })
@Index('IDX_follows_follower_id_created_at_id', ['followerId', 'createdAt', 'id'])
@Index('IDX_follows_followee_id_created_at_id', ['followeeId', 'createdAt', 'id'])
export class Follow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey('User', { name: 'FK_follows_follower_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Column({ name: 'follower_id', type: 'varchar', length: 36 })
  followerId: string;

  @ForeignKey('User', { name: 'FK_follows_followee_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Column({ name: 'followee_id', type: 'varchar', length: 36 })
  followeeId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
