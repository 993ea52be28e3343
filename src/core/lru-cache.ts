/**
 * The project's one bounded cache: least-recently-used eviction past `maxEntries`, and, with
 * `ttlMs`, entries that expire that long after they were last set. Used by the lowdb store (recent
 * conversations), event-id deduplication, Slack thread membership and Discord's long button values.
 * Written here rather than taken from a package: it is 60 lines, and the stores need the explicit
 * clock (`at`) to replay a journal with the times it recorded.
 */
export interface LruCacheOptions {
  maxEntries: number;
  /** Entries expire this long after their last `set`; never when unset. */
  ttlMs?: number;
  now?: () => number;
}

export interface LruCache<V> {
  /** The value, marked as most recently used; undefined when absent or expired. */
  get(key: string, at?: number): V | undefined;
  /** The value without changing its recency. */
  peek(key: string, at?: number): V | undefined;
  /** Stores a value as the most recent, with `at` (default now) as its time; evicts the least recent past the bound. */
  set(key: string, value: V, at?: number): void;
  delete(key: string): void;
  /** Live entries with the time each was set, least recently used first. */
  entries(at?: number): Array<[key: string, value: V, setAt: number]>;
  /** Entries held, expired ones not yet dropped included. */
  readonly size: number;
}

export function createLruCache<V>(options: LruCacheOptions): LruCache<V> {
  const { maxEntries, ttlMs } = options;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError(`a cache needs at least one entry, got ${maxEntries}`);
  const now = options.now ?? Date.now;
  const map = new Map<string, { value: V; at: number }>();
  const expired = (entry: { at: number }, at: number) => ttlMs !== undefined && at - entry.at >= ttlMs;

  /** Drops expired entries from the least recent end (exact when entries are only refreshed by set, as for event ids). */
  function prune(at: number): void {
    if (ttlMs === undefined) return;
    for (const [key, entry] of map) {
      if (!expired(entry, at)) break;
      map.delete(key);
    }
  }

  function live(key: string, at: number) {
    const entry = map.get(key);
    if (entry === undefined) return undefined;
    if (expired(entry, at)) {
      map.delete(key);
      return undefined;
    }
    return entry;
  }

  return {
    get(key, at = now()) {
      const entry = live(key, at);
      if (entry === undefined) return undefined;
      // Map keeps insertion order: re-inserting marks the entry as the most recent.
      map.delete(key);
      map.set(key, entry);
      return entry.value;
    },
    peek: (key, at = now()) => live(key, at)?.value,
    set(key, value, at = now()) {
      map.delete(key);
      map.set(key, { value, at });
      prune(at);
      while (map.size > maxEntries) {
        const oldest = map.keys().next();
        if (oldest.done) break;
        map.delete(oldest.value);
      }
    },
    delete: (key) => void map.delete(key),
    entries(at = now()) {
      prune(at);
      return [...map].filter(([, e]) => !expired(e, at)).map(([key, e]) => [key, e.value, e.at]);
    },
    get size() {
      return map.size;
    },
  };
}
