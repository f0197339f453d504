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
import { randomBytes } from 'node:crypto';
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
  /** The verified copy, at a key no upload URL was issued for. */
  storageKey: string;
  /** Where the upload URL wrote; removed once the copy is attached. */
  uploadKey: string;
}

/** Upload URLs write here, and only here: nothing under this prefix is ever served or kept. */
export const UPLOAD_PREFIX = 'uploads/';

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
    const storageKey = `${UPLOAD_PREFIX}${ownerId}/${id}.${ALLOWED_CONTENT_TYPES[contentType]}`;
    await this.imagesRepository.insert({
      id,
      ownerId,
      storageKey,
      contentType,
      sizeBytes: dto.size,
      width: null,
      height: null,
      status: 'pending',
      purpose: null,
      processing: null,
      variants: null,
      placeholder: null,
      color: null,
      failure: null,
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
   * Copies what storage holds for the caller's unused, unexpired intent to a key no URL was
   * issued for, then checks the copy: it has the announced size, its magic bytes match the
   * announced type, and its header gives sane dimensions. What is checked is what is kept, and
   * writing to the upload URL again changes nothing. A file that fails is deleted (with its
   * intent and the copy) and answered 422.
   */
  async verifyUpload(ownerId: string, uploadId: string, field: string): Promise<VerifiedUpload> {
    const image = await this.imagesRepository.findById(uploadId);
    if (!image) throw notFound('Upload');
    if (image.ownerId !== ownerId) throw forbidden('That upload belongs to someone else.');
    if (image.status !== 'pending') throw alreadyUsed(field);
    if (!image.expiresAt || image.expiresAt.getTime() < Date.now()) {
      throw unprocessable(field, 'That upload has expired; ask for a new one.');
    }
    if (!(await this.storage.head(image.storageKey))) {
      // A racing request may have used the upload meanwhile, and its object is gone with it.
      await this.refuseIfUsedMeanwhile(image.id, field);
      throw unprocessable(field, 'Nothing has been uploaded for that upload yet.');
    }
    const extension = image.storageKey.slice(image.storageKey.lastIndexOf('.'));
    // A fresh key per verification: a copy made by a request that then loses a race is its own.
    const storageKey = `users/${ownerId}/originals/${image.id}-${randomBytes(4).toString('hex')}${extension}`;
    try {
      await this.storage.copy(image.storageKey, storageKey);
      return {
        ...(await this.check(image, storageKey, field)),
        storageKey,
        uploadKey: image.storageKey,
      };
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.Unprocessable) {
        await this.db.run(async () => {
          await this.images.discard([image.id]);
          await this.images.abandon([storageKey]);
        });
      } else {
        // Storage failed or went silent: a copy whose answer was lost may still have been made,
        // so the deletion outbox removes that key once storage answers again.
        await this.images.abandon([storageKey]).catch(() => undefined);
        // Or a racing request used the upload and its object went with it: that is a 409.
        await this.refuseIfUsedMeanwhile(image.id, field);
      }
      throw error;
    }
  }

  /** 409 when the upload is no longer pending: another request has used it since it was read. */
  private async refuseIfUsedMeanwhile(uploadId: string, field: string): Promise<void> {
    const now = await this.imagesRepository.findById(uploadId);
    if (now && now.status !== 'pending') throw alreadyUsed(field);
  }

  /** The checks of a verified copy; a 422 names what failed. */
  private async check(
    image: Image,
    key: string,
    field: string,
  ): Promise<{ id: string; width: number; height: number }> {
    const stored = await this.storage.head(key);
    if (!stored) throw unprocessable(field, 'Nothing has been uploaded for that upload yet.');
    if (stored.size !== image.sizeBytes) {
      throw unprocessable(
        field,
        `The uploaded file is ${stored.size} bytes, not the ${image.sizeBytes} announced.`,
      );
    }
    let inspection = await inspectImageStart(
      await this.storage.readStart(key, Math.min(HEAD_BYTES, stored.size)),
    );
    if (!sameType(inspection.detectedType, image.contentType)) {
      throw unprocessable(field, `The uploaded file is not a ${image.contentType} image.`);
    }
    if (!inspection.width && stored.size > HEAD_BYTES) {
      inspection = await inspectImageStart(
        await this.storage.readStart(key, Math.min(HEAD_BYTES_MAX, stored.size)),
      );
    }
    const { width, height } = inspection;
    if (!width || !height) throw unprocessable(field, 'The image dimensions could not be read.');
    if (width * height > this.storageConfig.maxImagePixels) {
      throw unprocessable(
        field,
        `The image has more than ${this.storageConfig.maxImagePixels} pixels.`,
      );
    }
    return { id: image.id, width, height };
  }

  /** Whether the embedded storage may take a PUT to `key`: only for an intent still pending. */
  async acceptsUpload(key: string, now = new Date()): Promise<boolean> {
    const intent = await this.imagesRepository.findPendingByStorageKey(key);
    return !!intent?.expiresAt && intent.expiresAt > now;
  }

  /**
   * Objects under the upload prefix older than an upload URL lives (plus a minute): leftovers
   * of used, refused or abandoned URLs, including bytes PUT again to a used URL. The intents of
   * those never used are swept with their rows (see StorageWorker.sweep).
   */
  async sweepUploadPrefix(now = new Date(), limit = 500): Promise<number> {
    const before = new Date(now.getTime() - this.storageConfig.uploadUrlTtlSeconds * 1000 - 60_000);
    const keys = await this.storage.listWrittenBefore(UPLOAD_PREFIX, before, limit);
    for (const key of keys) await this.storage.delete(key);
    return keys.length;
  }
}

/** HEIC and HEIF name the same container; file-type tells them apart by brand. */
const HEIF_TYPES = new Set(['image/heic', 'image/heif']);

function sameType(detected: string | undefined, declared: string): boolean {
  if (detected === declared) return true;
  return !!detected && HEIF_TYPES.has(detected) && HEIF_TYPES.has(declared);
}

function unprocessable(field: string, reason: string): AppError {
  return new AppError(ErrorCode.Unprocessable, reason, [{ field, message: reason }]);
}

const alreadyUsed = (field: string) =>
  conflict('That upload has already been used.', [
    { field, message: `${field} has already been used` },
  ]);
