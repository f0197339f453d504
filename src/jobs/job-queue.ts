import { Injectable } from '@nestjs/common';
import { newId } from '../common/ids';
import { TransactionHost } from '../database/transaction-host';
import type { JobPayloads, JobType } from './job-payloads';
import { JobRegistry } from './job-registry';
import { JobsRepository, type NewJob } from './jobs.repository';

export interface EnqueueOptions {
  /** Not before this time (default: now). */
  runAt?: Date;
  /** Runs before the job is dead (default 5). */
  maxAttempts?: number;
  /** While a job with this key exists, enqueueing another with it does nothing. */
  key?: string;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
const MAX_PAYLOAD_CHARS = 60_000;

/**
 * Puts work on the queue. Enqueueing joins the caller's TransactionHost transaction: a job
 * enqueued in a transaction that rolls back never exists, and one enqueued with a change
 * commits with it.
 */
@Injectable()
export class JobQueue {
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly jobs: JobsRepository,
    private readonly registry: JobRegistry,
    private readonly db: TransactionHost,
  ) {}

  /** `listener` hears of jobs due now once they are committed (this process's workers wake). */
  whenEnqueued(listener: () => void): void {
    this.listeners.add(listener);
  }

  enqueue<K extends JobType>(
    type: K,
    payload: JobPayloads[K],
    options: EnqueueOptions = {},
  ): Promise<void> {
    return this.insert(type, [payload], options);
  }

  /** Several jobs of one type in one statement. */
  enqueueAll<K extends JobType>(
    type: K,
    payloads: Array<JobPayloads[K]>,
    options: Omit<EnqueueOptions, 'key'> = {},
  ): Promise<void> {
    return this.insert(type, payloads, options);
  }

  /**
   * Runs `type` about every `intervalMs`, once per period whatever the number of instances: the
   * workers keep one keyed job (`every:<type>`) that they reschedule after each run instead of
   * deleting it. Call it at start-up in every process (a worker that runs it creates the job
   * when none exists yet, so it needs no database here).
   */
  every<K extends JobType>(type: K, intervalMs: number, payload?: JobPayloads[K]): void {
    this.registry.recurEvery(type, intervalMs, payload ?? ({} as JobPayloads[K]));
  }

  /** The keyed job behind a recurring type, due now unless it exists already. */
  scheduleRecurring(type: JobType, payload: unknown): Promise<void> {
    return this.insert(type, [payload], { key: `every:${type}` });
  }

  private async insert(type: JobType, payloads: unknown[], options: EnqueueOptions): Promise<void> {
    if (payloads.length === 0) return;
    const now = new Date();
    const jobs: NewJob[] = payloads.map((payload) => ({
      id: newId(),
      type,
      payload: serialize(type, payload),
      key: options.key ?? null,
      runAt: options.runAt ?? now,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    }));
    await this.jobs.insert(jobs, now);
    if (jobs.some((job) => job.runAt <= now)) {
      this.db.afterCommit(() => this.listeners.forEach((listener) => listener()));
    }
  }
}

function serialize(type: string, payload: unknown): string {
  const json = JSON.stringify(payload);
  if (json.length > MAX_PAYLOAD_CHARS) {
    // A programming error: payloads carry ids, never content.
    throw new Error(
      `A ${type} job payload of ${json.length} characters is over ${MAX_PAYLOAD_CHARS}`,
    );
  }
  return json;
}
