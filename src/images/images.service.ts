import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  AppError,
  ErrorCode,
  conflict,
  forbidden,
  invalid,
  notFound,
} from '../common/errors/app-error';
import { newId } from '../common/ids';
import type { FreebConfig, StorageConfig } from '../config/configuration';
import { TransactionHost } from '../database/transaction-host';
import { ALLOWED_CONTENT_TYPES, type ImageContentType } from './content-types';
import { CreateUploadDto } from './dto/create-upload.dto';
import { ImageDto, UploadDto } from './dto/upload.dto';
import type { Image } from './entities/image.entity';
import { HEAD_BYTES, HEAD_BYTES_MAX, inspectImageStart } from './image-inspector';
import { ImagesRepository } from './images.repository';
import { StorageDeletionsRepository } from './storage-deletions.repository';
import { ObjectStorage } from './storage/object-storage';

/** An upload that passed every check, ready to be attached in the caller's transaction. */
export interface VerifiedUpload {
  id: string;
  width: number;
  height: number;
}

/** Image URLs are signed per hour, so the same image keeps the same URL and browsers cache it. */
const URL_WINDOW_MS = 3600_000;

@Injectable()
export class ImagesService {
  private readonly storageConfig: StorageConfig;

  constructor(
    config: ConfigService<FreebConfig, true>,
    private readonly storage: ObjectStorage,
    private readonly images: ImagesRepository,
    private readonly deletions: StorageDeletionsRepository,
    private readonly db: TransactionHost,
  ) {
    this.storageConfig = config.get('storage', { infer: true });
  }

  /** Records an upload intent and hands out a URL bound to its key, type and exact size. */
  async createUpload(ownerId: string, dto: CreateUploadDto): Promise<UploadDto> {
    const { maxUploadBytes, uploadUrlTtlSeconds } = this.storageConfig;
    if (dto.size > maxUploadBytes) {
      throw invalid([{ field: 'size', message: `size must be at most ${maxUploadBytes} bytes` }]);
    }
    const contentType = dto.contentType as ImageContentType;
    const id = newId();
    const now = new Date();
    const expiresAt = new Date(now.getTime() + uploadUrlTtlSeconds * 1000);
    const storageKey = `users/${ownerId}/${id}.${ALLOWED_CONTENT_TYPES[contentType]}`;
    await this.images.insert({
      id,
      ownerId,
      storageKey,
      contentType,
      sizeBytes: dto.size,
      width: null,
      height: null,
      status: 'pending',
      expiresAt,
      createdAt: now,
    });
    const { url, headers } = await this.storage.presignUpload({
      key: storageKey,
      contentType,
      size: dto.size,
      expiresAt,
    });
    return { uploadId: id, url, method: 'PUT', headers, expiresAt: expiresAt.toISOString() };
  }

  /**
   * Checks what storage holds for the caller's unused, unexpired intent: it exists, has the
   * announced size, its magic bytes match the announced type, and its header gives sane
   * dimensions. A file that fails is deleted (with its intent) and answered 422.
   */
  async verifyUpload(ownerId: string, uploadId: string, field: string): Promise<VerifiedUpload> {
    const image = await this.images.findById(uploadId);
    if (!image) throw notFound('Upload');
    if (image.ownerId !== ownerId) throw forbidden('That upload belongs to someone else.');
    if (image.status !== 'pending')
      throw conflict('That upload has already been used.', [
        { field, message: `${field} has already been used` },
      ]);
    if (!image.expiresAt || image.expiresAt.getTime() < Date.now()) {
      throw this.unprocessable(field, 'That upload has expired; ask for a new one.');
    }
    const stored = await this.storage.head(image.storageKey);
    if (!stored) throw this.unprocessable(field, 'Nothing has been uploaded for that upload yet.');
    if (stored.size !== image.sizeBytes) {
      return this.refuse(
        image,
        field,
        `The uploaded file is ${stored.size} bytes, not the ${image.sizeBytes} announced.`,
      );
    }
    let inspection = await inspectImageStart(
      await this.storage.readStart(image.storageKey, Math.min(HEAD_BYTES, stored.size)),
    );
    if (inspection.detectedType !== image.contentType) {
      return this.refuse(image, field, `The uploaded file is not a ${image.contentType} image.`);
    }
    if (!inspection.width && stored.size > HEAD_BYTES) {
      inspection = await inspectImageStart(
        await this.storage.readStart(image.storageKey, Math.min(HEAD_BYTES_MAX, stored.size)),
      );
    }
    const { width, height } = inspection;
    if (!width || !height)
      return this.refuse(image, field, 'The image dimensions could not be read.');
    if (width * height > this.storageConfig.maxImagePixels) {
      return this.refuse(
        image,
        field,
        `The image has more than ${this.storageConfig.maxImagePixels} pixels.`,
      );
    }
    await this.storage.markKept(image.storageKey);
    return { id: image.id, width, height };
  }

  /** In the caller's transaction: the verified upload becomes an image in use (once only). */
  async attach(upload: VerifiedUpload): Promise<void> {
    if (!(await this.images.markAttached(upload.id, upload.width, upload.height))) {
      throw conflict('That upload has already been used.');
    }
  }

  /** In the caller's transaction: the rows go now, the objects through the deletion outbox. */
  async discard(imageIds: string[]): Promise<void> {
    await this.discardImages(await this.images.findByIds(imageIds));
  }

  /** In the caller's transaction: every image and intent of an account. */
  async discardAllOf(ownerId: string): Promise<void> {
    await this.discardImages(await this.images.findByOwner(ownerId));
  }

  /** Client views of attached images, by id, in one query. */
  async describe(imageIds: string[]): Promise<Map<string, ImageDto>> {
    const rows = await this.images.findByIds([...new Set(imageIds)]);
    const views = await Promise.all(
      rows
        .filter((image) => image.status === 'attached')
        .map(async (image): Promise<[string, ImageDto]> => [
          image.id,
          {
            url: await this.urlFor(image),
            width: image.width ?? 0,
            height: image.height ?? 0,
            contentType: image.contentType,
          },
        ]),
    );
    return new Map(views);
  }

  private async urlFor(image: Image): Promise<string> {
    if (this.storageConfig.publicImageBaseUrl)
      return `${this.storageConfig.publicImageBaseUrl}/${image.storageKey}`;
    const signedAt = new Date(Math.floor(Date.now() / URL_WINDOW_MS) * URL_WINDOW_MS);
    return this.storage.presignDownload(
      image.storageKey,
      signedAt,
      new Date(signedAt.getTime() + 2 * URL_WINDOW_MS),
    );
  }

  private async discardImages(images: Image[]): Promise<void> {
    await this.deletions.enqueue(images.map((image) => image.storageKey));
    await this.images.deleteByIds(images.map((image) => image.id));
  }

  private async refuse(image: Image, field: string, reason: string): Promise<never> {
    await this.db.run(() => this.discardImages([image]));
    throw this.unprocessable(field, reason);
  }

  private unprocessable(field: string, reason: string): AppError {
    return new AppError(ErrorCode.Unprocessable, reason, [{ field, message: reason }]);
  }
}
