import {
  BeforeApplicationShutdown,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { newId } from '../common/ids';
import type { FreebConfig, JobsConfig } from '../config/configuration';
import { TransactionHost } from '../database/transaction-host';
import { retryDelayMs } from './backoff';
import type { Job } from './entities/job.entity';
import type { JobType } from './job-payloads';
import { JobQueue } from './job-queue';
import { JobRegistry } from './job-registry';
import { JobsRepository } from './jobs.repository';

/**
 * How long `stop()` lets running jobs finish before giving their leases back: under the 10 s
 * that `docker stop` (and ECS) wait before SIGKILL, so the give-back happens.
 */
export const DEFAULT_SHUTDOWN_GRACE_MS = 8000;

interface Run {
  job: Job;
  token: string;
  controller: AbortController;
  renewal?: NodeJS.Timeout;
  /** Given up (lease lost, or released at shutdown): its outcome is no longer ours to record. */
  abandoned: boolean;
}

/**
 * The worker loops: claim a due job, run its handler while renewing the lease, record the
 * outcome (done, retry with backoff, dead, or a recurring job's next period), repeat; sleep
 * for the poll interval when nothing is due. Several loops per process on MySQL/MariaDB
 * (JOBS_CONCURRENCY), one on SQLite. Started at bootstrap with WORKERS=in-process and by
 * `npm run worker`; `stop()` is the graceful end.
 */
@Injectable()
export class JobWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('JobWorker');
  private readonly settings: JobsConfig;
  private loops: Array<Promise<void>> = [];
  private stopping = false;
  private claimFailing = false;
  private readonly sleepers = new Set<() => void>();
  private readonly running = new Map<string, Run>();
  /** Recurring types whose keyed job this process has made sure exists. */
  private readonly scheduled = new Set<string>();

  constructor(
    config: ConfigService<FreebConfig, true>,
    private readonly jobs: JobsRepository,
    private readonly registry: JobRegistry,
    private readonly queue: JobQueue,
    private readonly db: TransactionHost,
  ) {
    this.settings = config.get('jobs', { infer: true });
    // A job enqueued here is taken at once rather than at the next poll.
    queue.whenEnqueued(() => this.sleepers.forEach((wake) => wake()));
  }

  onApplicationBootstrap(): void {
    if (this.settings.workers === 'in-process') this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  get started(): boolean {
    return this.loops.length > 0;
  }

  start(): void {
    if (this.started) return;
    this.stopping = false;
    const count = this.db.locksRows ? this.settings.concurrency : 1;
    for (let i = 0; i < count; i++) this.loops.push(this.loop());
  }

  /**
   * Stops claiming, lets running jobs finish for up to `graceMs`, then aborts the ones still
   * running and gives their leases back (due again at once, the attempt not counted), so
   * another worker takes them without waiting for the lease to lapse.
   */
  async stop(graceMs = DEFAULT_SHUTDOWN_GRACE_MS): Promise<void> {
    if (!this.started) return;
    this.stopping = true;
    for (const wake of this.sleepers) wake();
    let timer: NodeJS.Timeout | undefined;
    const finished = await Promise.race([
      Promise.all(this.loops).then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), graceMs);
      }),
    ]);
    clearTimeout(timer);
    const unfinished = [...this.running.values()];
    if (!finished) await Promise.all(unfinished.map((run) => this.release(run)));
    this.loops = [];
    this.logger.log(
      finished
        ? 'Job workers stopped'
        : `Job workers stopped, ${unfinished.length} job(s) given back`,
    );
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      await this.scheduleRecurring();
      const job = await this.claim();
      if (!job) await this.sleep(this.settings.pollIntervalMs);
      else if (this.stopping) await this.release(this.runOf(job));
      else await this.execute(job);
    }
  }

  private async scheduleRecurring(): Promise<void> {
    for (const [type, { payload }] of this.registry.recurring()) {
      if (this.scheduled.has(type) || !this.registry.handlerFor(type)) continue;
      this.scheduled.add(type);
      try {
        await this.queue.scheduleRecurring(type, payload);
      } catch {
        // The database is unreachable (the claim says so): try again on the next pass.
        this.scheduled.delete(type);
      }
    }
  }

  private async claim(): Promise<Job | null> {
    try {
      const job = await this.jobs.claimNext(
        this.registry.types(),
        new Date(),
        this.settings.leaseMs,
        newId(),
      );
      if (this.claimFailing) this.logger.log('Claiming jobs works again');
      this.claimFailing = false;
      return job;
    } catch (error) {
      if (!this.claimFailing) this.logger.warn(`Claiming jobs failed: ${String(error)}`);
      this.claimFailing = true;
      return null;
    }
  }

  private runOf(job: Job): Run {
    return { job, token: job.lockedBy ?? '', controller: new AbortController(), abandoned: false };
  }

  private async execute(job: Job): Promise<void> {
    const run = this.runOf(job);
    this.running.set(run.token, run);
    run.renewal = setInterval(() => void this.renew(run), Math.max(50, this.settings.leaseMs / 3));
    let failure: { error: unknown } | undefined;
    try {
      const handler = this.registry.handlerFor(job.type as JobType);
      if (!handler) throw new Error(`No handler for job type ${job.type}`);
      await handler(JSON.parse(job.payload) as never, {
        jobId: job.id,
        attempt: job.attempts,
        signal: run.controller.signal,
      });
    } catch (error) {
      failure = { error };
    } finally {
      this.finish(run);
    }
    if (run.abandoned) return;
    try {
      await this.record(run, failure);
    } catch (error) {
      // The lease will lapse and the job run again: handlers are idempotent.
      this.logger.warn(`Recording the outcome of job ${job.id} failed: ${String(error)}`);
    }
  }

  private async record(run: Run, failure?: { error: unknown }): Promise<void> {
    const { job, token } = run;
    const now = new Date();
    const interval = this.registry.intervalOf(job.type);
    const next = (ms: number) => new Date(now.getTime() + ms);
    if (!failure) {
      if (interval === undefined) return this.jobs.complete(job.id, token);
      return this.jobs.reschedule(job.id, token, {
        runAt: next(interval),
        lastError: null,
        resetAttempts: true,
      });
    }
    const message = String(failure.error);
    if (job.attempts < job.maxAttempts) {
      const delay = retryDelayMs(job.attempts, this.settings.retryBaseMs);
      this.logger.warn(
        `Job ${job.type} ${job.id} failed (attempt ${job.attempts} of ${job.maxAttempts}), retrying in ${delay} ms: ${message}`,
      );
      return this.jobs.reschedule(job.id, token, {
        runAt: next(delay),
        lastError: message,
        resetAttempts: false,
      });
    }
    this.logger.error(`Job ${job.type} ${job.id} failed its last attempt: ${message}`);
    // A recurring job never dies: it waits for its next period instead.
    if (interval !== undefined) {
      return this.jobs.reschedule(job.id, token, {
        runAt: next(interval),
        lastError: message,
        resetAttempts: true,
      });
    }
    return this.jobs.bury(job.id, token, now, message);
  }

  private async renew(run: Run): Promise<void> {
    try {
      const until = new Date(Date.now() + this.settings.leaseMs);
      if (await this.jobs.renewLease(run.job.id, run.token, until)) return;
      this.logger.warn(`Job ${run.job.id} lost its lease; it may be running elsewhere`);
      this.abandon(run);
    } catch (error) {
      // The database is unreachable: try again on the next tick (the lease may lapse meanwhile).
      this.logger.warn(`Renewing the lease of job ${run.job.id} failed: ${String(error)}`);
    }
  }

  private finish(run: Run): void {
    clearInterval(run.renewal);
    this.running.delete(run.token);
  }

  /** Stops caring for a run whose handler may still be going: its outcome will not be recorded. */
  private abandon(run: Run): void {
    run.abandoned = true;
    this.finish(run);
    run.controller.abort();
  }

  private async release(run: Run): Promise<void> {
    this.abandon(run);
    try {
      await this.jobs.release(run.job.id, run.token, new Date());
    } catch (error) {
      this.logger.warn(
        `Releasing job ${run.job.id} failed, it is due when its lease lapses: ${String(error)}`,
      );
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
