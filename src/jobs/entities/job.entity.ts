import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One unit of background work. Due when `run_at` has passed and it is not dead; a worker's
 * claim pushes `run_at` and `locked_until` to the end of its lease, so a job whose worker died
 * becomes due again once the lease is over. Done jobs are deleted; dead ones stay, with the
 * last error, until someone looks at them.
 */
@Entity('jobs')
@Index('IDX_jobs_dead_at_run_at', ['deadAt', 'runAt'])
export class Job {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  /** JSON. */
  @Column({ type: 'text' })
  payload: string;

  /** At most one job with a given key exists at a time (recurring and de-duplicated jobs). */
  @Index('UQ_jobs_dedupe_key', { unique: true })
  @Column({ name: 'dedupe_key', type: 'varchar', length: 191, nullable: true })
  key: string | null;

  @Column({ name: 'run_at', type: 'datetime', precision: 3 })
  runAt: Date;

  /** Runs started so far, counted when a worker claims the job. */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ name: 'max_attempts', type: 'integer' })
  maxAttempts: number;

  @Column({ name: 'locked_until', type: 'datetime', precision: 3, nullable: true })
  lockedUntil: Date | null;

  /** The claim holding the lease; a worker only records the outcome of its own claim. */
  @Column({ name: 'locked_by', type: 'varchar', length: 36, nullable: true })
  lockedBy: string | null;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError: string | null;

  @Column({ name: 'dead_at', type: 'datetime', precision: 3, nullable: true })
  deadAt: Date | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
