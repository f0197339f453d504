import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The deletion outbox: an object to remove from storage, written in the same transaction as
 * the row change that orphaned it, and retried with backoff until storage confirms.
 */
@Entity('storage_deletions')
export class StorageDeletion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'storage_key', type: 'varchar', length: 255 })
  storageKey: string;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Index('IDX_storage_deletions_next_attempt_at')
  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 })
  nextAttemptAt: Date;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt: Date;
}
