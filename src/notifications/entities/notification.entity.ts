import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

export const NOTIFICATION_TYPES = [
  'like',
  'comment',
  'mention',
  'follow',
  'follow_request',
  'follow_accepted',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** `actorId` did something that concerns `recipientId`. */
@Entity('notifications')
@Index('IDX_notifications_recipient_id_created_at_id', ['recipientId', 'createdAt', 'id'])
@Index('IDX_notifications_recipient_id_is_read', ['recipientId', 'read'])
export class Notification {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey('User', {
    name: 'FK_notifications_recipient_id',
    onDelete: 'CASCADE',
    onUpdate: 'RESTRICT',
  })
  @Column({ name: 'recipient_id', type: 'varchar', length: 36 })
  recipientId: string;

  @Index('IDX_notifications_actor_id')
  @ForeignKey('User', {
    name: 'FK_notifications_actor_id',
    onDelete: 'CASCADE',
    onUpdate: 'RESTRICT',
  })
  @Column({ name: 'actor_id', type: 'varchar', length: 36 })
  actorId: string;

  @Column({ type: 'varchar', length: 20 })
  type: NotificationType;

  @Index('IDX_notifications_post_id')
  @ForeignKey('Post', {
    name: 'FK_notifications_post_id',
    onDelete: 'CASCADE',
    onUpdate: 'RESTRICT',
  })
  @Column({ name: 'post_id', type: 'varchar', length: 36, nullable: true })
  postId: string | null;

  @Index('IDX_notifications_comment_id')
  @ForeignKey('Comment', {
    name: 'FK_notifications_comment_id',
    onDelete: 'CASCADE',
    onUpdate: 'RESTRICT',
  })
  @Column({ name: 'comment_id', type: 'varchar', length: 36, nullable: true })
  commentId: string | null;

  @Column({ name: 'is_read', type: 'boolean', default: false })
  read: boolean;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
