import type { Logger } from '../core/logger.js';
import type { ConversationStore } from '../core/ports.js';
import { createMemoryStore } from './memory-store.js';

export type StoreSpec =
  | { kind: 'memory' }
  | { kind: 'lowdb'; path: string }
  | { kind: 'redis'; url: string; keyPrefix?: string; idleTtlMs?: number };

export interface OpenStoreOptions {
  logger?: Logger;
}

export async function openStore(spec: StoreSpec, options: OpenStoreOptions = {}): Promise<ConversationStore> {
  const logger = options.logger ? { logger: options.logger } : {};
  switch (spec.kind) {
    case 'memory':
      return createMemoryStore();
    case 'lowdb': {
      // Loaded only when used, like Redis below: a memory store needs neither.
      const { openLowdbStore } = await import('./lowdb-store.js');
      return openLowdbStore(spec.path, logger);
    }
    case 'redis': {
      // Loaded only when used: ioredis adds about 0.2 s to every start otherwise.
      const { openRedisStore } = await import('./redis-store.js');
      return openRedisStore(spec.url, {
        ...logger,
        ...(spec.keyPrefix !== undefined ? { keyPrefix: spec.keyPrefix } : {}),
        ...(spec.idleTtlMs !== undefined ? { idleTtlMs: spec.idleTtlMs } : {}),
      });
    }
  }
}
