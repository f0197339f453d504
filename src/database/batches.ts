/**
 * `items` in consecutive slices of at most `size`, for statements that must stay under a
 * driver's limits (rows per INSERT, placeholders per IN list), each with its offset.
 */
export function* batchesOf<T>(items: T[], size: number): Generator<{ batch: T[]; offset: number }> {
  for (let offset = 0; offset < items.length; offset += size) {
    yield { batch: items.slice(offset, offset + size), offset };
  }
}
