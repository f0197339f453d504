import { Injectable, OnModuleInit } from '@nestjs/common';
import { MethodDiscovery } from '../common/discovery/method-discovery';
import type { JobHandler, JobPayloads, JobType } from './job-payloads';
import { JOB_HANDLER } from './on-job.decorator';

export interface Recurrence {
  intervalMs: number;
  payload: unknown;
}

interface Registration {
  handler: JobHandler<never>;
  owner: string;
}

/**
 * Which handler runs each job type, built at bootstrap from `@OnJob` methods, and which types
 * recur (and how often). A worker only claims the types it has handlers for, so during a rolling
 * deploy an older worker leaves a newer job type to the newer workers.
 */
@Injectable()
export class JobRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, Registration>();
  private readonly intervals = new Map<string, Recurrence>();

  constructor(private readonly discovery: MethodDiscovery) {}

  onModuleInit(): void {
    for (const found of this.discovery.find<JobType>(JOB_HANDLER)) {
      this.register(found.metadata, found.call as JobHandler<typeof found.metadata>, found.name);
    }
  }

  /** One handler per type: a second registration is a programming error, refused at start. */
  register<K extends JobType>(type: K, handler: JobHandler<K>, owner = 'anonymous'): void {
    const existing = this.handlers.get(type);
    if (existing) {
      throw new Error(`Job type ${type} has two handlers: ${existing.owner} and ${owner}`);
    }
    this.handlers.set(type, { handler: handler as JobHandler<never>, owner });
  }

  handlerFor<K extends JobType>(type: K): JobHandler<K> | undefined {
    return this.handlers.get(type)?.handler as JobHandler<K> | undefined;
  }

  types(): string[] {
    return [...this.handlers.keys()];
  }

  recurEvery<K extends JobType>(type: K, intervalMs: number, payload: JobPayloads[K]): void {
    this.intervals.set(type, { intervalMs, payload });
  }

  /** The period of a recurring type, undefined for one-off jobs. */
  intervalOf(type: string): number | undefined {
    return this.intervals.get(type)?.intervalMs;
  }

  recurring(): Array<[JobType, Recurrence]> {
    return [...this.intervals.entries()] as Array<[JobType, Recurrence]>;
  }
}
