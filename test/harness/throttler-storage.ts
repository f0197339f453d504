import type { DatabaseThrottlerStorage } from '../../src/common/throttling/database-throttler.storage';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What the throttling counters must do on every database (the upsert is written per dialect):
 * run by the unit spec on SQLite and by the cloud suite on MariaDB. Keys are made unique per
 * test, so a shared database does not matter.
 */
export function throttlerStorageScenarios(storage: () => DatabaseThrottlerStorage): void {
  let n = 0;
  const fresh = () => `scenario-${process.pid}-${Date.now()}-${(n += 1)}`;
  /** How long `key` is held, read alongside a hit on a key of its own (the login's way). */
  const heldFor = async (key: string, limit: number) =>
    (await storage().incrementAndCheck(fresh(), 60_000, 5, 60_000, { key, limit })).otherBlockedFor;

  it('counts hits in a window and blocks past the limit', async () => {
    const key = fresh();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await storage().increment(key, 60_000, 3, 120_000));
    expect(results.map((r) => r.totalHits)).toEqual([1, 2, 3, 4]);
    expect(results.map((r) => r.isBlocked)).toEqual([false, false, false, true]);
    expect(results[3].timeToBlockExpire).toBeGreaterThan(115);
    expect(results[0].timeToExpire).toBeGreaterThan(55);
  });

  it('tells how long a key is held without counting a hit', async () => {
    const key = fresh();
    expect(await heldFor(key, 2)).toBe(0);
    await storage().increment(key, 60_000, 2, 60_000);
    expect(await heldFor(key, 2)).toBe(0);
    await storage().increment(key, 60_000, 2, 60_000);
    expect(await heldFor(key, 2)).toBeGreaterThan(55);
    expect(await heldFor(key, 3)).toBe(0);
    expect((await storage().increment(key, 60_000, 2, 60_000)).totalHits).toBe(3);
  });

  it('counts one key and tells how long another is held, without counting that one', async () => {
    const [key, other] = [fresh(), fresh()];
    const unseen = await storage().incrementAndCheck(key, 60_000, 5, 60_000, {
      key: other,
      limit: 2,
    });
    expect(unseen.record.totalHits).toBe(1);
    expect(unseen.otherBlockedFor).toBe(0);
    await storage().increment(other, 60_000, 2, 60_000);
    await storage().increment(other, 60_000, 2, 60_000);
    const held = await storage().incrementAndCheck(key, 60_000, 5, 60_000, {
      key: other,
      limit: 2,
    });
    expect(held.record).toEqual(expect.objectContaining({ totalHits: 2, isBlocked: false }));
    expect(held.otherBlockedFor).toBeGreaterThan(55);
    expect((await storage().increment(other, 60_000, 2, 60_000)).totalHits).toBe(3);
  });

  it('keeps keys apart', async () => {
    const [a, b] = [fresh(), fresh()];
    await storage().increment(a, 60_000, 1, 60_000);
    await storage().increment(a, 60_000, 1, 60_000);
    const other = await storage().increment(b, 60_000, 1, 60_000);
    expect(other).toEqual(expect.objectContaining({ totalHits: 1, isBlocked: false }));
  });

  it('starts a new window once the old one expires', async () => {
    const key = fresh();
    await storage().increment(key, 50, 5, 50);
    await storage().increment(key, 50, 5, 50);
    await pause(80);
    const restarted = await storage().increment(key, 50, 5, 50);
    expect(restarted).toEqual(expect.objectContaining({ totalHits: 1, isBlocked: false }));
    expect(restarted.timeToExpire).toBe(1);
  });

  it('keeps a block that outlasts its window', async () => {
    const key = fresh();
    await storage().increment(key, 50, 1, 10_000);
    const blocked = await storage().increment(key, 50, 1, 10_000);
    expect(blocked.isBlocked).toBe(true);
    await pause(80);
    const later = await storage().increment(key, 50, 1, 10_000);
    expect(later).toEqual(expect.objectContaining({ totalHits: 1, isBlocked: true }));
    expect(later.timeToBlockExpire).toBeGreaterThan(8);
  });

  it('drops a block that ended with its window', async () => {
    const key = fresh();
    await storage().increment(key, 50, 1, 50);
    expect((await storage().increment(key, 50, 1, 50)).isBlocked).toBe(true);
    await pause(80);
    const later = await storage().increment(key, 50, 1, 50);
    expect(later).toEqual(expect.objectContaining({ totalHits: 1, isBlocked: false }));
    expect(await heldFor(key, 1)).toBeGreaterThan(0);
  });

  it('loses no hit under concurrency, and never lets more through than the limit', async () => {
    const key = fresh();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => storage().increment(key, 60_000, 5, 60_000)),
    );
    expect(results.filter((r) => !r.isBlocked).length).toBeLessThanOrEqual(5);
    expect((await storage().increment(key, 60_000, 5, 60_000)).totalHits).toBe(21);
  });
}
