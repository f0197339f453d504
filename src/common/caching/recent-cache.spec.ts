import { RecentCache } from './recent-cache';

describe('RecentCache', () => {
  it('holds at most its capacity', () => {
    const sut = new RecentCache<number, number>(10);
    for (let i = 0; i < 100; i++) sut.set(i, i);
    expect(sut.size).toBeLessThanOrEqual(10);
    expect(sut.get(99)).toBe(99);
    expect(sut.get(0)).toBeUndefined();
  });

  it('keeps an entry that is used while newer ones come and go', () => {
    const sut = new RecentCache<string, number>(4);
    sut.set('hot', 1);
    for (let i = 0; i < 50; i++) {
      sut.set(`cold${i}`, i);
      expect(sut.get('hot')).toBe(1);
    }
    expect(sut.get('cold0')).toBeUndefined();
  });

  it('replaces the value of a key already there without holding it twice', () => {
    const sut = new RecentCache<string, number>(10);
    sut.set('a', 1);
    sut.set('a', 2);
    expect(sut.size).toBe(1);
    expect(sut.get('a')).toBe(2);
  });

  it('forgets one key from either generation on delete', () => {
    const sut = new RecentCache<string, number>(4);
    sut.set('older', 1);
    sut.set('pushes older out of the young generation', 2);
    sut.set('young', 3);
    sut.delete('older');
    sut.delete('young');
    expect(sut.get('older')).toBeUndefined();
    expect(sut.get('young')).toBeUndefined();
    expect(sut.get('pushes older out of the young generation')).toBe(2);
  });

  it('forgets everything on clear, and refuses a capacity below two', () => {
    const sut = new RecentCache<string, number>(4);
    sut.set('a', 1);
    sut.clear();
    expect(sut.get('a')).toBeUndefined();
    expect(() => new RecentCache(1)).toThrow('capacity');
  });
});
