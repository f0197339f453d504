export const MAX_RETRY_DELAY_MS = 3600_000;

/**
 * How long to wait before retrying after the `attempt`-th run failed: `baseMs` doubled per
 * failure (base, 2×base, 4×base, …), capped at an hour, then jittered down by up to a fifth so
 * jobs that failed together (a storage outage) do not all come back in the same instant.
 */
export function retryDelayMs(
  attempt: number,
  baseMs: number,
  random: () => number = Math.random,
): number {
  const exponential = baseMs * 2 ** Math.max(0, attempt - 1);
  const capped = Math.min(exponential, MAX_RETRY_DELAY_MS);
  return Math.round(capped * (1 - 0.2 * random()));
}
