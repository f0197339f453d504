import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';
import { RateLimit } from './rate-limit.entity';
import { DatabaseThrottlerStorage } from './database-throttler.storage';

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
    sut = new DatabaseThrottlerStorage(dataSource.getRepository(RateLimit));
  });

  afterEach(async () => {
    await dataSource.destroy();
  });

  it('counts hits in a window and blocks past the limit', async () => {
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await sut.increment('k', 60_000, 3, 120_000));
    expect(results.map((r) => r.totalHits)).toEqual([1, 2, 3, 4]);
    expect(results.map((r) => r.isBlocked)).toEqual([false, false, false, true]);
    expect(results[3].timeToBlockExpire).toBeGreaterThan(115);
    expect(results[0].timeToExpire).toBeGreaterThan(55);
  });

  it('tells how long a key is held without counting a hit', async () => {
    expect(await sut.blockedFor('k', 2)).toBe(0);
    await sut.increment('k', 60_000, 2, 60_000);
    expect(await sut.blockedFor('k', 2)).toBe(0);
    await sut.increment('k', 60_000, 2, 60_000);
    expect(await sut.blockedFor('k', 2)).toBeGreaterThan(55);
    expect(await sut.blockedFor('k', 3)).toBe(0);
    expect((await sut.increment('k', 60_000, 2, 60_000)).totalHits).toBe(3);
  });

  it('keeps keys apart', async () => {
    await sut.increment('a', 60_000, 1, 60_000);
    await sut.increment('a', 60_000, 1, 60_000);
    const other = await sut.increment('b', 60_000, 1, 60_000);
    expect(other).toEqual(expect.objectContaining({ totalHits: 1, isBlocked: false }));
  });

  it('starts a new window once the old one expires', async () => {
    await sut.increment('k', 50, 5, 50);
    await sut.increment('k', 50, 5, 50);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const fresh = await sut.increment('k', 50, 5, 50);
    expect(fresh.totalHits).toBe(1);
  });

  it('keeps a block that outlasts its window', async () => {
    await sut.increment('k', 50, 1, 10_000);
    const blocked = await sut.increment('k', 50, 1, 10_000);
    expect(blocked.isBlocked).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 80));
    const later = await sut.increment('k', 50, 1, 10_000);
    expect(later).toEqual(expect.objectContaining({ totalHits: 1, isBlocked: true }));
  });

  it('prunes windows long over, but not running blocks', async () => {
    await sut.increment('old', 10, 5, 10);
    await sut.increment('blocked', 10, 0, 60_000);
    await sut.increment('live', 60_000, 5, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(await sut.prune(new Date())).toBe(1);
    const keys = (await dataSource.getRepository(RateLimit).find()).map((row) => row.key).sort();
    expect(keys).toEqual(['blocked', 'live']);
  });

  it('loses no hit under concurrency, and never lets more through than the limit', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => sut.increment('k', 60_000, 5, 60_000)),
    );
    expect(results.filter((r) => !r.isBlocked).length).toBeLessThanOrEqual(5);
    expect((await sut.increment('k', 60_000, 5, 60_000)).totalHits).toBe(21);
  });
});
