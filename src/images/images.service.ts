import { Injectable } from '@nestjs/common';
import { conflict } from '../common/errors/app-error';
import { JobQueue } from '../jobs/job-queue';
import type { Image } from './entities/image.entity';
import { ImagesRepository } from './images.repository';
import type { VerifiedUpload } from './uploads.service';

/**
 * A deletion is retried until storage confirms: with the default backoff (5 s doubling to an
 * hour) 50 attempts span about 40 hours of outage before the job is parked as dead.
 */
const STORAGE_DELETE_ATTEMPTS = 50;

/** Images in use: a verified upload is attached, and a discarded image leaves nothing behind. */
@Injectable()
export class ImagesService {
  constructor(
    private readonly imagesRepository: ImagesRepository,
    private readonly queue: JobQueue,
  ) {}

  /** In the caller's transaction: the verified upload becomes an image in use (once only). */
  async attach(upload: VerifiedUpload): Promise<void> {
    if (!(await this.imagesRepository.markAttached(upload.id, upload.width, upload.height))) {
      throw conflict('That upload has already been used.');
    }
  }

  /** In the caller's transaction: the rows go now, the objects through `storage.delete` jobs. */
  async discard(imageIds: string[]): Promise<void> {
    await this.discardRows(await this.imagesRepository.findByIds(imageIds));
  }

  /** In the caller's transaction: every image and intent of an account. */
  async discardAllOf(ownerId: string): Promise<void> {
    await this.discardRows(await this.imagesRepository.findByOwner(ownerId));
  }

  private async discardRows(images: Image[]): Promise<void> {
    await this.queue.enqueueAll(
      'storage.delete',
      images.map((image) => ({ key: image.storageKey })),
      { maxAttempts: STORAGE_DELETE_ATTEMPTS },
    );
    await this.imagesRepository.deleteByIds(images.map((image) => image.id));
  }
}
