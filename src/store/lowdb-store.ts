import type { ConversationStore } from '../core/ports.js';
import { createMemoryStore } from './memory-store.js';

export interface LowdbStoreOptions {
  now?: () => number;
}

// PLACEHOLDER (issue 9/11): the lowdb store on real files.
export async function openLowdbStore(_path: string, _options: LowdbStoreOptions = {}): Promise<ConversationStore> {
  return createMemoryStore();
}
