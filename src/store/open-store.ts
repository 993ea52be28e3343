import type { ConversationStore } from '../core/ports.js';
import { createMemoryStore } from './memory-store.js';

export type StoreSpec = { kind: 'memory' } | { kind: 'lowdb'; path: string } | { kind: 'redis'; url: string };

// PLACEHOLDER for lowdb and Redis (issues 9/10/11 fill these in): memory for now.
export async function openStore(spec: StoreSpec): Promise<ConversationStore> {
  switch (spec.kind) {
    case 'memory':
    case 'lowdb':
    case 'redis':
      return createMemoryStore();
  }
}
