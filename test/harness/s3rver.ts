import { mkdtempSync, rmSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const FilesystemStore = require('s3rver/lib/stores/filesystem') as {
  prototype: { deleteObject(bucket: string, key: string): Promise<void> };
};

/**
 * s3rver on a loopback port, its files in a directory of its own. Note:
 * it checks expiry and the access key of presigned URLs but not their signatures.
 */
export class S3rverServer {
  private server?: S3rver;
  port = 0;

  constructor(private readonly directory = mkdtempSync(join(tmpdir(), 'freeb-s3rver-'))) {}

  get endpoint(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<this> {
    keepDirectoriesOnDelete();
    const server = new S3rver({
      address: '127.0.0.1',
      port: this.port,
      silent: true,
      directory: this.directory,
    });
    const address = (await server.run()) as { port: number };
    this.port = address.port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    await server?.close();
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/**
 * s3rver removes a key's parent directories once they are empty after a delete, which races with
 * a PUT into the same folder (its mkdir done, its file not yet opened): the PUT's write stream then
 * fails with ENOENT as an unhandled 'error' event and takes the whole test run down with it. The
 * tests delete and upload under one user's folder at once, so deletes here leave the folders.
 */
function keepDirectoriesOnDelete(): void {
  const store = FilesystemStore.prototype as unknown as {
    deleteObject(bucket: string, key: string): Promise<void>;
    getResourcePath(bucket: string, key: string, resource: string): string;
    __keepsDirectories?: boolean;
  };
  if (store.__keepsDirectories) return;
  store.deleteObject = async function deleteObject(this: typeof store, bucket, key) {
    await Promise.all(
      ['object', 'object.md5', 'metadata.json'].map((resource) =>
        unlink(this.getResourcePath(bucket, key, resource)).catch(
          (error: NodeJS.ErrnoException) => {
            if (error.code !== 'ENOENT') throw error;
          },
        ),
      ),
    );
  };
  store.__keepsDirectories = true;
}
