import { performance } from 'node:perf_hooks';
import type { ConversationStore } from '../core/ports.js';

type Timer = (operation: string, outcome: 'ok' | 'error', seconds: number) => void;

/**
 * The same store, with each call timed (get, put, claimEvent, releaseEvent, ping, and the wait for a
 * conversation's lock). Every other property is kept as it is, so callers that look for a Redis
 * client or a lowdb folder still find it.
 */
export function instrumentStore<S extends ConversationStore>(store: S, time: Timer): S {
  const timed =
    <A extends unknown[], R>(operation: string, fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const started = performance.now();
      try {
        const result = await fn(...args);
        time(operation, 'ok', (performance.now() - started) / 1000);
        return result;
      } catch (error) {
        time(operation, 'error', (performance.now() - started) / 1000);
        throw error;
      }
    };
  return {
    ...store,
    get: timed('get', (key: string) => store.get(key)),
    put: timed('put', (record: Parameters<S['put']>[0], expected: number) => store.put(record, expected)),
    claimEvent: timed('claim_event', (id: string) => store.claimEvent(id)),
    ...(store.releaseEvent ? { releaseEvent: timed('release_event', (id: string) => store.releaseEvent!(id)) } : {}),
    ...(store.ping ? { ping: timed('ping', () => store.ping!()) } : {}),
    withLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
      // The lock's wait is timed up to the moment the work starts inside it.
      const started = performance.now();
      let entered = false;
      return store
        .withLock(key, () => {
          entered = true;
          time('lock', 'ok', (performance.now() - started) / 1000);
          return fn();
        })
        .catch((error: unknown) => {
          if (!entered) time('lock', 'error', (performance.now() - started) / 1000);
          throw error;
        });
    },
    close: () => store.close(),
  };
}
