import { createWriteStream } from 'node:fs';
import {
  copyFile,
  mkdir,
  open,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { contentTypeOfKey } from '../content-types';
import { LocalUrlSigner } from './local-url-signer';
import { ObjectStorage, PresignedUpload, StoredObject, UploadRequest } from './object-storage';

const KEY_PATTERN = /^(?:[a-z0-9_-]+\/)*[a-z0-9_-]+\.[a-z0-9]+$/;

export const LOCAL_STORAGE_ROUTE = 'storage';

export type LocalUploadRefusal = 'bad-signature' | 'expired' | 'length-required';

export interface SignedQuery {
  expires: number;
  signature: string;
}

/**
 * Objects as files under DATA_DIR/objects, uploaded and downloaded through the app's own
 * routes (LocalStorageController) behind signed, expiring URLs: the embedded stand-in for S3.
 */
export class LocalStorage extends ObjectStorage {
  readonly name = 'local';

  constructor(
    private readonly root: string,
    private readonly signer: LocalUrlSigner,
    /** Origin (and path prefix) for URLs; empty for root-relative URLs on the API's own origin. */
    private readonly publicUrl = '',
  ) {
    super();
  }

  static isValidKey(key: string): boolean {
    return KEY_PATTERN.test(key) && !key.includes('..');
  }

  async presignUpload(upload: UploadRequest): Promise<PresignedUpload> {
    const expires = Math.floor(upload.expiresAt.getTime() / 1000);
    const signature = this.signer.sign([
      'PUT',
      upload.key,
      upload.contentType,
      upload.size,
      expires,
    ]);
    return {
      url: this.url(upload.key, expires, signature),
      headers: { 'Content-Type': upload.contentType },
    };
  }

  presignDownload(key: string, _signedAt: Date, expiresAt: Date): Promise<string> {
    const expires = Math.floor(expiresAt.getTime() / 1000);
    return Promise.resolve(this.url(key, expires, this.signer.sign(['GET', key, expires])));
  }

  async head(key: string): Promise<StoredObject | null> {
    try {
      const info = await stat(this.pathOf(key));
      return { size: info.size, contentType: contentTypeOfKey(key) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async readStart(key: string, length: number): Promise<Buffer> {
    const file = await open(this.pathOf(key), 'r');
    try {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await file.read(buffer, 0, length, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  }

  read(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async put(key: string, body: Buffer): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.part-${randomBytes(6).toString('hex')}`;
    await writeFile(partial, body, { mode: 0o600 });
    await rename(partial, path);
  }

  async copy(from: string, to: string): Promise<void> {
    const path = this.pathOf(to);
    await mkdir(dirname(path), { recursive: true });
    const partial = `${path}.part-${randomBytes(6).toString('hex')}`;
    await copyFile(this.pathOf(from), partial);
    await rename(partial, path);
  }

  async listWrittenBefore(prefix: string, before: Date, limit: number): Promise<string[]> {
    let entries: string[];
    try {
      entries = await readdir(join(this.root, prefix), { recursive: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const keys: string[] = [];
    for (const entry of entries) {
      const key = `${prefix.replace(/\/$/, '')}/${entry}`;
      if (keys.length >= limit || !LocalStorage.isValidKey(key)) continue;
      const info = await stat(this.pathOf(key)).catch(() => null);
      if (info?.isFile() && info.mtime < before) keys.push(key);
    }
    return keys;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  async check(): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    await stat(this.root);
  }

  /** Checks an upload against its URL's signature as S3 would: key, type, length, expiry. */
  checkUpload(
    key: string,
    contentType: string,
    contentLength: number | undefined,
    query: SignedQuery,
  ): LocalUploadRefusal | null {
    if (contentLength === undefined) return 'length-required';
    if (
      !this.signer.verify(['PUT', key, contentType, contentLength, query.expires], query.signature)
    ) {
      return 'bad-signature';
    }
    return query.expires * 1000 < Date.now() ? 'expired' : null;
  }

  checkDownload(key: string, query: SignedQuery): 'bad-signature' | 'expired' | null {
    if (!this.signer.verify(['GET', key, query.expires], query.signature)) return 'bad-signature';
    return query.expires * 1000 < Date.now() ? 'expired' : null;
  }

  /** Writes the body to a temporary file and moves it into place only once complete. */
  async write(key: string, body: Readable, expectedLength: number): Promise<boolean> {
    const path = this.pathOf(key);
    const partial = `${path}.part-${randomBytes(6).toString('hex')}`;
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    let received = 0;
    body.on('data', (chunk: Buffer) => (received += chunk.length));
    try {
      await pipeline(body, createWriteStream(partial, { mode: 0o600 }));
      if (received !== expectedLength) {
        await rm(partial, { force: true });
        return false;
      }
      await rename(partial, path);
      return true;
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
  }

  pathOf(key: string): string {
    if (!LocalStorage.isValidKey(key)) throw new Error(`Invalid storage key: ${key}`);
    return join(this.root, key);
  }

  private url(key: string, expires: number, signature: string): string {
    return `${this.publicUrl}/api/${LOCAL_STORAGE_ROUTE}/${key}?expires=${expires}&signature=${signature}`;
  }
}
