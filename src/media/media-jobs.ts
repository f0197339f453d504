import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../common/events/domain-events';
import { ImagesService } from '../images/images.service';
import type { JobContext, JobPayloads } from '../jobs/job-payloads';
import { JobQueue } from '../jobs/job-queue';
import { OnJob } from '../jobs/on-job.decorator';
import { ImageProcessor, type ProcessedImage } from './image-processor';
import { UnprocessableImageError } from './unprocessable-image.error';

/** Runs before an image that keeps failing for no reason of its own is given up as failed. */
export const PROCESS_ATTEMPTS = 5;
const BACKFILL_INTERVAL_MS = 10 * 60_000;
const BACKFILL_BATCH = 500;

/**
 * The pipeline as jobs: `image.process` turns an attached image into its variants (a file
 * that cannot be processed fails with its reason at once; anything else is retried), and
 * `media.backfill` queues the images still waiting, so photos and avatars from before the
 * pipeline get their variants after an upgrade. Each outcome is announced as `image.processed`
 * in the transaction that records it.
 */
@Injectable()
export class MediaJobs implements OnModuleInit {
  constructor(
    private readonly processor: ImageProcessor,
    private readonly images: ImagesService,
    private readonly events: DomainEvents,
    private readonly queue: JobQueue,
  ) {}

  onModuleInit(): void {
    this.queue.every('media.backfill', BACKFILL_INTERVAL_MS);
  }

  /** Idempotent: an image already done (or gone) is left alone. */
  @OnJob('image.process')
  async process({ imageId }: JobPayloads['image.process'], { attempt }: JobContext) {
    const source = await this.images.processingSource(imageId);
    if (!source) return;
    let processed: ProcessedImage;
    try {
      processed =
        source.purpose === 'avatar'
          ? await this.processor.avatar(source.bytes)
          : await this.processor.photo(source.bytes);
    } catch (error) {
      if (!(error instanceof UnprocessableImageError) && attempt < PROCESS_ATTEMPTS) throw error;
      const failure =
        error instanceof UnprocessableImageError
          ? error.reason
          : 'The photo could not be processed; try uploading it again.';
      await this.images.saveFailure(imageId, failure, () =>
        this.events.emit('image.processed', { imageId, ownerId: source.ownerId, failure }),
      );
      return;
    }
    await this.images.saveProcessed(source, processed, () =>
      this.events.emit('image.processed', { imageId, ownerId: source.ownerId }),
    );
  }

  @OnJob('media.backfill')
  async backfill(): Promise<void> {
    for (const imageId of await this.images.processingIds(BACKFILL_BATCH)) {
      await this.images.enqueueProcessing(imageId);
    }
  }
}
