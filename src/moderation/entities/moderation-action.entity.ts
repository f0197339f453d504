import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type ModerationActionKind = 'dismiss' | 'remove' | 'suspend' | 'unsuspend' | 'role';
export type ActionSubjectType = 'post' | 'comment' | 'user';

/**
 * The audit log: one row per moderator action, kept when the moderator or the subject is
 * deleted (no foreign keys), so it says who did what, to what, when and why.
 */
@Entity('moderation_actions')
@Index('IDX_moderation_actions_created_at_id', ['createdAt', 'id'])
export class ModerationAction {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'moderator_id', type: 'varchar', length: 36 })
  moderatorId: string;

  @Column({ name: 'moderator_username', type: 'varchar', length: 30 })
  moderatorUsername: string;

  /** For `role`, the note names the role granted. */
  @Column({ type: 'varchar', length: 16 })
  action: ModerationActionKind;

  @Column({ name: 'subject_type', type: 'varchar', length: 16 })
  subjectType: ActionSubjectType;

  @Column({ name: 'subject_id', type: 'varchar', length: 36 })
  subjectId: string;

  @Column({ name: 'report_id', type: 'varchar', length: 36, nullable: true })
  reportId: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
