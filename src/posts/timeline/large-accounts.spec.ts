import { FollowedLargeAccounts, LARGE_ACCOUNTS_TTL_MS, LargeAccounts } from './large-accounts';

describe('FollowedLargeAccounts', () => {
  let follows: Map<string, Set<string>>;
  let reads: number;
  let large: LargeAccounts;
  let sut: FollowedLargeAccounts;

  beforeEach(() => {
    follows = new Map([['reader', new Set(['star', 'friend'])]]);
    reads = 0;
    large = new LargeAccounts(() => Promise.resolve(['star', 'giant']));
    sut = new FollowedLargeAccounts(large, (followerId, ids) => {
      reads += 1;
      const followed = follows.get(followerId) ?? new Set<string>();
      return Promise.resolve(new Set(ids.filter((id) => followed.has(id))));
    });
  });

  it('answers the large accounts the reader follows, read once a minute', async () => {
    expect(await sut.of('reader', 0)).toEqual(['star']);
    follows.get('reader')!.add('giant');
    expect(await sut.of('reader', LARGE_ACCOUNTS_TTL_MS - 1)).toEqual(['star']);
    expect(reads).toBe(1);
    expect(await sut.of('reader', LARGE_ACCOUNTS_TTL_MS + 1)).toEqual(['giant', 'star']);
    expect(reads).toBe(2);
  });

  it('asks again once told the reader’s follows changed', async () => {
    expect(await sut.of('reader', 0)).toEqual(['star']);
    follows.get('reader')!.delete('star');
    sut.forget('reader');
    expect(await sut.of('reader', 1)).toEqual([]);
    expect(reads).toBe(2);
  });

  it('asks nothing while the instance has no large account', async () => {
    sut = new FollowedLargeAccounts(new LargeAccounts(() => Promise.resolve([])), () => {
      throw new Error('not asked');
    });
    expect(await sut.of('reader', 0)).toEqual([]);
  });

  it('asks again after a failed read instead of keeping the failure', async () => {
    let fail = true;
    sut = new FollowedLargeAccounts(large, () =>
      fail ? Promise.reject(new Error('down')) : Promise.resolve(new Set(['star'])),
    );
    await expect(sut.of('reader', 0)).rejects.toThrow('down');
    fail = false;
    expect(await sut.of('reader', 1)).toEqual(['star']);
  });
});
