import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

/** `requesterId` asks to follow the private account `targetId`; a follow once accepted. */
@Entity('follow_requests')
@Index('UQ_follow_requests_requester_id_target_id', ['requesterId', 'targetId'], { unique: true })
@Index('IDX_follow_requests_requester_id_created_at_id', ['requesterId', 'createdAt', 'id'])
@Index('IDX_follow_requests_target_id_created_at_id', ['targetId', 'createdAt', 'id'])
export class FollowRequest {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey('User', {
    name: 'FK_follow_requests_requester_id',
    onDelete: 'CASCADE',
    onUpdate: 'RESTRICT',
  })
  @Column({ name: 'requester_id', type: 'varchar', length: 36 })
  requesterId: string;

  @ForeignKey('User', {
    name: 'FK_follow_requests_target_id',
    onDelete: 'CASCADE',
    onUpdate: 'RESTRICT',
  })
  @Column({ name: 'target_id', type: 'varchar', length: 36 })
  targetId: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
