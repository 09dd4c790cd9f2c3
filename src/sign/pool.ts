/**
 * Runs `fn` over `items` with at most `limit` in flight; results keep the input order.
 * After the first failure no new item starts; once the running ones settle, that failure is
 * thrown (so nothing keeps working in the background after we report).
 * A function `limit` is read before each new item: when it drops, the workers above it stop
 * taking items (adaptive back-off, see github/limit.ts).
 */
export async function mapLimit<T, R>(
  items: readonly T[],
  limit: number | { readonly value: number },
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  let firstError: unknown;
  const cap = () => (typeof limit === 'number' ? limit : limit.value);
  async function worker(w: number): Promise<void> {
    while (!failed && next < items.length && w < cap()) {
      const i = next++;
      try {
        results[i] = await fn(items[i], i);
      } catch (e) {
        if (!failed) firstError = e;
        failed = true;
      }
    }
  }
  const workers = Array.from({ length: Math.min(Math.max(cap(), 1), items.length) }, (_, w) =>
    worker(w),
  );
  await Promise.all(workers);
  if (failed) throw firstError;
  return results;
}
