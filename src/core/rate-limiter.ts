export interface RateLimiterOptions {
  /** Turns allowed per key within one window. */
  limit: number;
  /** The sliding window (default one minute). */
  windowMs?: number;
  now?: () => number;
}

/** The per-user limit. In this process (createRateLimiter), or shared by every instance through Redis. */
export interface RateLimiter {
  /** Counts a turn for `key` and returns true, or returns false (and counts nothing) when over the limit. */
  take(key: string): boolean | Promise<boolean>;
  /**
   * After a refused take(): true once per window, for the one "slow down" notice; false for the
   * messages refused after it, which are dropped without a reply (a flood gets one notice, not one
   * per message). A turn taken again starts over.
   */
  notice(key: string): boolean | Promise<boolean>;
}

/** The in-process limiter answers at once. */
export interface LocalRateLimiter extends RateLimiter {
  take(key: string): boolean;
  notice(key: string): boolean;
}

/**
 * A sliding-window limiter: a key may take `limit` turns in any `windowMs`. Refused turns are not
 * counted, so someone who pauses is served again as soon as their oldest turn leaves the window.
 * Keys idle for a whole window are swept, so memory follows the number of active people.
 */
export function createRateLimiter(options: RateLimiterOptions): LocalRateLimiter {
  const { limit } = options;
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`rate limit must be a whole number above 0, got ${limit}`);
  const windowMs = options.windowMs ?? 60_000;
  const now = options.now ?? Date.now;
  const seen = new Map<string, number[]>();
  const noticed = new Map<string, number>();
  let nextSweep = now() + windowMs;

  function sweep(at: number): void {
    for (const [key, times] of seen) if ((times.at(-1) ?? -Infinity) <= at - windowMs) seen.delete(key);
    for (const [key, when] of noticed) if (when <= at - windowMs) noticed.delete(key);
    nextSweep = at + windowMs;
  }

  return {
    take(key) {
      const at = now();
      if (at >= nextSweep) sweep(at);
      const times = seen.get(key) ?? [];
      while (times.length > 0 && (times[0] ?? 0) <= at - windowMs) times.shift();
      if (times.length >= limit) return false;
      times.push(at);
      seen.set(key, times);
      noticed.delete(key);
      return true;
    },
    notice(key) {
      const at = now();
      const last = noticed.get(key);
      if (last !== undefined && at - last < windowMs) return false;
      noticed.set(key, at);
      return true;
    },
  };
}
