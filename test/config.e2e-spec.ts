import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..');

/** Starts the real entry point (src/main.ts) with an environment, and returns how it ended. */
function start(env: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), 'freeb-config-'));
  try {
    const result = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', 'src/main.ts'],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          DATA_DIR: dataDir,
          LOG_LEVEL: 'silent',
          ...env,
        },
        encoding: 'utf8',
        // Generous: ts-node compiles the whole app first, slow on a busy machine.
        timeout: 60_000,
      },
    );
    return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('Configuration is validated at start (e2e)', () => {
  it.each([
    ['PORT', { PORT: 'abc' }],
    ['SESSION_STORE', { SESSION_STORE: 'redis' }],
    ['DATABASE_URL', { DATABASE_URL: 'postgres://freeb:s3cret-db-pass@db/freeb' }],
    ['DATABASE_URL', { DATABASE_URL: 'mysql://freeb:s3cret-db-pass@' }],
    ['SESSION_SECRET', { NODE_ENV: 'production' }],
    ['SESSION_SECRET', { NODE_ENV: 'production', SESSION_SECRET: 'keyboard cat' }],
    ['SESSION_SECRET', { NODE_ENV: 'production', SESSION_SECRET: 'a'.repeat(40) }],
    ['TRUST_PROXY', { TRUST_PROXY: 'sometimes' }],
    ['TRUSTED_ORIGINS', { TRUSTED_ORIGINS: 'app.example.com/path' }],
  ])(
    'exits non-zero with one line naming %s',
    (variable, env) => {
      const { status, stderr, stdout } = start(env as Record<string, string>);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.split('\n')).toHaveLength(1);
      expect(stderr).toContain(variable);
      expect(stderr).not.toContain('s3cret-db-pass');
      expect(stderr).not.toContain('keyboard cat');
    },
    90_000,
  );
});
