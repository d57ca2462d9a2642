/**
 * `Promise.all(items.map(fn))` with at most `limit` calls in flight, results in input
 * order. A province has up to ~200 units; the client also limits connections, but
 * starting 200 reads at once would hold 200 pending requests (and their timers) in memory.
 */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(`mapBounded: limit must be a whole number ≥ 1, got ${limit}`);
  }
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
