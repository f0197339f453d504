import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { NestFactory } from '@nestjs/core';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { createConnection } from 'mysql2/promise';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { createHttpAdapter } from '../../src/common/http/http-server';
import { loadConfiguration } from '../../src/config/configuration';

export type Mode = 'embedded' | 'cloud';

/** The deadline on every dependency call when DEPENDENCY_TIMEOUT_MS is not set. */
export const PRODUCTION_DEADLINE_MS = '2000';

export const mode: Mode = process.env.FREEB_TEST_MODE === 'cloud' ? 'cloud' : 'embedded';

export interface TestApp {
  app: NestExpressApplication;
  server: Server;
  dataSource: DataSource;
  env: Record<string, string>;
  close(): Promise<void>;
}

type Env = Record<string, string | undefined>;

const suffix = () => randomBytes(5).toString('hex');

export function testS3Client(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
}

export async function createBucket(endpoint: string, bucket: string): Promise<void> {
  const s3 = testS3Client(endpoint);
  await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  s3.destroy();
}

/** Environment of a fresh, isolated backend for one suite: own data dir, database and table. */
async function isolatedEnv(
  dataDir: string,
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    LOG_LEVEL: process.env.FREEB_TEST_LOG_LEVEL ?? 'silent',
    DATA_DIR: dataDir,
    // Fixtures come from distinct client addresses (X-Forwarded-For), as behind a proxy.
    TRUST_PROXY: 'loopback',
    JOBS_POLL_INTERVAL_MS: '100',
    JOBS_RETRY_BASE_MS: '100',
    // Suites share two cores with other suites; the fault suites that measure the deadline set
    // the production default (2000) themselves.
    DEPENDENCY_TIMEOUT_MS: '6000',
  };
  if (mode === 'embedded') return { env, drop: async () => undefined };

  const credentials = process.env.FREEB_TEST_MYSQL ?? 'freeb_test:freeb_test@127.0.0.1:3306';
  const database = `freeb_t_${suffix()}`;
  const bucket = `freeb-t-${suffix()}`;
  const s3Endpoint = process.env.FREEB_TEST_S3_ENDPOINT ?? '';
  await createBucket(s3Endpoint, bucket);
  const admin = await createConnection(`mysql://${credentials}`);
  await admin.query(
    `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
  );
  await admin.end();
  Object.assign(env, {
    DATABASE_URL: `mariadb://${credentials}/${database}`,
    SESSION_STORE: 'dynamodb',
    DYNAMODB_ENDPOINT: process.env.FREEB_TEST_DYNAMODB_ENDPOINT ?? '',
    DYNAMODB_TABLE: `sessions_${suffix()}`,
    AWS_REGION: 'us-east-1',
    // s3rver's keys; dynalite takes any.
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    STORAGE: 's3',
    S3_ENDPOINT: s3Endpoint,
    S3_BUCKET: bucket,
    S3_FORCE_PATH_STYLE: 'true',
  });
  return {
    env,
    drop: async () => {
      const connection = await createConnection(`mysql://${credentials}`);
      await connection.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await connection.end();
    },
  };
}

/**
 * Boots the whole app as main.ts does (same module, same configureApp), on a backend of its
 * own: embedded (SQLite + database sessions) or cloud (MariaDB + DynamoDB), per FREEB_TEST_MODE.
 * `overrides` set (or, when undefined, unset) variables on top; a function receives the
 * isolated environment first.
 */
export async function startApp(
  overrides: Env | ((env: Record<string, string>) => Env) = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'freeb-e2e-'));
  const { env, drop } = await isolatedEnv(dataDir);
  const applied: Env = {
    ...env,
    ...(typeof overrides === 'function' ? overrides(env) : overrides),
  };
  const previous: Env = {};
  for (const [key, value] of Object.entries(applied)) {
    previous[key] = process.env[key];
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  // NestFactory, as main.ts: the HTTP adapter exists before modules initialise (serve-static
  // picks its loader from it), which a TestingModule would not give.
  const app = configureApp(
    await NestFactory.create<NestExpressApplication>(
      AppModule,
      createHttpAdapter(loadConfiguration(process.env).app),
      { bufferLogs: true, abortOnError: false },
    ),
  );
  await app.listen(0, '127.0.0.1');
  return {
    app,
    server: app.getHttpServer() as Server,
    dataSource: app.get(DataSource),
    env: Object.fromEntries(Object.entries(applied).filter(([, v]) => v !== undefined)) as Record<
      string,
      string
    >,
    close: async () => {
      await app.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
      for (const [key, value] of Object.entries(previous)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
}
