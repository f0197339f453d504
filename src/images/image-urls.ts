import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { FreebConfig } from '../config/configuration';
import { ObjectStorage } from './storage/object-storage';

/** Image URLs are signed per hour, so the same image keeps the same URL and browsers cache it. */
const URL_WINDOW_MS = 3600_000;

/** Where a browser reads an image: a CDN path, or a URL presigned for the current hour window. */
@Injectable()
export class ImageUrls {
  private readonly publicBaseUrl?: string;

  constructor(
    config: ConfigService<FreebConfig, true>,
    private readonly storage: ObjectStorage,
  ) {
    this.publicBaseUrl = config.get('storage', { infer: true }).publicImageBaseUrl;
  }

  urlFor(storageKey: string, now = Date.now()): Promise<string> {
    if (this.publicBaseUrl) return Promise.resolve(`${this.publicBaseUrl}/${storageKey}`);
    const signedAt = new Date(Math.floor(now / URL_WINDOW_MS) * URL_WINDOW_MS);
    return this.storage.presignDownload(
      storageKey,
      signedAt,
      new Date(signedAt.getTime() + 2 * URL_WINDOW_MS),
    );
  }
}
