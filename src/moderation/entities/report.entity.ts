import { Column, Entity, ForeignKey, Index, PrimaryColumn } from 'typeorm';

export const SUBJECT_TYPES = ['post', 'comment', 'user'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

export const REPORT_REASONS = [
  'spam',
  'nudity',
  'harassment',
  'violence',
  'hate',
  'copyright',
  'other',
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const RESOLUTIONS = ['dismiss', 'remove', 'suspend'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export type ReportStatus = 'open' | 'resolved';

/** Someone's report of a post, a comment or a user, and how a moderator resolved it. */
@Entity('reports')
@Index('IDX_reports_status_created_at_id', ['status', 'createdAt', 'id'])
export class Report {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @ForeignKey('User', { name: 'FK_reports_reporter_id', onDelete: 'CASCADE', onUpdate: 'RESTRICT' })
  @Index('IDX_reports_reporter_id')
  @Column({ name: 'reporter_id', type: 'varchar', length: 36 })
  reporterId: string;

  @Column({ name: 'subject_type', type: 'varchar', length: 16 })
  subjectType: SubjectType;

  @Index('IDX_reports_subject_id')
  @Column({ name: 'subject_id', type: 'varchar', length: 36 })
  subjectId: string;

  /** The user answerable for the subject: the author of the post or comment, or the user. */
  @Column({ name: 'subject_user_id', type: 'varchar', length: 36 })
  subjectUserId: string;

  @Column({ type: 'varchar', length: 16 })
  reason: ReportReason;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  details: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: ReportStatus;

  /** `reporter:type:subject` while open, null once resolved: one open report per reporter and subject. */
  @Index('UQ_reports_open_key', { unique: true })
  @Column({ name: 'open_key', type: 'varchar', length: 100, nullable: true })
  openKey: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  action: Resolution | null;

  @Column({ name: 'resolved_by_id', type: 'varchar', length: 36, nullable: true })
  resolvedById: string | null;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  note: string | null;

  @Column({ name: 'resolved_at', type: 'datetime', precision: 3, nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
