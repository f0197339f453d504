import { LargeAccounts, LARGE_ACCOUNTS_TTL_MS } from './large-accounts';
import { mergeNewestFirst } from './timeline.service';

const at = (iso: string, id: string) => ({ createdAt: new Date(iso), id });

describe('mergeNewestFirst', () => {
  it('interleaves two newest-first lists by (time, id), dropping repeats, up to a count', () => {
    const timeline = [at('2026-01-03T00:00:00Z', 'c'), at('2026-01-01T00:00:00Z', 'a')];
    const large = [
      at('2026-01-03T00:00:00Z', 'd'),
      at('2026-01-03T00:00:00Z', 'c'),
      at('2026-01-02T00:00:00Z', 'b'),
    ];
    expect(mergeNewestFirst(timeline, large, 3).map((p) => p.id)).toEqual(['d', 'c', 'b']);
    expect(mergeNewestFirst(timeline, large, 10).map((p) => p.id)).toEqual(['d', 'c', 'b', 'a']);
  });
});

describe('LargeAccounts', () => {
  it('reads the set once per minute at most', async () => {
    const load = jest.fn(() => Promise.resolve(['big']));
    const sut = new LargeAccounts(load);
    expect(await sut.all(1000)).toEqual(new Set(['big']));
    await sut.all(1000 + LARGE_ACCOUNTS_TTL_MS - 1);
    expect(load).toHaveBeenCalledTimes(1);
    await sut.all(1000 + LARGE_ACCOUNTS_TTL_MS);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('reads again after a failed read', async () => {
    const load = jest
      .fn<Promise<string[]>, []>()
      .mockRejectedValueOnce(new Error('database down'))
      .mockResolvedValueOnce(['big']);
    const sut = new LargeAccounts(load);
    await expect(sut.all(0)).rejects.toThrow('database down');
    await new Promise((resolve) => setImmediate(resolve));
    expect(await sut.all(1)).toEqual(new Set(['big']));
  });
});
