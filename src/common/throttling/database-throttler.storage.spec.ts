import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { TransactionHost } from '../../database/transaction-host';
import { RateLimit } from './rate-limit.entity';
import { DatabaseThrottlerStorage } from './database-throttler.storage';
import { throttlerStorageScenarios } from '../../../test/harness/throttler-storage';

describe('DatabaseThrottlerStorage (real SQLite)', () => {
  let dataSource: DataSource;
  let sut: DatabaseThrottlerStorage;

  beforeEach(async () => {
    dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [RateLimit],
      migrations: MIGRATIONS,
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    sut = new DatabaseThrottlerStorage(new TransactionHost(dataSource));
  });

  afterEach(async () => {
    await dataSource.destroy();
  });

  throttlerStorageScenarios(() => sut);

  it('prunes windows long over, but not running blocks', async () => {
    await sut.increment('old', 10, 5, 10);
    await sut.increment('blocked', 10, 0, 60_000);
    await sut.increment('live', 60_000, 5, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await sut.prune(new Date())).toBe(1);
    const keys = (await dataSource.getRepository(RateLimit).find()).map((row) => row.key).sort();
    expect(keys).toEqual(['blocked', 'live']);
  });
});
