import type { ConversationStore } from '../core/ports.js';
import { openLowdbStore } from './lowdb-store.js';
import { createMemoryStore } from './memory-store.js';
import { openRedisStore } from './redis-store.js';

export type StoreSpec = { kind: 'memory' } | { kind: 'lowdb'; path: string } | { kind: 'redis'; url: string };

export async function openStore(spec: StoreSpec): Promise<ConversationStore> {
  switch (spec.kind) {
    case 'memory':
      return createMemoryStore();
    case 'lowdb':
      return openLowdbStore(spec.path);
    case 'redis':
      return openRedisStore(spec.url);
  }
}
