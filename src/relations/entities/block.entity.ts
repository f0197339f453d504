import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** `blockerId` blocks `blockedId`: neither sees the other, neither can reach the other. */
@Entity('blocks')
@Index('UQ_blocks_blocker_id_blocked_id', ['blockerId', 'blockedId'], { unique: true })
@Index('IDX_blocks_blocker_id_created_at_id', ['blockerId', 'createdAt', 'id'])
@Index('IDX_blocks_blocked_id_created_at_id', ['blockedId', 'createdAt', 'id'])
export class Block {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey('User', { name: 'FK_blocks_blocker_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Column({ name: 'blocker_id', type: 'varchar', length: 36 })
  blockerId: string;

  @ForeignKey('User', { name: 'FK_blocks_blocked_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Column({ name: 'blocked_id', type: 'varchar', length: 36 })
  blockedId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
