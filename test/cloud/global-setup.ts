import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { DynaliteServer } from '../harness/dynalite';
import { S3rverServer } from '../harness/s3rver';

/** Starts what the cloud run needs: MariaDB (when down), dynalite and s3rver for the suites. */
export default async function globalSetup(): Promise<void> {
  execFileSync('bash', [resolve(__dirname, '../../scripts/ensure-mariadb.sh')], {
    stdio: 'inherit',
  });
  const dynamo = await new DynaliteServer().start();
  const s3 = await new S3rverServer().start();
  Object.assign(globalThis, { __dynalite: dynamo, __s3rver: s3 });
  // Workers start after this and inherit the environment.
  process.env.FREEB_TEST_MODE = 'cloud';
  process.env.FREEB_TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
  process.env.FREEB_TEST_S3_ENDPOINT = s3.endpoint;
  process.env.FREEB_TEST_MYSQL = 'freeb_test:freeb_test@127.0.0.1:3306';
}
