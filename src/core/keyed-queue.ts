/**
 * Runs tasks one at a time per key, in arrival order, and different keys concurrently.
 * This is the in-process half of "two messages at once are handled in order, none dropped".
 */
export function createKeyedQueue(): { run<T>(key: string, fn: () => Promise<T>): Promise<T>; pending(): number } {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, fn: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(fn, fn);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    pending: () => tails.size,
  };
}
