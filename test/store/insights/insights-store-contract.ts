import { expect, it } from 'vitest';
import type { InsightRecord, InsightsStore } from '../../../src/core/insight-record.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T10:00:00Z');
export const record = (at: number, c = 'c1', fields: Partial<InsightRecord> = {}): InsightRecord => ({ v: 1, at, c, p: 'slack', text: 'my card was declined', intent: 'payment_declined', conf: 0.9, flow: null, step: null, ...fields });

async function readAll(store: InsightsStore, since = 0): Promise<InsightRecord[]> {
  const out: InsightRecord[] = [];
  for await (const batch of store.read(since)) out.push(...batch);
  return out;
}

/** What every insights store (memory, lowdb folder, Redis) must do. */
export function insightsStoreContract(open: () => Promise<InsightsStore>): void {
  it('gives back what was appended, whole, from a given time on', async () => {
    const store = await open();
    const records = [record(T0), record(T0 + 1, 'c2', { signals: [{ kind: 'flow_done', flow: 'link_card', step: 'card_linked', success: true }], facts: ['card.visa'] }), record(T0 + 2 * DAY, 'c1', { feedback: 'up', text: undefined, action: 'feedback:up' })];
    await store.append(records.slice(0, 2));
    await store.append(records.slice(2));
    expect(await readAll(store)).toEqual(records);
    expect(await readAll(store, T0 + 1)).toEqual(records.slice(1));
    await store.close();
  });

  it('reads many records in batches, across days', async () => {
    const store = await open();
    const many = Array.from({ length: 12_345 }, (_, i) => record(T0 + i * 60_000, `c${i % 500}`));
    await store.append(many);
    const batches: number[] = [];
    let total = 0;
    for await (const batch of store.read(0)) {
      batches.push(batch.length);
      total += batch.length;
    }
    expect(total).toBe(many.length);
    expect(Math.max(...batches)).toBeLessThanOrEqual(5000);
    await store.close();
  });

  it('forgets whole days older than the retention cut, and keeps the rest', async () => {
    const store = await open();
    await store.append([record(T0 - 40 * DAY), record(T0 - 31 * DAY), record(T0 - DAY), record(T0)]);
    const dropped = await store.prune(T0 - 30 * DAY);
    expect(dropped).toBe(2);
    expect((await readAll(store)).map((r) => r.at)).toEqual([T0 - DAY, T0]);
    await store.close();
  });
}
