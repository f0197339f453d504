import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FreebConfig } from '../config/configuration';
import { JobQueue } from '../jobs/job-queue';
import { OnJob } from '../jobs/on-job.decorator';
import { ExploreService } from './explore.service';

/** Explore's ranking, recomputed every EXPLORE_REFRESH_SECONDS by one recurring job. */
@Injectable()
export class ExploreJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ExploreJob.name);
  private readonly intervalMs: number;
  private retry?: NodeJS.Timeout;

  constructor(
    private readonly explore: ExploreService,
    private readonly queue: JobQueue,
    config: ConfigService<FreebConfig, true>,
  ) {
    this.intervalMs = config.get('discovery', { infer: true }).exploreRefreshSeconds * 1000;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.retry);
  }

  @OnJob('explore.refresh')
  async refresh(): Promise<void> {
    await this.explore.refresh();
  }

  /**
   * Puts the recurring job on the queue. A process started before its migrations ran
   * (DB_MIGRATE_ON_START=false), or while the database is down, must still start: it tries
   * again a period later.
   */
  private async schedule(): Promise<void> {
    try {
      await this.queue.every('explore.refresh', this.intervalMs);
    } catch (error) {
      this.logger.warn(`Explore ranking not scheduled yet: ${(error as Error).message}`);
      this.retry = setTimeout(() => void this.schedule(), this.intervalMs);
      this.retry.unref();
    }
  }
}
