import path from 'node:path';
import type { InsightsStore } from '../../core/insight-record.js';
import type { Logger } from '../../core/logger.js';
import { conversationsDirOf } from '../lowdb-paths.js';
import type { StoreSpec } from '../open-store.js';
import { createMemoryInsights } from './memory-insights.js';
import { openFileInsights } from './file-insights.js';

/** The lowdb store's insights folder: `data/supportbot.json` → `data/supportbot.conversations/insights`. */
export function insightsDirOf(manifestPath: string): string {
  return path.join(conversationsDirOf(path.resolve(manifestPath)), 'insights');
}

/** Insights in the same store as the conversations the spec names. */
export async function openInsightsStore(spec: StoreSpec, options: { logger?: Logger } = {}): Promise<InsightsStore> {
  const logger = options.logger ? { logger: options.logger } : {};
  switch (spec.kind) {
    case 'memory':
      return createMemoryInsights();
    case 'lowdb':
      return openFileInsights(insightsDirOf(spec.path), logger);
    case 'redis': {
      // Loaded only when used, like the Redis store.
      const { openRedisInsights } = await import('./redis-insights.js');
      return openRedisInsights(spec.url, { ...logger, ...(spec.keyPrefix !== undefined ? { keyPrefix: spec.keyPrefix } : {}) });
    }
  }
}
