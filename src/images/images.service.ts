import { Injectable } from '@nestjs/common';
import { conflict } from '../common/errors/app-error';
import { TransactionHost } from '../database/transaction-host';
import { JobQueue } from '../jobs/job-queue';
import type { Image, ImagePurpose, StoredVariant } from './entities/image.entity';
import { ImagesRepository } from './images.repository';
import { ObjectStorage } from './storage/object-storage';
import type { VerifiedUpload } from './uploads.service';

/**
 * A deletion is retried until storage confirms: with the default backoff (5 s doubling to an
 * hour) 50 attempts span about 40 hours of outage before the job is parked as dead.
 */
const STORAGE_DELETE_ATTEMPTS = 50;

/** An attached image waiting for its variants: what the processing job needs. */
export interface ProcessingSource {
  id: string;
  ownerId: string;
  purpose: ImagePurpose;
  bytes: Buffer;
}

/** What processing made of an image. */
export interface ProcessedVariants {
  width: number;
  height: number;
  placeholder: string;
  color: string;
  variants: Array<{ width: number; height: number; data: Buffer }>;
}

/** Images in use: a verified upload is attached, and a discarded image leaves nothing behind. */
@Injectable()
export class ImagesService {
  constructor(
    private readonly imagesRepository: ImagesRepository,
    private readonly queue: JobQueue,
    private readonly storage: ObjectStorage,
    private readonly db: TransactionHost,
  ) {}

  /**
   * In the caller's transaction: the verified upload becomes an image in use (once only), at
   * its verified copy, and is queued for processing; the upload object goes.
   */
  async attach(upload: VerifiedUpload, purpose: ImagePurpose): Promise<void> {
    const attached = await this.imagesRepository.markAttached(upload.id, {
      width: upload.width,
      height: upload.height,
      storageKey: upload.storageKey,
      purpose,
    });
    if (!attached) throw conflict('That upload has already been used.');
    await this.deleteObjects([upload.uploadKey]);
    await this.enqueueProcessing(upload.id);
  }

  /**
   * Verified copies that will not be attached (a refused file, or a transaction that failed):
   * they go; their intents stay, usable again until they expire.
   */
  async abandon(copies: string[]): Promise<void> {
    if (copies.length > 0) await this.db.run(() => this.deleteObjects(copies));
  }

  /** In the caller's transaction: the rows go now, the objects through the deletion outbox. */
  async discard(imageIds: string[]): Promise<void> {
    await this.discardRows(await this.imagesRepository.findByIds(imageIds));
  }

  /** In the caller's transaction: every image and intent of an account. */
  async discardAllOf(ownerId: string): Promise<void> {
    await this.discardRows(await this.imagesRepository.findByOwner(ownerId));
  }

  /** The original of an image still processing, or null when it is gone or already done. */
  async processingSource(imageId: string): Promise<ProcessingSource | null> {
    const image = await this.imagesRepository.findById(imageId);
    if (!image || image.status !== 'attached' || image.processing !== 'processing') return null;
    return {
      id: image.id,
      ownerId: image.ownerId,
      purpose: image.purpose ?? 'post',
      bytes: await this.storage.read(image.storageKey),
    };
  }

  /**
   * A five-minute URL of an attached image's untouched original, signed by the storage itself
   * (never a CDN URL: originals keep their metadata and are their owner's alone).
   */
  async originalUrl(imageId: string): Promise<string | null> {
    const image = await this.imagesRepository.findById(imageId);
    if (!image || image.status !== 'attached') return null;
    const now = new Date();
    return this.storage.presignDownload(image.storageKey, now, new Date(now.getTime() + 300_000));
  }

  /** Ids of images still waiting for processing (those from before the pipeline, after an upgrade). */
  processingIds(limit: number): Promise<string[]> {
    return this.imagesRepository.findProcessingIds(limit);
  }

  /**
   * Stores the variants, then records them in one transaction, `then` running inside it. An
   * image deleted meanwhile leaves no variant behind. Returns whether this call finished it.
   */
  async saveProcessed(
    source: ProcessingSource,
    processed: ProcessedVariants,
    then: () => Promise<void>,
  ): Promise<boolean> {
    const variants: StoredVariant[] = [];
    for (const variant of processed.variants) {
      const key = `users/${source.ownerId}/variants/${source.id}/${variant.width}.webp`;
      await this.storage.put(key, variant.data, 'image/webp');
      variants.push({ width: variant.width, height: variant.height, key });
    }
    return this.db.run(async () => {
      const finished = await this.imagesRepository.finishProcessing(source.id, {
        processing: 'ready',
        width: processed.width,
        height: processed.height,
        placeholder: processed.placeholder,
        color: processed.color,
        variants,
      });
      if (finished) await then();
      else if (!(await this.imagesRepository.findById(source.id))) {
        await this.deleteObjects(variants.map((variant) => variant.key));
      }
      return finished;
    });
  }

  /** Records why an image cannot be processed, `then` running in the same transaction. */
  async saveFailure(imageId: string, reason: string, then: () => Promise<void>): Promise<boolean> {
    return this.db.run(async () => {
      const finished = await this.imagesRepository.finishProcessing(imageId, {
        processing: 'failed',
        failure: reason.slice(0, 255),
      });
      if (finished) await then();
      return finished;
    });
  }

  /** Queues an image's processing, once: a job already queued for it is enough. */
  enqueueProcessing(imageId: string): Promise<void> {
    return this.queue.enqueue('image.process', { imageId }, { key: `image.process:${imageId}` });
  }

  private async discardRows(images: Image[]): Promise<void> {
    await this.deleteObjects(images.flatMap(objectKeysOf));
    await this.imagesRepository.deleteByIds(images.map((image) => image.id));
  }

  /** In the caller's transaction: `storage.delete` jobs, retried until storage confirms. */
  private deleteObjects(keys: string[]): Promise<void> {
    return this.queue.enqueueAll(
      'storage.delete',
      keys.map((key) => ({ key })),
      { maxAttempts: STORAGE_DELETE_ATTEMPTS },
    );
  }
}

/** Every object an image has in storage: its original (or upload) and its variants. */
function objectKeysOf(image: Image): string[] {
  return [image.storageKey, ...(image.variants ?? []).map((variant) => variant.key)];
}
