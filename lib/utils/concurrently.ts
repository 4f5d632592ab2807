/**
 * Runs `run` over `items` with at most `limit` runs in flight at once, in order of the items;
 * resolves when all are done. A run that throws does not stop the others: `run` handles its own
 * failures (each result is reported as it comes).
 */
export async function forEachConcurrently<T>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await run(item).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
