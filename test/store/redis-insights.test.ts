import { afterAll, describe } from 'vitest';
import { openRedisInsights } from '../../src/store/insights/redis-insights.js';
import { insightsStoreContract } from './insights/insights-store-contract.js';
import { REDIS_URL, deletePrefix, uniquePrefix } from './redis-helpers.js';

const prefixes: string[] = [];

describe.skipIf(!REDIS_URL)('the Redis insights store (a real redis-server)', () => {
  insightsStoreContract(async () => {
    const prefix = uniquePrefix('insights');
    prefixes.push(prefix);
    return openRedisInsights(REDIS_URL ?? '', { keyPrefix: prefix });
  });
  afterAll(async () => {
    for (const prefix of prefixes) await deletePrefix(REDIS_URL ?? '', prefix);
  });
});
