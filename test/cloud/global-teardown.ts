import type { DynaliteServer } from '../harness/dynalite';
import type { S3rverServer } from '../harness/s3rver';

export default async function globalTeardown(): Promise<void> {
  const started = globalThis as { __dynalite?: DynaliteServer; __s3rver?: S3rverServer };
  await started.__dynalite?.stop();
  await started.__s3rver?.destroy();
}
