import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** `muterId` no longer sees the posts and notifications of `mutedId`, who cannot tell. */
@Entity('mutes')
@Index('UQ_mutes_muter_id_muted_id', ['muterId', 'mutedId'], { unique: true })
@Index('IDX_mutes_muter_id_created_at_id', ['muterId', 'createdAt', 'id'])
@Index('IDX_mutes_muted_id_created_at_id', ['mutedId', 'createdAt', 'id'])
export class Mute {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey('User', { name: 'FK_mutes_muter_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Column({ name: 'muter_id', type: 'varchar', length: 36 })
  muterId: string;

  @ForeignKey('User', { name: 'FK_mutes_muted_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Column({ name: 'muted_id', type: 'varchar', length: 36 })
  mutedId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
