import { describe, expect, it } from 'vitest';
import { conversationHash, toInsightRecord, type InsightRecord, type InsightsStore } from '../../src/core/insight-record.js';
import type { IncomingMessage, TurnResult } from '../../src/core/types.js';
import { createInsightsRecorder } from '../../src/insights/recorder.js';
import { createMemoryInsights } from '../../src/store/insights/memory-insights.js';

const message = (fields: Partial<IncomingMessage> = {}): IncomingMessage => ({ platform: 'slack', conversationKey: 'slack:T1:C1:123.4', userId: 'U123', text: 'my card [card number] failed', eventId: 'e1', receivedAt: 1000, ...fields });
const result = (fields: Partial<TurnResult> = {}): TurnResult => ({
  conversationKey: 'slack:T1:C1:123.4',
  userId: 'U123',
  platform: 'slack',
  intent: 'payment_declined',
  confidence: 0.91234,
  flow: 'payment_declined',
  step: 'ask_cause',
  replies: [],
  citations: [],
  handoff: false,
  duplicate: false,
  redactions: ['card_number'],
  redactedText: 'my card [card number] failed',
  facts: ['error.no_reason'],
  status: null,
  ...fields,
});

describe('the record of a turn', () => {
  it('keeps the redacted text, intent, confidence, position and fact names, and no user or conversation key', () => {
    const r = toInsightRecord(message(), result());
    expect(r).toEqual({ v: 1, at: 1000, c: conversationHash('slack:T1:C1:123.4'), p: 'slack', text: 'my card [card number] failed', intent: 'payment_declined', conf: 0.912, flow: 'payment_declined', step: 'ask_cause', facts: ['error.no_reason'] });
    expect(JSON.stringify(r)).not.toMatch(/U123|C1:123/);
  });

  it('notes a thumbs click as feedback', () => {
    expect(toInsightRecord(message({ text: undefined, action: 'feedback:down' }), result({ intent: null }))).toMatchObject({ action: 'feedback:down', feedback: 'down' });
  });

  it('skips a duplicate event and a rate-limited message: nothing happened', () => {
    expect(toInsightRecord(message(), result({ duplicate: true }))).toBeUndefined();
    expect(toInsightRecord(message(), result({ intent: null, flow: null, step: null }))).toBeUndefined();
  });
});

describe('the insights recorder', () => {
  it('buffers turns and writes them in one batch', async () => {
    const store = createMemoryInsights();
    const appends: number[] = [];
    const recorder = createInsightsRecorder({ store: { ...store, append: (b) => (appends.push(b.length), store.append(b)) }, retentionDays: 30, flushIntervalMs: 60_000 });
    for (let i = 0; i < 5; i++) recorder.recordTurn(message({ eventId: `e${i}` }), result());
    expect(store.records).toHaveLength(0);
    await recorder.flush();
    expect(appends).toEqual([5]);
    expect(store.records).toHaveLength(5);
    await recorder.close();
  });

  it('keeps the records while the store fails, and writes them once it works again', async () => {
    const inner = createMemoryInsights();
    let failing = true;
    const store: InsightsStore = { ...inner, append: async (b: readonly InsightRecord[]) => (failing ? Promise.reject(new Error('disk full')) : inner.append(b)) };
    const recorder = createInsightsRecorder({ store, retentionDays: 30, flushIntervalMs: 60_000 });
    recorder.recordTurn(message(), result());
    await recorder.flush();
    recorder.recordTurn(message({ eventId: 'e2' }), result());
    failing = false;
    await recorder.flush();
    expect(inner.records).toHaveLength(2);
    await recorder.close();
  });

  it('drops records older than the retention at start', async () => {
    const store = createMemoryInsights();
    const now = 100 * 86_400_000;
    await store.append([toInsightRecord(message({ receivedAt: now - 40 * 86_400_000 }), result()) as InsightRecord, toInsightRecord(message({ receivedAt: now - 86_400_000 }), result()) as InsightRecord]);
    const recorder = createInsightsRecorder({ store, retentionDays: 30, now: () => now });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(store.records.map((r) => r.at)).toEqual([now - 86_400_000]);
    await recorder.close();
  });

  it('never throws into a turn, even for a result it cannot read', async () => {
    const recorder = createInsightsRecorder({ store: createMemoryInsights(), retentionDays: 1 });
    expect(() => recorder.recordTurn(message(), null as unknown as TurnResult)).not.toThrow();
    await recorder.close();
  });
});
