import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FreebConfig } from '../config/configuration';
import { JobQueue } from '../jobs/job-queue';
import { OnJob } from '../jobs/on-job.decorator';
import { ExploreService } from './explore.service';

/** Explore's ranking, recomputed every EXPLORE_REFRESH_SECONDS by one recurring job. */
@Injectable()
export class ExploreJob implements OnApplicationBootstrap {
  private readonly intervalMs: number;

  constructor(
    private readonly explore: ExploreService,
    private readonly queue: JobQueue,
    config: ConfigService<FreebConfig, true>,
  ) {
    this.intervalMs = config.get('discovery', { infer: true }).exploreRefreshSeconds * 1000;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.every('explore.refresh', this.intervalMs);
  }

  @OnJob('explore.refresh')
  async refresh(): Promise<void> {
    await this.explore.refresh();
  }
}
