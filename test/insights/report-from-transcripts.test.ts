import { beforeAll, describe, expect, it } from 'vitest';
import { flowOutlines } from '../../src/cli/insights/report-context.js';
import type { InsightRecord } from '../../src/core/insight-record.js';
import { buildReportData, type ReportData } from '../../src/insights/report-data.js';
import { createMemoryInsights } from '../../src/store/insights/memory-insights.js';
import { replayIntoInsights, type Replayed } from './replay-into-insights.js';
import { realTextModel } from './test-model.js';

const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);
const START = Date.parse('2026-01-05T09:00:00Z');

describe('the report, after replaying every transcript into a store', () => {
  let replayed: Replayed;
  let data: ReportData;
  let records: readonly InsightRecord[];

  beforeAll(async () => {
    const insights = createMemoryInsights();
    replayed = await replayIntoInsights(insights);
    records = insights.records;
    data = await buildReportData(insights.read(0), { since: 0, now: START + 30 * 86_400_000, flows: flowOutlines(), model: await realTextModel() });
  }, 120_000);

  it('replays every transcript as written (the recorder changes nothing the person sees)', () => {
    const failed = replayed.transcripts.filter((t) => !t.result.passed).map((t) => t.file);
    expect(failed).toEqual([]);
  });

  it('counts one conversation per transcript, on the day it was replayed', () => {
    expect(data.conversations).toBe(replayed.transcripts.length);
    const perDay = new Map<string, number>();
    for (const t of replayed.transcripts) {
      const day = dayOf(START + t.dayOffset + 1000 + (t.transcript.turns[0]?.after ?? 0));
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    // A conversation resumed the next day ("after: 20h") adds that day with turns and no new conversation.
    for (const t of replayed.transcripts) {
      const lastTurn = START + t.dayOffset + 1000 + t.transcript.turns.reduce((sum, turn) => sum + (turn.after ?? 0), 0);
      if (!perDay.has(dayOf(lastTurn))) perDay.set(dayOf(lastTurn), 0);
    }
    expect(Object.fromEntries(data.perDay.map((d) => [d.day, d.conversations]))).toEqual(Object.fromEntries(perDay));
    expect([...perDay.values()].filter((n) => n > 0)).toHaveLength(7);
  });

  it('counts every turn, and every typed message by its intent', () => {
    // A staff member's message or claim is relayed, not a turn of the bot's; a hand-back, a close
    // and a claim timeout are (the bot answers the person).
    const turns = replayed.transcripts.reduce((n, t) => n + t.transcript.turns.filter((turn) => turn.staff === undefined && turn.claim === undefined).length, 0);
    const typed = replayed.transcripts.reduce((n, t) => n + t.transcript.turns.filter((turn) => turn.user !== undefined).length, 0);
    expect(data.turns).toBe(turns);
    expect(data.intents.reduce((n, i) => n + i.count, 0)).toBe(typed);
    // Wherever a transcript pins a turn's intent, the chart counts it under that intent.
    const pinned = new Map<string, number>();
    for (const t of replayed.transcripts) for (const turn of t.transcript.turns) if (turn.user !== undefined && turn.expect?.intent) pinned.set(turn.expect.intent, (pinned.get(turn.expect.intent) ?? 0) + 1);
    for (const [intent, count] of pinned) expect(data.intents.find((i) => i.intent === intent)?.count ?? 0, intent).toBeGreaterThanOrEqual(count);
  });

  it('counts as handed to a person exactly the transcripts that hand off, and the containment rate from them', () => {
    const handedOff = replayed.transcripts.filter((t) => t.transcript.turns.some((turn) => turn.expect?.handoff === true)).length;
    expect(handedOff).toBeGreaterThan(0);
    expect(data.handoffs).toBe(handedOff);
    expect(data.outcomes.handoff).toBe(handedOff);
    expect(data.containmentRate).toBeCloseTo((data.conversations - handedOff) / data.conversations, 4);
  });

  it('gives every conversation exactly one outcome', () => {
    expect(Object.values(data.outcomes).reduce((a, b) => a + b, 0)).toBe(data.conversations);
    // Replayed a month before the report: nobody is still in progress.
    expect(data.outcomes.in_progress).toBe(0);
  });

  it('marks as resolved the conversations that end on the person saying it worked', () => {
    const fixed = replayed.transcripts.find((t) => t.file.endsWith('declined-funds-fixed.yaml'));
    expect(fixed).toBeDefined();
    expect(data.outcomes.resolved).toBeGreaterThanOrEqual(1);
    const funnel = data.funnels.find((f) => f.flow === 'payment_declined');
    expect(funnel?.finished).toBeGreaterThanOrEqual(1);
  });

  it('counts, per flow and step, at least every transcript that pins that step', () => {
    const pinned = new Map<string, Set<string>>();
    for (const t of replayed.transcripts) {
      for (const turn of t.transcript.turns) {
        const { flow, step } = turn.expect ?? {};
        if (!flow || !step || flow === 'contact_support') continue;
        const key = `${flow}/${step}`;
        if (!pinned.has(key)) pinned.set(key, new Set());
        pinned.get(key)?.add(t.file);
      }
    }
    expect(pinned.size).toBeGreaterThan(10);
    for (const [key, files] of pinned) {
      const [flow, step] = key.split('/');
      const row = data.funnels.find((f) => f.flow === flow)?.steps.find((s) => s.step === step);
      expect(row?.reached ?? 0, key).toBeGreaterThanOrEqual(files.size);
    }
    // A step's "stopped here" never exceeds how many reached it.
    for (const f of data.funnels) for (const s of f.steps) expect(s.dropped).toBeLessThanOrEqual(s.reached);
  });

  it('counts every thumbs up and down the transcripts click', () => {
    const clicks = (label: string) => replayed.transcripts.reduce((n, t) => n + t.transcript.turns.filter((turn) => turn.click === label).length, 0);
    expect(clicks('👍 Helpful')).toBeGreaterThan(0);
    expect(clicks('👎 Not helpful')).toBeGreaterThan(0);
    expect(data.feedback.up).toBe(clicks('👍 Helpful'));
    expect(data.feedback.down).toBe(clicks('👎 Not helpful'));
    expect(data.perDay.reduce((n, d) => n + d.up, 0)).toBe(data.feedback.up);
    // A thumbs down marks the answer's question as misunderstood.
    expect(data.misunderstood.some((g) => (g.reasons.thumbs_down ?? 0) > 0)).toBe(true);
  });

  it('computes the fallback rate from the turns the bot could not follow', () => {
    const fallbacks = records.filter((r) => r.text !== undefined && r.signals?.some((s) => ['fallback', 'no_answer', 'reprompt'].includes(s.kind))).length;
    expect(fallbacks).toBeGreaterThan(0);
    expect(data.fallbackRate).toBeCloseTo(fallbacks / data.intents.reduce((n, i) => n + i.count, 0), 4);
  });

  it('lists the message that was reprompted twice among the misunderstood, with the intent the model now gives', () => {
    const t = replayed.transcripts.find((x) => x.file.endsWith('skills-reprompt-twice-then-alternatives.yaml'));
    const typed = (t?.transcript.turns ?? []).filter((turn) => turn.user !== undefined).map((turn) => turn.user ?? '');
    const listed = data.misunderstood.flatMap((g) => g.texts ?? []);
    expect(typed.some((text) => listed.includes(text))).toBe(true);
    for (const g of data.misunderstood) expect(g.suggestedIntent).toMatch(/^[a-z_]+$/);
    expect(data.misunderstoodMessages).toBeGreaterThanOrEqual(data.misunderstood.reduce((n, g) => n + g.count, 0));
  });
});
