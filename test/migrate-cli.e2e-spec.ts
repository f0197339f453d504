import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MIGRATIONS } from '../migrations';
import { startApp } from './harness/app';

describe('Migrations are switchable (e2e)', () => {
  it('leaves the schema alone on start with DB_MIGRATE_ON_START=false', async () => {
    const t = await startApp({ DB_MIGRATE_ON_START: 'false' });
    try {
      expect(await t.dataSource.showMigrations()).toBe(true);
      await t.dataSource.runMigrations();
      expect(await t.dataSource.showMigrations()).toBe(false);
    } finally {
      await t.close();
    }
  });

  it('applies them with `npm run migration:run` (src/database/migrate.ts), once', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'freeb-migrate-cli-'));
    const run = () =>
      spawnSync(
        process.execPath,
        ['-r', 'ts-node/register/transpile-only', 'src/database/migrate.ts'],
        {
          cwd: resolve(__dirname, '..'),
          env: { PATH: process.env.PATH, HOME: process.env.HOME, DATA_DIR: dataDir },
          encoding: 'utf8',
          timeout: 30_000,
        },
      );
    try {
      const first = run();
      expect(first.status).toBe(0);
      expect(first.stdout).toContain(
        `Applied ${MIGRATIONS.map((migration) => migration.name).join(', ')}\n`,
      );
      const second = run();
      expect(second.status).toBe(0);
      expect(second.stdout.trim()).toBe('No pending migrations.');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
