import { nestedDeeperThan } from './body-depth';

describe('nestedDeeperThan', () => {
  const nest = (depth: number): unknown => (depth === 0 ? 1 : { a: [nest(depth - 1)] });

  it('measures arrays and objects alike, and stops at scalars', () => {
    expect(nestedDeeperThan(nest(16), 32)).toBe(false); // 32 levels: 16 objects + 16 arrays
    expect(nestedDeeperThan({ b: nest(16) }, 32)).toBe(true);
    expect(nestedDeeperThan('x'.repeat(1000), 1)).toBe(false);
    expect(nestedDeeperThan(undefined, 0)).toBe(false);
  });

  it('walks a depth that would overflow a recursive walk', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(nestedDeeperThan(deep, 32)).toBe(true);
  });
});
