import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

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
