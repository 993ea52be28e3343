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
  const seen = new Map<string, number>();
  const prune = (now: number) => {
    // Insertion order is time order, so expired entries sit at the front.
    for (const [id, at] of seen) {
      if (now - at < options.ttlMs && seen.size <= options.maxEntries) break;
      seen.delete(id);
    }
  };
  const remember = (id: string, at: number) => {
    seen.delete(id);
    seen.set(id, at);
  };
  return {
    claim(eventId, at) {
      prune(at);
      const previous = seen.get(eventId);
      if (previous !== undefined && at - previous < options.ttlMs) return false;
      remember(eventId, at);
      prune(at);
      return true;
    },
    remember,
    forget(eventId) {
      seen.delete(eventId);
    },
    entries(now) {
      prune(now);
      return [...seen];
    },
    get size() {
      return seen.size;
    },
  };
}
