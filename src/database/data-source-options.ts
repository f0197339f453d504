import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import type { DatabaseConfig } from '../config/configuration';
import { ensurePrivateDatabaseFile, ensurePrivateDir } from '../config/data-dir';

/**
 * The one description of the database, shared by the app (TypeOrmModule) and the migration
 * CLI (migrate.ts). The schema only ever changes through migrations: no `synchronize`.
 */
export function buildDataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    synchronize: false,
  } as const;
  if (database.kind === 'sqlite') {
    ensurePrivateDir(dirname(database.sqlitePath));
    ensurePrivateDatabaseFile(database.sqlitePath);
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.sqlitePath,
      enableWAL: true,
      prepareDatabase: (db: { pragma(source: string): unknown }) => {
        db.pragma('busy_timeout = 5000');
        db.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    ...common,
    type: database.kind,
    url: database.url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    extra: { connectionLimit: 10, connectTimeout: database.timeoutMs },
  };
}
