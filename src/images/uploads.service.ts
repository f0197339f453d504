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
import { UploadDto } from './dto/upload.dto';
import type { Image } from './entities/image.entity';
import { HEAD_BYTES, HEAD_BYTES_MAX, inspectImageStart } from './image-inspector';
import { ImagesRepository } from './images.repository';
import { ImagesService } from './images.service';
import { ObjectStorage } from './storage/object-storage';

/** An upload that passed every check, ready to be attached in the caller's transaction. */
export interface VerifiedUpload {
  id: string;
  width: number;
  height: number;
}

/** Upload intents: the URL a browser uploads to, and the checks of what it uploaded. */
@Injectable()
export class UploadsService {
  private readonly storageConfig: StorageConfig;

  constructor(
    config: ConfigService<FreebConfig, true>,
    private readonly storage: ObjectStorage,
    private readonly imagesRepository: ImagesRepository,
    private readonly images: ImagesService,
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
    await this.imagesRepository.insert({
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
    const image = await this.imagesRepository.findById(uploadId);
    if (!image) throw notFound('Upload');
    if (image.ownerId !== ownerId) throw forbidden('That upload belongs to someone else.');
    if (image.status !== 'pending')
      throw conflict('That upload has already been used.', [
        { field, message: `${field} has already been used` },
      ]);
    if (!image.expiresAt || image.expiresAt.getTime() < Date.now()) {
      throw unprocessable(field, 'That upload has expired; ask for a new one.');
    }
    const stored = await this.storage.head(image.storageKey);
    if (!stored) throw unprocessable(field, 'Nothing has been uploaded for that upload yet.');
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

  /** The file and its intent go (the object through the deletion outbox); the caller gets a 422. */
  private async refuse(image: Image, field: string, reason: string): Promise<never> {
    await this.db.run(() => this.images.discard([image.id]));
    throw unprocessable(field, reason);
  }
}

function unprocessable(field: string, reason: string): AppError {
  return new AppError(ErrorCode.Unprocessable, reason, [{ field, message: reason }]);
}
