import { Redis } from 'ioredis';
import type { InsightRecord, InsightsStore } from '../../core/insight-record.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { dayOf, dayStart, linesByDay, parseInsightLine, READ_BATCH } from './insight-lines.js';

export interface RedisInsightsOptions {
  keyPrefix?: string;
  logger?: Logger;
  timeoutMs?: number;
}

/**
 * Insights in Redis, shared by every instance: one list per UTC day (`<prefix>insights:<day>`,
 * RPUSH in one pipeline per batch) and a set of the days (`<prefix>insights:days`). Retention
 * deletes whole days. Its own connection, so a slow report never holds up a turn's commands.
 */
export async function openRedisInsights(url: string, options: RedisInsightsOptions = {}): Promise<InsightsStore> {
  const logger = options.logger ?? silentLogger();
  const prefix = `${options.keyPrefix ?? 'supportbot:'}insights:`;
  const daysKey = `${prefix}days`;
  const timeoutMs = options.timeoutMs ?? 5000;
  const client = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 1,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    retryStrategy: (attempt) => Math.min(100 * 2 ** Math.min(attempt, 5), 2000),
  });
  client.on('error', (error: Error) => logger.debug({ err: error.message }, 'insights: redis error'));
  await client.connect();
  const days = async (): Promise<string[]> => (await client.smembers(daysKey)).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();

  return {
    async append(records) {
      if (records.length === 0) return;
      const pipeline = client.pipeline();
      for (const [day, lines] of linesByDay(records)) {
        pipeline.sadd(daysKey, day);
        pipeline.rpush(`${prefix}${day}`, ...lines);
      }
      const results = (await pipeline.exec()) ?? [];
      const failed = results.find(([error]) => error);
      if (failed?.[0]) throw failed[0];
    },
    async *read(since) {
      const first = dayOf(since);
      let skipped = 0;
      for (const day of await days()) {
        if (day < first) continue;
        const key = `${prefix}${day}`;
        for (let start = 0; ; start += READ_BATCH) {
          const lines = await client.lrange(key, start, start + READ_BATCH - 1);
          const batch: InsightRecord[] = [];
          for (const line of lines) {
            const record = parseInsightLine(line);
            if (!record) skipped++;
            else if (record.at >= since) batch.push(record);
          }
          if (batch.length > 0) yield batch;
          if (lines.length < READ_BATCH) break;
        }
      }
      if (skipped > 0) logger.warn({ skipped }, `insights in Redis: skipped ${skipped} unreadable entries`);
    },
    async prune(before) {
      let dropped = 0;
      for (const day of await days()) {
        if (dayStart(day) + 86_400_000 > before) continue;
        await client.multi().del(`${prefix}${day}`).srem(daysKey, day).exec();
        dropped++;
      }
      return dropped;
    },
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
