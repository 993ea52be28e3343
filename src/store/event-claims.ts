import { createLruCache } from '../core/lru-cache.js';

/**
 * Event ids seen recently, with a time to live and a size bound (oldest forgotten first).
 * Slack retries within about 5 minutes and Discord replays on resume, so an hour is plenty.
 */
export interface EventClaims {
  /** True the first time an id is seen within the TTL. */
  claim(eventId: string, at: number): boolean;
  /** Records an id seen at `at` (replaying a journal). */
  remember(eventId: string, at: number): void;
  /** Forgets an id (its event was refused and may be retried). */
  forget(eventId: string): void;
  /** Live entries, oldest first. */
  entries(now: number): Array<[string, number]>;
  readonly size: number;
}

export interface EventClaimsOptions {
  ttlMs: number;
  maxEntries: number;
}

export function createEventClaims(options: EventClaimsOptions): EventClaims {
  const seen = createLruCache<true>(options);
  return {
    claim(eventId, at) {
      if (seen.peek(eventId, at)) return false;
      seen.set(eventId, true, at);
      return true;
    },
    remember: (eventId, at) => seen.set(eventId, true, at),
    forget: (eventId) => seen.delete(eventId),
    entries: (now) => seen.entries(now).map(([id, , at]) => [id, at]),
    get size() {
      return seen.size;
    },
  };
}
