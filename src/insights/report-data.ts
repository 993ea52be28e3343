/**
 * Stored insight records → the report's numbers: the contract fields of `report --json`
 * (conversations, handoffs, containmentRate, fallbackRate, feedback, misunderstood; extend, never
 * rename) and the series the charts draw.
 */
import type { InsightRecord } from '../core/insight-record.js';
import { OUTCOMES, isFallback, summarise, type ConversationSummary, type Outcome } from './conversation-summary.js';
import { groupMisunderstood, misunderstoodIn, type GroupOptions, type MisunderstoodGroup, type MisunderstoodItem, type TextModel } from './misunderstood.js';

/** A flow as the funnel shows it: its steps in the order a person meets them. */
export interface FlowOutline {
  id: string;
  title: string;
  steps: string[];
}

export interface DayRow {
  day: string;
  conversations: number;
  handoffs: number;
  resolved: number;
  typedTurns: number;
  fallbackTurns: number;
  up: number;
  down: number;
}

export interface FunnelRow {
  flow: string;
  title: string;
  /** Conversations that went into the flow. */
  started: number;
  /** Ended on the person's "yes, it worked"; ended another way (e.g. "I'll contact them"); handed over. */
  finished: number;
  completed: number;
  handoff: number;
  steps: Array<{ step: string; reached: number; dropped: number }>;
}

export interface ReportData {
  generatedAt: string;
  since: string;
  conversations: number;
  turns: number;
  handoffs: number;
  containmentRate: number;
  handoffRate: number;
  resolvedRate: number;
  fallbackRate: number;
  feedback: { up: number; down: number; offered: number };
  outcomes: Record<Outcome, number>;
  abandonedAt: Array<{ flow: string; step: string; count: number }>;
  perDay: DayRow[];
  intents: Array<{ intent: string; count: number; meanConfidence: number }>;
  funnels: FunnelRow[];
  misunderstood: Array<Omit<MisunderstoodGroup, 'texts'> & { texts?: string[] }>;
  misunderstoodMessages: number;
  misunderstoodDistinct: number;
}

export interface BuildReportOptions {
  since: number;
  now: number;
  /** A conversation whose last turn is this recent, inside a flow, is in progress rather than abandoned (default 30 min). */
  idleMs?: number;
  flows: readonly FlowOutline[];
  model: TextModel;
  grouping?: GroupOptions;
}

const rate = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);
/** The UTC day of a time, cached per day number: formatting a date per turn was a tenth of the report's time. */
const days = new Map<number, string>();
function dayOf(at: number): string {
  const n = Math.floor(at / 86_400_000);
  let day = days.get(n);
  if (day === undefined) days.set(n, (day = new Date(n * 86_400_000).toISOString().slice(0, 10)));
  return day;
}

/** Reads every record from `since`, puts each conversation's turns together, and counts. */
export async function buildReportData(batches: AsyncIterable<readonly InsightRecord[]>, options: BuildReportOptions): Promise<ReportData> {
  const byConversation = new Map<string, InsightRecord[]>();
  let turns = 0;
  for await (const batch of batches) {
    for (const record of batch) {
      if (record.at < options.since) continue;
      turns++;
      const list = byConversation.get(record.c);
      if (list) list.push(record);
      else byConversation.set(record.c, [record]);
    }
  }

  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  const dayRows = new Map<string, DayRow>();
  const row = (at: number): DayRow => {
    const day = dayOf(at);
    let r = dayRows.get(day);
    if (!r) dayRows.set(day, (r = { day, conversations: 0, handoffs: 0, resolved: 0, typedTurns: 0, fallbackTurns: 0, up: 0, down: 0 }));
    return r;
  };
  const intents = new Map<string, { count: number; confidence: number }>();
  const abandoned = new Map<string, { flow: string; step: string; count: number }>();
  const funnels = new Map(options.flows.map((f) => [f.id, emptyFunnel(f)]));
  const misunderstood: MisunderstoodItem[] = [];
  let typedTurns = 0;
  let fallbackTurns = 0;
  let offered = 0;
  const feedback = { up: 0, down: 0 };

  for (const list of byConversation.values()) {
    const summary = summarise(list, options.now, options.idleMs ?? 30 * 60_000);
    outcomes[summary.outcome]++;
    const startRow = row(summary.start);
    startRow.conversations++;
    if (summary.outcome === 'handoff') startRow.handoffs++;
    if (summary.outcome === 'resolved') startRow.resolved++;
    if (summary.outcome === 'abandoned' && summary.at) {
      const key = `${summary.at.flow}\0${summary.at.step}`;
      const a = abandoned.get(key) ?? { ...summary.at, count: 0 };
      a.count++;
      abandoned.set(key, a);
    }
    countFeedback(summary, row, feedback);
    addToFunnels(summary, funnels);
    for (const t of list) {
      if (t.signals?.some((s) => s.kind === 'feedback_offered')) offered++;
      if (t.text === undefined || t.error) continue;
      typedTurns++;
      row(t.at).typedTurns++;
      if (isFallback(t)) {
        fallbackTurns++;
        row(t.at).fallbackTurns++;
      }
      if (t.intent) {
        const i = intents.get(t.intent) ?? { count: 0, confidence: 0 };
        i.count++;
        i.confidence += t.conf;
        intents.set(t.intent, i);
      }
    }
    misunderstood.push(...misunderstoodIn(list));
  }

  const grouped = groupMisunderstood(misunderstood, options.model, options.grouping);
  const conversations = byConversation.size;
  return {
    generatedAt: new Date(options.now).toISOString(),
    since: new Date(options.since).toISOString(),
    conversations,
    turns,
    handoffs: outcomes.handoff,
    containmentRate: rate(conversations - outcomes.handoff, conversations),
    handoffRate: rate(outcomes.handoff, conversations),
    resolvedRate: rate(outcomes.resolved, conversations),
    fallbackRate: rate(fallbackTurns, typedTurns),
    feedback: { ...feedback, offered },
    outcomes,
    abandonedAt: [...abandoned.values()].sort((a, b) => b.count - a.count),
    perDay: [...dayRows.values()].sort((a, b) => (a.day < b.day ? -1 : 1)),
    intents: [...intents]
      .map(([intent, i]) => ({ intent, count: i.count, meanConfidence: Math.round((i.confidence / i.count) * 1000) / 1000 }))
      .sort((a, b) => b.count - a.count || (a.intent < b.intent ? -1 : 1)),
    funnels: [...funnels.values()],
    misunderstood: grouped.groups,
    misunderstoodMessages: misunderstood.length,
    misunderstoodDistinct: grouped.distinct,
  };
}

/** Each rated answer counts once (see ConversationSummary.feedback), on the day it was rated. */
function countFeedback(summary: ConversationSummary, row: (at: number) => DayRow, totals: { up: number; down: number }): void {
  for (const click of summary.feedback) {
    totals[click.value]++;
    row(click.at)[click.value]++;
  }
}

function emptyFunnel(flow: FlowOutline): FunnelRow {
  return { flow: flow.id, title: flow.title, started: 0, finished: 0, completed: 0, handoff: 0, steps: flow.steps.map((step) => ({ step, reached: 0, dropped: 0 })) };
}

function addToFunnels(summary: ConversationSummary, funnels: Map<string, FunnelRow>): void {
  const seen = new Set<string>();
  for (const visit of summary.flows) {
    const funnel = funnels.get(visit.flow);
    if (!funnel) continue;
    if (!seen.has(visit.flow)) funnel.started++;
    seen.add(visit.flow);
    if (visit.ended === 'finished') funnel.finished++;
    else if (visit.ended === 'completed') funnel.completed++;
    else if (visit.ended === 'handoff') funnel.handoff++;
    for (const step of visit.steps) {
      const s = funnel.steps.find((x) => x.step === step);
      if (s) s.reached++;
    }
    const last = visit.steps.at(-1);
    const stop = last === undefined ? undefined : funnel.steps.find((x) => x.step === last);
    if (visit.ended === 'dropped' && stop) stop.dropped++;
  }
}
