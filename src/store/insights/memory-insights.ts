import type { InsightRecord, InsightsStore } from '../../core/insight-record.js';
import { READ_BATCH } from './insight-lines.js';

/** Insights kept in this process (tests, `--store memory`). */
export function createMemoryInsights(): InsightsStore & { readonly records: readonly InsightRecord[] } {
  let records: InsightRecord[] = [];
  return {
    get records() {
      return records;
    },
    async append(batch) {
      records.push(...batch.map((r) => structuredClone(r)));
    },
    async *read(since) {
      const kept = records.filter((r) => r.at >= since);
      for (let i = 0; i < kept.length; i += READ_BATCH) yield kept.slice(i, i + READ_BATCH);
    },
    async prune(before) {
      const count = records.length;
      records = records.filter((r) => r.at >= before);
      return count - records.length;
    },
    async close() {},
  };
}
