import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfiguration } from '../config/configuration';
import { buildDataSourceOptions } from './data-source-options';

/** `npm run migration:run`: applies pending migrations to the configured database and exits. */
async function main(): Promise<void> {
  const { database } = loadConfiguration(process.env);
  const dataSource = new DataSource(buildDataSourceOptions(database));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    process.stdout.write(
      applied.length
        ? `Applied ${applied.map((m) => m.name).join(', ')}\n`
        : 'No pending migrations.\n',
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(
    error instanceof ConfigError ? error.message : `Migration failed: ${String(error)}`,
  );
  process.exit(1);
});
