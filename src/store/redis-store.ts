import type { ConversationStore } from '../core/ports.js';
import { createMemoryStore } from './memory-store.js';

export interface RedisStoreOptions {
  now?: () => number;
}

// PLACEHOLDER (issue 10): the Redis store.
export async function openRedisStore(_url: string, _options: RedisStoreOptions = {}): Promise<ConversationStore> {
  return createMemoryStore();
}
