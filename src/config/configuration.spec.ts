import { resolve } from 'node:path';
import { ConfigError, loadConfiguration } from './configuration';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfiguration(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfiguration', () => {
  it('runs on the embedded default with no variables at all', () => {
    const sut = loadConfiguration({});
    expect(sut.app).toEqual(
      expect.objectContaining({
        port: 3000,
        nodeEnv: 'development',
        production: false,
        trustProxy: false,
        trustedOrigins: [],
      }),
    );
    expect(sut.app.dataDir).toBe(resolve('./data'));
    expect(sut.database).toEqual({
      kind: 'sqlite',
      sqlitePath: resolve('./data/freeb.sqlite'),
      migrationsRun: true,
      timeoutMs: 2000,
    });
    expect(sut.session.store).toBe('database');
    expect(sut.session.secret).toBeUndefined();
    expect(sut.session.maxAgeMs).toBe(14 * 24 * 3600_000);
    expect(sut.jobs).toEqual({
      workers: 'in-process',
      pollIntervalMs: 1000,
      retryBaseMs: 5000,
      leaseMs: 60_000,
      concurrency: 1,
    });
    expect(sut.discovery).toEqual({ exploreRefreshSeconds: 300 });
  });

  it('reads how often explore is ranked, and refuses a nonsense period', () => {
    expect(loadConfiguration({ EXPLORE_REFRESH_SECONDS: '60' }).discovery).toEqual({
      exploreRefreshSeconds: 60,
    });
    expect(() => loadConfiguration({ EXPLORE_REFRESH_SECONDS: '0' })).toThrow(
      /EXPLORE_REFRESH_SECONDS/,
    );
  });

  it('reads the job settings', () => {
    const sut = loadConfiguration({
      WORKERS: 'off',
      JOBS_POLL_INTERVAL_MS: '250',
      JOBS_RETRY_BASE_MS: '100',
      JOBS_LEASE_MS: '30000',
      JOBS_CONCURRENCY: '4',
    });
    expect(sut.jobs).toEqual({
      workers: 'off',
      pollIntervalMs: 250,
      retryBaseMs: 100,
      leaseMs: 30_000,
      concurrency: 4,
    });
  });

  it('reads the cloud settings', () => {
    const sut = loadConfiguration({
      NODE_ENV: 'production',
      SESSION_SECRET: 'Qm9vdHN0cmFwIHNlY3JldCBmb3IgdGVzdHMgb25seQ',
      DATABASE_URL: 'mysql://freeb:pw@db.internal:3306/freeb',
      SESSION_STORE: 'dynamodb',
      DYNAMODB_TABLE: 'freeb-sessions-prod',
      DYNAMODB_ENDPOINT: 'http://localhost:8000',
      AWS_REGION: 'eu-west-1',
      TRUST_PROXY: '10.0.0.0/8, loopback',
      TRUSTED_ORIGINS: 'https://app.example.com,http://localhost:5173/',
      DB_MIGRATE_ON_START: 'false',
    });
    expect(sut.database).toEqual(expect.objectContaining({ kind: 'mysql', migrationsRun: false }));
    expect(sut.session).toEqual(
      expect.objectContaining({
        store: 'dynamodb',
        dynamodb: {
          table: 'freeb-sessions-prod',
          region: 'eu-west-1',
          endpoint: 'http://localhost:8000',
          createTable: false,
          timeoutMs: 2000,
        },
      }),
    );
    expect(sut.app.trustProxy).toEqual(['10.0.0.0/8', 'loopback']);
    expect(sut.app.trustedOrigins).toEqual(['https://app.example.com', 'http://localhost:5173']);
  });

  it('takes mariadb:// for MariaDB', () => {
    expect(loadConfiguration({ DATABASE_URL: 'mariadb://u:p@127.0.0.1/db' }).database.kind).toBe(
      'mariadb',
    );
  });

  it.each([
    ['true', true],
    ['2', 2],
    ['false', false],
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfiguration({ TRUST_PROXY: value }).app.trustProxy).toEqual(expected);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ SESSION_STORE: 'redis' }, 'SESSION_STORE'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ DATABASE_URL: 'postgres://u:p@h/db' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'mysql://u:p@host' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ NODE_ENV: 'production' }, 'SESSION_SECRET'],
    [{ NODE_ENV: 'production', SESSION_SECRET: 'short' }, 'SESSION_SECRET'],
    [{ NODE_ENV: 'production', SESSION_SECRET: 'changeme' }, 'SESSION_SECRET'],
    [{ NODE_ENV: 'production', SESSION_SECRET: 'a'.repeat(40) }, 'SESSION_SECRET'],
    [{ NODE_ENV: 'production', SESSION_SECRET: 'abcdef'.repeat(8) }, 'SESSION_SECRET'],
    [{ TRUST_PROXY: 'maybe' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: '10.0.0.0/99' }, 'TRUST_PROXY'],
    [{ TRUSTED_ORIGINS: 'ftp://x' }, 'TRUSTED_ORIGINS'],
    [{ DYNAMODB_ENDPOINT: 'localhost:8000' }, 'DYNAMODB_ENDPOINT'],
    [{ DYNAMODB_TABLE: 'a b' }, 'DYNAMODB_TABLE'],
    [{ DB_MIGRATE_ON_START: 'perhaps' }, 'DB_MIGRATE_ON_START'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ WORKERS: 'separate' }, 'WORKERS'],
    [{ JOBS_POLL_INTERVAL_MS: '0' }, 'JOBS_POLL_INTERVAL_MS'],
    [{ JOBS_RETRY_BASE_MS: 'fast' }, 'JOBS_RETRY_BASE_MS'],
    [{ JOBS_LEASE_MS: '50' }, 'JOBS_LEASE_MS'],
    [{ JOBS_CONCURRENCY: '0' }, 'JOBS_CONCURRENCY'],
  ])('refuses %j, naming %s', (env, variable) => {
    const problems = problemsOf(env as Record<string, string>);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${variable} `));
  });

  it('names every bad variable at once and never echoes a value', () => {
    const env = {
      PORT: 'secret-port',
      DATABASE_URL: 'postgres://user:hunter2@h/db',
      SESSION_STORE: 'hunter3',
    };
    const problems = problemsOf(env);
    expect(problems.map((problem) => problem.split(' ')[0])).toEqual([
      'PORT',
      'DATABASE_URL',
      'SESSION_STORE',
    ]);
    const message = new ConfigError(problems).message;
    for (const value of Object.values(env)) expect(message).not.toContain(value);
    expect(message).not.toContain('hunter2');
  });
});
