import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RecentCache } from '../common/caching/recent-cache';
import type { FreebConfig } from '../config/configuration';
import { ObjectStorage } from './storage/object-storage';

/** Image URLs are signed per hour, so the same image keeps the same URL and browsers cache it. */
const URL_WINDOW_MS = 3600_000;

/** URLs kept for the current window: an hour's worth of a busy instance's images. */
export const URL_CACHE_SIZE = 20_000;

/**
 * Where a browser reads an image: a CDN path, or a URL presigned for the current hour window
 * (valid until the end of the next one). A URL is signed once per (key, window) and then kept
 * in a bounded cache of the window's URLs, so a page of posts costs no signing once its images
 * have been seen.
 */
@Injectable()
export class ImageUrls {
  private readonly publicBaseUrl?: string;
  private readonly urls = new RecentCache<string, string>(URL_CACHE_SIZE);
  private window = 0;

  constructor(
    config: ConfigService<FreebConfig, true>,
    private readonly storage: ObjectStorage,
  ) {
    this.publicBaseUrl = config.get('storage', { infer: true }).publicImageBaseUrl;
  }

  async urlFor(storageKey: string, now = Date.now()): Promise<string> {
    return (await this.urlsFor([storageKey], now)).get(storageKey)!;
  }

  /** The URL of each key, by key: one promise for a whole page, whatever its number of images. */
  async urlsFor(storageKeys: Iterable<string>, now = Date.now()): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (this.publicBaseUrl) {
      for (const key of storageKeys) found.set(key, `${this.publicBaseUrl}/${key}`);
      return found;
    }
    const window = Math.floor(now / URL_WINDOW_MS) * URL_WINDOW_MS;
    if (window !== this.window) {
      this.window = window;
      this.urls.clear();
    }
    let missing: string[] | undefined;
    for (const key of storageKeys) {
      const url = this.urls.get(key);
      if (url === undefined) (missing ??= []).push(key);
      else found.set(key, url);
    }
    if (missing) {
      const signedAt = new Date(window);
      const expiresAt = new Date(window + 2 * URL_WINDOW_MS);
      const signed = await Promise.all(
        missing.map((key) => this.storage.presignDownload(key, signedAt, expiresAt)),
      );
      // Another window may have begun meanwhile: keep only what belongs to the current one.
      missing.forEach((key, i) => {
        found.set(key, signed[i]);
        if (this.window === window) this.urls.set(key, signed[i]);
      });
    }
    return found;
  }
}
