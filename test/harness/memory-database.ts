import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DataSource, type EntitySchema } from 'typeorm';
import { TransactionHost } from '../../src/database/transaction-host';

export interface MemoryDatabase {
  dataSource: DataSource;
  db: TransactionHost;
  /** A global module giving TransactionHost (and the DataSource) to a testing module. */
  module: DynamicModule;
  close(): Promise<void>;
}

/**
 * A real SQLite database in memory with the app's TransactionHost, for tests of one class that
 * need real transactions. Entities listed get their tables from the entity metadata.
 */
export async function memoryDatabase(
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Array<Function | EntitySchema> = [],
): Promise<MemoryDatabase> {
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: ':memory:',
    entities,
    synchronize: true,
  });
  await dataSource.initialize();
  const db = new TransactionHost(dataSource);
  @Global()
  @Module({})
  class MemoryDatabaseModule {}
  return {
    dataSource,
    db,
    module: {
      module: MemoryDatabaseModule,
      providers: [
        { provide: DataSource, useValue: dataSource },
        { provide: TransactionHost, useValue: db },
      ],
      exports: [DataSource, TransactionHost],
      global: true,
    },
    close: () => dataSource.destroy(),
  };
}
