import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FreebConfig } from '../config/configuration';
import { TransactionHost } from '../database/transaction-host';
import type { JobPayloads } from '../jobs/job-payloads';
import { JobQueue } from '../jobs/job-queue';
import { OnJob } from '../jobs/on-job.decorator';
import { ImagesRepository } from './images.repository';
import { ImagesService } from './images.service';
import { ObjectStorage } from './storage/object-storage';
import { UploadsService } from './uploads.service';

const SWEEP_BATCH = 100;
const SWEEP_BATCHES_PER_RUN = 10;
const MAX_SWEEP_INTERVAL_MS = 60_000;

/**
 * The images module's background work, as jobs: deleting objects whose rows are gone (retried
 * with backoff until storage confirms), and the recurring sweep of upload intents never used.
 */
@Injectable()
export class StorageJobs implements OnModuleInit {
  private readonly uploadTtlMs: number;

  constructor(
    config: ConfigService<FreebConfig, true>,
    private readonly storage: ObjectStorage,
    private readonly imagesRepository: ImagesRepository,
    private readonly images: ImagesService,
    private readonly queue: JobQueue,
    private readonly db: TransactionHost,
    private readonly uploads: UploadsService,
  ) {
    this.uploadTtlMs = config.get('storage', { infer: true }).uploadUrlTtlSeconds * 1000;
  }

  onModuleInit(): void {
    this.queue.every('uploads.sweep', Math.min(this.uploadTtlMs, MAX_SWEEP_INTERVAL_MS));
  }

  /** Idempotent: deleting an object that is already gone succeeds. */
  @OnJob('storage.delete')
  async deleteObject({ key }: JobPayloads['storage.delete']): Promise<void> {
    await this.storage.delete(key);
  }

  /**
   * Intents unused past their URL's expiry, plus as long again for an upload that started just
   * in time: the rows go, and whatever was uploaded for them is queued for deletion. Then the
   * upload prefix: whatever is left there past a URL's life (bytes PUT again to a used URL).
   */
  @OnJob('uploads.sweep')
  async sweepUploads(): Promise<void> {
    await this.sweepLapsedIntents();
    await this.uploads.sweepUploadPrefix();
  }

  private async sweepLapsedIntents(): Promise<void> {
    const before = new Date(Date.now() - Math.min(this.uploadTtlMs, 10 * 60_000));
    for (let batch = 0; batch < SWEEP_BATCHES_PER_RUN; batch++) {
      const lapsed = await this.imagesRepository.findLapsedIntents(before, SWEEP_BATCH);
      if (lapsed.length === 0) return;
      await this.db.run(() => this.images.discard(lapsed.map((image) => image.id)));
      if (lapsed.length < SWEEP_BATCH) return;
    }
  }
}
