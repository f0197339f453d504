import { Injectable } from '@nestjs/common';
import { conflict } from '../common/errors/app-error';
import type { Image } from './entities/image.entity';
import { ImagesRepository } from './images.repository';
import { StorageDeletionsRepository } from './storage-deletions.repository';
import type { VerifiedUpload } from './uploads.service';

/** Images in use: a verified upload is attached, and a discarded image leaves nothing behind. */
@Injectable()
export class ImagesService {
  constructor(
    private readonly imagesRepository: ImagesRepository,
    private readonly deletionsRepository: StorageDeletionsRepository,
  ) {}

  /** In the caller's transaction: the verified upload becomes an image in use (once only). */
  async attach(upload: VerifiedUpload): Promise<void> {
    if (!(await this.imagesRepository.markAttached(upload.id, upload.width, upload.height))) {
      throw conflict('That upload has already been used.');
    }
  }

  /** In the caller's transaction: the rows go now, the objects through the deletion outbox. */
  async discard(imageIds: string[]): Promise<void> {
    await this.discardRows(await this.imagesRepository.findByIds(imageIds));
  }

  /** In the caller's transaction: every image and intent of an account. */
  async discardAllOf(ownerId: string): Promise<void> {
    await this.discardRows(await this.imagesRepository.findByOwner(ownerId));
  }

  private async discardRows(images: Image[]): Promise<void> {
    await this.deletionsRepository.enqueue(images.map((image) => image.storageKey));
    await this.imagesRepository.deleteByIds(images.map((image) => image.id));
  }
}
