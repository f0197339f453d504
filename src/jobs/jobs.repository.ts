import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '../common/errors/database-errors';
import { rawDatetime } from '../database/raw-datetime';
import { TransactionHost } from '../database/transaction-host';
import { Job } from './entities/job.entity';

export type NewJob = Pick<Job, 'id' | 'type' | 'payload' | 'key' | 'runAt' | 'maxAttempts'>;

/** Jobs looked at per claim, when final attempts whose lease ran out come first (buried). */
const CLAIM_SCAN = 5;

/**
 * The queue's only SQL. A claim is a short transaction: pick the oldest due job of the given
 * types (on MySQL/MariaDB with FOR UPDATE SKIP LOCKED, so concurrent claims take different
 * rows; SQLite serializes transactions), count the attempt and push `run_at`/`locked_until` to
 * the end of the lease under a fresh claim token. Every later write names that token, so a
 * worker that lost its lease can no longer touch the job.
 */
@Injectable()
export class JobsRepository {
  constructor(private readonly db: TransactionHost) {}

  private get jobs() {
    return this.db.repository(Job);
  }

  /** Inserts in the caller's transaction, if any; a job whose key is taken is skipped. */
  async insert(jobs: NewJob[], now: Date): Promise<void> {
    const rows = jobs.map((job) => ({
      ...job,
      attempts: 0,
      lockedUntil: null,
      lockedBy: null,
      lastError: null,
      deadAt: null,
      createdAt: now,
    }));
    const unkeyed = rows.filter((row) => row.key === null);
    if (unkeyed.length > 0) await this.jobs.insert(unkeyed);
    for (const row of rows.filter((job) => job.key !== null)) {
      try {
        await this.jobs.insert(row);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
  }

  /**
   * Claims the oldest due job of one of `types` for `leaseMs`, or null when none is due. A job
   * whose worker lost its lease on the final attempt is marked dead instead of run again.
   */
  claimNext(types: string[], now: Date, leaseMs: number, token: string): Promise<Job | null> {
    if (types.length === 0) return Promise.resolve(null);
    return this.db.run(async () => {
      for (let scanned = 0; scanned < CLAIM_SCAN; scanned++) {
        const query = this.jobs
          .createQueryBuilder('job')
          .where('job.deadAt IS NULL AND job.runAt <= :now AND job.type IN (:...types)', {
            now,
            types,
          })
          .orderBy('job.runAt', 'ASC')
          .limit(1);
        if (this.db.locksRows) query.setLock('pessimistic_write').setOnLocked('skip_locked');
        const job = await query.getOne();
        if (!job) return null;
        if (job.lockedUntil !== null && job.attempts >= job.maxAttempts) {
          await this.jobs.update(
            { id: job.id },
            {
              deadAt: now,
              lockedBy: null,
              lockedUntil: null,
              lastError: 'The worker running the last attempt stopped before it finished',
            },
          );
          continue;
        }
        const until = new Date(now.getTime() + leaseMs);
        const claimed = await this.jobs
          .createQueryBuilder()
          .update()
          .set({
            attempts: () => 'attempts + 1',
            runAt: until,
            lockedUntil: until,
            lockedBy: token,
          })
          .where('id = :id AND run_at <= :now AND dead_at IS NULL', { id: job.id, now })
          .execute();
        if (claimed.affected !== 1) return null;
        return {
          ...job,
          attempts: job.attempts + 1,
          runAt: until,
          lockedUntil: until,
          lockedBy: token,
        };
      }
      return null;
    });
  }

  /** Extends the lease; false when the claim was lost (the job is another worker's now). */
  async renewLease(id: string, token: string, until: Date): Promise<boolean> {
    const result = await this.jobs.update(
      { id, lockedBy: token },
      { runAt: until, lockedUntil: until },
    );
    return result.affected === 1;
  }

  /** Done: the job goes. */
  async complete(id: string, token: string): Promise<void> {
    await this.jobs.delete({ id, lockedBy: token });
  }

  /** Due again at `runAt` (a retry, or a recurring job's next period). */
  async reschedule(
    id: string,
    token: string,
    change: { runAt: Date; lastError: string | null; resetAttempts: boolean },
  ): Promise<void> {
    await this.jobs.update(
      { id, lockedBy: token },
      {
        runAt: change.runAt,
        lastError: change.lastError?.slice(0, 1000) ?? null,
        lockedBy: null,
        lockedUntil: null,
        ...(change.resetAttempts ? { attempts: 0 } : {}),
      },
    );
  }

  /** Out of attempts: parked with its last error, never claimed again. */
  async bury(id: string, token: string, now: Date, lastError: string): Promise<void> {
    await this.jobs.update(
      { id, lockedBy: token },
      { deadAt: now, lastError: lastError.slice(0, 1000), lockedBy: null, lockedUntil: null },
    );
  }

  /**
   * Per type: due, scheduled (later), running (leased) and dead jobs, and the oldest due
   * `run_at`. One grouped scan: the table holds the queue, not its history (done jobs go).
   */
  async countsByType(now: Date): Promise<JobStateCounts[]> {
    const rows = await this.jobs
      .createQueryBuilder('job')
      .select('job.type', 'type')
      .addSelect(
        'SUM(CASE WHEN job.deadAt IS NULL AND job.lockedUntil > :now THEN 1 ELSE 0 END)',
        'running',
      )
      .addSelect(
        'SUM(CASE WHEN job.deadAt IS NULL AND (job.lockedUntil IS NULL OR job.lockedUntil <= :now) AND job.runAt <= :now THEN 1 ELSE 0 END)',
        'due',
      )
      .addSelect(
        'SUM(CASE WHEN job.deadAt IS NULL AND (job.lockedUntil IS NULL OR job.lockedUntil <= :now) AND job.runAt > :now THEN 1 ELSE 0 END)',
        'scheduled',
      )
      .addSelect('SUM(CASE WHEN job.deadAt IS NOT NULL THEN 1 ELSE 0 END)', 'dead')
      .addSelect(
        'MIN(CASE WHEN job.deadAt IS NULL AND (job.lockedUntil IS NULL OR job.lockedUntil <= :now) AND job.runAt <= :now THEN job.runAt END)',
        'oldestDueAt',
      )
      .setParameter('now', now)
      .groupBy('job.type')
      .orderBy('job.type')
      .getRawMany<Record<string, string | number | Date | null>>();
    return rows.map((row) => ({
      type: String(row.type),
      due: Number(row.due ?? 0),
      scheduled: Number(row.scheduled ?? 0),
      running: Number(row.running ?? 0),
      dead: Number(row.dead ?? 0),
      oldestDueAt: row.oldestDueAt === null ? null : rawDatetime(row.oldestDueAt as Date | string),
    }));
  }

  /** The latest dead jobs, last buried first (IDX_jobs_dead_at_run_at). */
  latestDead(limit: number): Promise<Job[]> {
    return this.jobs
      .createQueryBuilder('job')
      .where('job.deadAt IS NOT NULL')
      .orderBy('job.deadAt', 'DESC')
      .addOrderBy('job.id', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** Given back unfinished (shutdown): due now for another worker, the attempt not counted. */
  async release(id: string, token: string, now: Date): Promise<void> {
    await this.jobs
      .createQueryBuilder()
      .update()
      .set({ attempts: () => 'attempts - 1', runAt: now, lockedUntil: null, lockedBy: null })
      .where('id = :id AND locked_by = :token', { id, token })
      .execute();
  }
}

export interface JobStateCounts {
  type: string;
  due: number;
  scheduled: number;
  running: number;
  dead: number;
  oldestDueAt: Date | null;
}
