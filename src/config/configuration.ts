import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { type Env, EnvReader, parseUrl } from './env-reader';
import { secretWeakness } from './secret-strength';

export type NodeEnv = 'development' | 'production' | 'test';
export type DatabaseKind = 'sqlite' | 'mysql' | 'mariadb';
export type TrustProxy = boolean | number | string[];

export interface AppConfig {
  port: number;
  nodeEnv: NodeEnv;
  production: boolean;
  dataDir: string;
  trustProxy: TrustProxy;
  trustedOrigins: string[];
  logLevel: string;
  /** `pretty` (colours, one readable line) or `json` (one object per line, for collectors). */
  logFormat: 'pretty' | 'json';
  /** Deadline for a whole request (headers and body) to arrive. */
  requestTimeoutMs: number;
  /** How long requests in flight may take to finish after SIGTERM. */
  shutdownGraceMs: number;
  /** Accounts that are admins whatever their stored role (the first account is one too). */
  adminUsernames: string[];
}

export interface DatabaseConfig {
  kind: DatabaseKind;
  /** Present for MySQL/MariaDB; a secret (it holds the password): never log it. */
  url?: string;
  sqlitePath: string;
  migrationsRun: boolean;
  /** Deadline of one query, and of getting a pooled connection (connecting included). */
  timeoutMs: number;
}

export interface SessionConfig {
  store: 'database' | 'dynamodb';
  /** From SESSION_SECRET; when absent outside production one is generated in DATA_DIR. */
  secret?: string;
  maxAgeMs: number;
  dynamodb: {
    table: string;
    region: string;
    endpoint?: string;
    createTable: boolean;
    /** Deadline of a DynamoDB call (two attempts of half of it). */
    timeoutMs: number;
  };
}

export interface StorageConfig {
  driver: 'local' | 's3';
  /** Where the local driver keeps objects. */
  localDir: string;
  /** Prefix for URLs the local driver hands out; root-relative (same origin as the API) when unset. */
  publicUrl?: string;
  s3: {
    bucket: string;
    region: string;
    endpoint?: string;
    /** The endpoint browsers use for presigned URLs, when it differs (docker compose). */
    publicEndpoint?: string;
    forcePathStyle: boolean;
    /** Deadline of an S3 call (two attempts of half of it). */
    timeoutMs: number;
  };
  /** Serve images from a CDN instead of presigned GET URLs. */
  publicImageBaseUrl?: string;
  maxUploadBytes: number;
  maxImagePixels: number;
  /** Most frames an animated image may have (its frames together stay under maxImagePixels). */
  maxAnimationFrames: number;
  uploadUrlTtlSeconds: number;
}

export interface JobsConfig {
  /** `in-process`: the API process also runs the job workers; `off`: only `npm run worker` does. */
  workers: 'in-process' | 'off';
  /** How long an idle worker waits before looking for due jobs again. */
  pollIntervalMs: number;
  /** The first retry's delay; each further retry doubles it (capped at an hour). */
  retryBaseMs: number;
  /** How long a claim holds a job; renewed while its handler runs. */
  leaseMs: number;
  /** Worker loops per process (always one on SQLite). */
  concurrency: number;
}

export interface FeedsConfig {
  /** Accounts with more followers are not fanned out but merged into feeds at read time. */
  fanoutLimit: number;
}

export interface DiscoveryConfig {
  /** How often the explore ranking is recomputed. */
  exploreRefreshSeconds: number;
}

export interface FreebConfig {
  app: AppConfig;
  database: DatabaseConfig;
  session: SessionConfig;
  storage: StorageConfig;
  jobs: JobsConfig;
  feeds: FeedsConfig;
  discovery: DiscoveryConfig;
}

/** A configuration problem: its message names the variable and what is expected, never the value. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parseTrustProxy(reader: EnvReader): TrustProxy {
  const value = reader.raw('TRUST_PROXY');
  if (value === undefined || value === 'false' || value === 'off') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const valid = entries.every((entry) => {
    if (PROXY_NAMES.has(entry)) return true;
    const [address, prefix] = entry.split('/');
    if (!isIP(address)) return false;
    return (
      prefix === undefined ||
      (/^\d+$/.test(prefix) && Number(prefix) <= (isIP(address) === 4 ? 32 : 128))
    );
  });
  if (!valid || entries.length === 0) {
    reader.problems.push(
      'TRUST_PROXY must be true, false, a hop count, or a comma-separated list of addresses, CIDR ranges or loopback/linklocal/uniquelocal',
    );
    return false;
  }
  return entries;
}

function parseTrustedOrigins(reader: EnvReader): string[] {
  const value = reader.raw('TRUSTED_ORIGINS');
  if (value === undefined) return [];
  const origins: string[] = [];
  for (const entry of value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)) {
    try {
      const url = new URL(entry);
      if (
        (url.protocol !== 'http:' && url.protocol !== 'https:') ||
        url.pathname !== '/' ||
        url.search
      ) {
        throw new Error('not an origin');
      }
      origins.push(url.origin);
    } catch {
      reader.problems.push(
        'TRUSTED_ORIGINS must be a comma-separated list of origins such as https://app.example.com',
      );
      return [];
    }
  }
  return origins;
}

function parseAdminUsernames(reader: EnvReader): string[] {
  const names = (reader.raw('ADMIN_USERNAMES') ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (names.some((name) => !/^[a-z0-9._]{3,30}$/.test(name))) {
    reader.problems.push('ADMIN_USERNAMES must be a comma-separated list of usernames');
    return [];
  }
  return names;
}

function parseDatabase(reader: EnvReader, dataDir: string, timeoutMs: number): DatabaseConfig {
  const url = reader.raw('DATABASE_URL');
  const migrationsRun = reader.boolean('DB_MIGRATE_ON_START', true);
  const sqlitePath = resolve(dataDir, 'freeb.sqlite');
  if (url === undefined) return { kind: 'sqlite', sqlitePath, migrationsRun, timeoutMs };
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const kind = parsed?.protocol.replace(/:$/, '');
  if (
    !parsed ||
    (kind !== 'mysql' && kind !== 'mariadb') ||
    !parsed.hostname ||
    parsed.pathname.length < 2
  ) {
    reader.problems.push(
      'DATABASE_URL must look like mysql://user:password@host:3306/database (or mariadb://...)',
    );
    return { kind: 'sqlite', sqlitePath, migrationsRun, timeoutMs };
  }
  return { kind, url, sqlitePath, migrationsRun, timeoutMs };
}

function parseStorage(
  reader: EnvReader,
  dataDir: string,
  region: string,
  timeoutMs: number,
): StorageConfig {
  const driver = reader.oneOf('STORAGE', 'local', ['local', 's3'] as const);
  const bucket = reader.raw('S3_BUCKET') ?? '';
  if (driver === 's3' && !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    reader.problems.push(
      'S3_BUCKET must name the bucket (3-63 lower-case letters, digits, dots, hyphens) when STORAGE=s3',
    );
  }
  return {
    driver,
    localDir: resolve(dataDir, 'objects'),
    publicUrl: parseUrl(reader, 'PUBLIC_URL'),
    s3: {
      bucket,
      region,
      endpoint: parseUrl(reader, 'S3_ENDPOINT'),
      publicEndpoint: parseUrl(reader, 'S3_PUBLIC_ENDPOINT'),
      forcePathStyle: reader.boolean('S3_FORCE_PATH_STYLE', false),
      timeoutMs,
    },
    publicImageBaseUrl: parseUrl(reader, 'PUBLIC_IMAGE_BASE_URL'),
    maxUploadBytes: reader.integer('MAX_UPLOAD_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    maxImagePixels: reader.integer('MAX_IMAGE_PIXELS', 50_000_000, 1, 1_000_000_000),
    maxAnimationFrames: reader.integer('MAX_ANIMATION_FRAMES', 200, 1, 10_000),
    uploadUrlTtlSeconds: reader.integer('UPLOAD_URL_TTL_SECONDS', 600, 1, 7 * 24 * 3600),
  };
}

function parseJobs(reader: EnvReader): JobsConfig {
  return {
    workers: reader.oneOf('WORKERS', 'in-process', ['in-process', 'off'] as const),
    pollIntervalMs: reader.integer('JOBS_POLL_INTERVAL_MS', 1000, 10, 60_000),
    retryBaseMs: reader.integer('JOBS_RETRY_BASE_MS', 5000, 10, 3600_000),
    leaseMs: reader.integer('JOBS_LEASE_MS', 60_000, 200, 3600_000),
    concurrency: reader.integer('JOBS_CONCURRENCY', 1, 1, 32),
  };
}

function parseSessionSecret(reader: EnvReader, production: boolean): string | undefined {
  const secret = reader.raw('SESSION_SECRET');
  if (!production) return secret;
  if (secret === undefined) {
    reader.problems.push(
      'SESSION_SECRET is required when NODE_ENV=production (32 or more random characters)',
    );
  } else {
    const weakness = secretWeakness(secret);
    if (weakness) reader.problems.push(`SESSION_SECRET ${weakness}`);
  }
  return secret;
}

/** Parses and validates the environment. Throws ConfigError naming every bad variable. */
export function loadConfiguration(env: Env = process.env): FreebConfig {
  const reader = new EnvReader(env);
  const nodeEnv = reader.oneOf<NodeEnv>('NODE_ENV', 'development', [
    'development',
    'production',
    'test',
  ]);
  const production = nodeEnv === 'production';
  const dataDir = resolve(reader.raw('DATA_DIR') ?? './data');

  const app: AppConfig = {
    port: reader.integer('PORT', 3000, 0, 65535),
    nodeEnv,
    production,
    dataDir,
    trustProxy: parseTrustProxy(reader),
    trustedOrigins: parseTrustedOrigins(reader),
    logLevel: reader.oneOf('LOG_LEVEL', 'info', LOG_LEVELS),
    // Pretty for a person at a terminal; JSON in production and when piped to a collector.
    logFormat: reader.oneOf('LOG_FORMAT', !production && process.stdout.isTTY ? 'pretty' : 'json', [
      'pretty',
      'json',
    ] as const),
    requestTimeoutMs: reader.integer('HTTP_REQUEST_TIMEOUT_SECONDS', 120, 1, 3600) * 1000,
    shutdownGraceMs: reader.integer('SHUTDOWN_GRACE_SECONDS', 25, 0, 3600) * 1000,
    adminUsernames: parseAdminUsernames(reader),
  };
  // One deadline for every call to a dependency, so a silent partition answers 503 in time.
  const dependencyTimeoutMs = reader.integer('DEPENDENCY_TIMEOUT_MS', 2000, 100, 60_000);
  const database = parseDatabase(reader, dataDir, dependencyTimeoutMs);
  const session: SessionConfig = {
    store: reader.oneOf('SESSION_STORE', 'database', ['database', 'dynamodb'] as const),
    secret: parseSessionSecret(reader, production),
    maxAgeMs: reader.integer('SESSION_TTL_HOURS', 24 * 14, 1, 24 * 365) * 3600_000,
    dynamodb: {
      table: reader.raw('DYNAMODB_TABLE') ?? 'freeb-sessions',
      region: reader.raw('AWS_REGION') ?? 'us-east-1',
      endpoint: undefined,
      createTable: reader.boolean('DYNAMODB_CREATE_TABLE', !production),
      timeoutMs: dependencyTimeoutMs,
    },
  };
  const storage = parseStorage(reader, dataDir, session.dynamodb.region, dependencyTimeoutMs);
  const endpoint = reader.raw('DYNAMODB_ENDPOINT');
  if (endpoint !== undefined) {
    if (!/^https?:\/\/[^\s/]+/.test(endpoint))
      reader.problems.push('DYNAMODB_ENDPOINT must be an http(s) URL');
    else session.dynamodb.endpoint = endpoint;
  }
  if (!/^[A-Za-z0-9_.-]{3,255}$/.test(session.dynamodb.table)) {
    reader.problems.push('DYNAMODB_TABLE must be 3 to 255 letters, digits, _ . or -');
  }

  const jobs = parseJobs(reader);
  const feeds: FeedsConfig = {
    fanoutLimit: reader.integer('TIMELINE_FANOUT_LIMIT', 10_000, 0, 100_000_000),
  };

  const discovery: DiscoveryConfig = {
    exploreRefreshSeconds: reader.integer('EXPLORE_REFRESH_SECONDS', 300, 1, 24 * 3600),
  };

  if (reader.problems.length > 0) throw new ConfigError(reader.problems);
  return { app, database, session, storage, jobs, feeds, discovery };
}
