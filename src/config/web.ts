import { existsSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { sendProblem } from '../common/errors/send-problem';
import { basename, join, resolve } from 'node:path';
import type { StorageConfig } from './configuration';

/** The built web client (vite build → dist/web), whether running compiled or from source. */
export function webDir(): string {
  const root = resolve(__dirname, '..', '..'); // dist/ when compiled, the project when run by ts-jest
  return basename(root) === 'dist' ? join(root, 'web') : join(root, 'dist', 'web');
}

export const hasWebBuild = (dir = webDir()) => existsSync(join(dir, 'index.html'));

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Vite names everything under assets/ by a hash of its content, so those files are cached for
 * a year and never revalidated; index.html (and anything else) is revalidated on every load
 * (ETag), so a new release is picked up at once.
 */
export function setWebCacheHeaders(res: ServerResponse, path: string): void {
  res.setHeader('Cache-Control', /[\\/]assets[\\/][^\\/]+$/.test(path) ? IMMUTABLE : 'no-cache');
}

/** In production the web client's source maps are not served (a 404, as for any missing file). */
export function refuseSourceMaps(req: Request, res: Response, next: NextFunction): void {
  if (req.path.endsWith('.map')) return sendProblem(res, 404, 'not-found', 'No such file.');
  next();
}

/**
 * Origins the browser must reach besides our own: the storage it PUTs uploads to and loads
 * images from (S3, MinIO, a CDN). They go into the Content-Security-Policy.
 */
export function storageOrigins(storage: StorageConfig): string[] {
  const origins = new Set<string>();
  const add = (url: string | undefined) => url && origins.add(new URL(url).origin);
  add(storage.publicUrl);
  add(storage.publicImageBaseUrl);
  if (storage.driver === 's3') {
    const endpoint = storage.s3.publicEndpoint ?? storage.s3.endpoint;
    if (endpoint) {
      add(endpoint);
    } else {
      origins.add(`https://${storage.s3.bucket}.s3.${storage.s3.region}.amazonaws.com`);
      origins.add(`https://s3.${storage.s3.region}.amazonaws.com`);
    }
  }
  return [...origins];
}
