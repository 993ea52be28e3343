import type { ConversationRecord, ConversationStore, DurableRecords } from '../core/ports.js';
import { StoreError, VersionConflictError } from '../core/errors.js';
import { createKeyedQueue } from '../core/keyed-queue.js';
import { createLruCache } from '../core/lru-cache.js';

export interface MemoryStoreOptions {
  /** How long an event id is remembered for deduplication. */
  eventTtlMs?: number;
  now?: () => number;
}

/** Keeps everything in this process; for tests, replay and `--store memory`. */
export function createMemoryStore(options: MemoryStoreOptions = {}): ConversationStore & { size(): number } {
  const records = new Map<string, ConversationRecord>();
  const now = options.now ?? Date.now;
  const events = createLruCache<true>({ maxEntries: 100_000, ttlMs: options.eventTtlMs ?? 24 * 60 * 60 * 1000, now });
  const queue = createKeyedQueue();
  const namespaces = new Map<string, Map<string, unknown>>();
  const recordsOf = (namespace: string): DurableRecords => {
    const map = namespaces.get(namespace) ?? new Map<string, unknown>();
    namespaces.set(namespace, map);
    return {
      get: async (key) => structuredClone(map.get(key)),
      set: async (key, value) => void map.set(key, structuredClone(value)),
      delete: async (key) => void map.delete(key),
    };
  };

  return {
    async get(key) {
      const r = records.get(key);
      return r ? structuredClone(r) : undefined;
    },
    async put(record, expectedVersion) {
      if (!Number.isInteger(record.version) || record.version <= expectedVersion) {
        throw new StoreError(`conversation ${record.key}: a write must raise the version above ${expectedVersion}, got ${record.version}`);
      }
      const found = records.get(record.key)?.version ?? 0;
      if (found !== expectedVersion) throw new VersionConflictError(record.key, expectedVersion, found);
      records.set(record.key, structuredClone(record));
    },
    withLock: (key, fn) => queue.run(key, fn),
    async claimEvent(eventId) {
      if (events.peek(eventId)) return false;
      events.set(eventId, true);
      return true;
    },
    async releaseEvent(eventId) {
      events.delete(eventId);
    },
    async ping() {},
    records: recordsOf,
    async close() {},
    size: () => records.size,
  };
}
