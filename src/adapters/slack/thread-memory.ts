import { createLruCache } from '../../core/lru-cache.js';
import type { ConversationStore } from '../../core/ports.js';

/**
 * Which channel threads the bot is talking in, so a later reply in such a thread continues the
 * conversation without a new mention. Backed by the conversation store when there is one (it
 * survives restarts and is shared by every instance): a thread is the bot's when it has a record.
 */
export interface ThreadMemory {
  has(conversationKey: string): Promise<boolean>;
  remember(conversationKey: string): Promise<void>;
}

export function storeThreadMemory(store: Pick<ConversationStore, 'get'>): ThreadMemory {
  // Also kept in memory: a mention whose turn failed wrote no record, and its thread is still ours.
  const recent = memoryThreadMemory();
  return {
    has: async (key) => (await recent.has(key)) || (await store.get(key)) !== undefined,
    remember: (key) => recent.remember(key),
  };
}

/** Without a store: this process only, the most recent `limit` threads. */
export function memoryThreadMemory(limit = 10_000): ThreadMemory {
  const keys = createLruCache<true>({ maxEntries: limit });
  return {
    has: async (key) => keys.get(key) === true,
    remember: async (key) => keys.set(key, true),
  };
}
