import { MAX_RETRY_DELAY_MS, retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  const noJitter = () => 0;

  it('doubles the base delay after each failed attempt', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(attempt, 5000, noJitter))).toEqual([
      5000, 10_000, 20_000, 40_000, 80_000,
    ]);
  });

  it('never waits longer than an hour, however many attempts failed', () => {
    expect(retryDelayMs(13, 5000, noJitter)).toBe(MAX_RETRY_DELAY_MS);
    expect(retryDelayMs(500, 5000, noJitter)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('jitters down by at most a fifth, never up', () => {
    expect(retryDelayMs(3, 1000, () => 0.999999)).toBe(3200);
    expect(retryDelayMs(3, 1000, () => 0.5)).toBe(3600);
    for (let i = 0; i < 100; i++) {
      const delay = retryDelayMs(2, 1000);
      expect(delay).toBeGreaterThanOrEqual(1600);
      expect(delay).toBeLessThanOrEqual(2000);
    }
  });

  it('treats a first attempt (and anything below) as the base delay', () => {
    expect(retryDelayMs(1, 250, noJitter)).toBe(250);
    expect(retryDelayMs(0, 250, noJitter)).toBe(250);
  });
});
