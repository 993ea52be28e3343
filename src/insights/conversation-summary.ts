/**
 * One conversation's turns → how it went. Outcomes, in this order: handed to a person; resolved by
 * the person's word (they said it is sorted, a flow ended on their "yes, it worked", or a thumbs
 * up not taken back); left inside a flow (abandoned at that step, or still in progress within the idle time); only out of
 * scope; ended on a message the bot could not follow (fallback); otherwise answered.
 */
import type { InsightRecord } from '../core/insight-record.js';

export const OUTCOMES = ['resolved', 'handoff', 'abandoned', 'in_progress', 'out_of_scope', 'fallback', 'answered'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Intents that carry no topic: a conversation of only these and out_of_scope is out of scope. */
const SMALL_TALK = new Set(['greeting', 'thanks', 'goodbye', 'affirm', 'deny', 'help', 'cancel']);

/** What one flow visit of a conversation came to (for the funnel). */
export interface FlowVisit {
  flow: string;
  /** Steps the person rested at (was asked), in order, each once. */
  steps: string[];
  ended: 'finished' | 'completed' | 'handoff' | 'dropped';
}

export interface ConversationSummary {
  id: string;
  platform: string;
  start: number;
  end: number;
  turns: number;
  outcome: Outcome;
  /** Where the person was when they left, for `abandoned` and `in_progress`. */
  at?: { flow: string; step: string };
  /** One per rated answer: the last of thumbs clicked one after the other. */
  feedback: Array<{ at: number; value: 'up' | 'down' }>;
  flows: FlowVisit[];
}

export const isFallback = (r: InsightRecord): boolean => r.signals?.some((s) => s.kind === 'fallback' || s.kind === 'no_answer' || s.kind === 'reprompt') === true;

const resolvedBy = (r: InsightRecord): boolean =>
  r.feedback === 'up' || r.signals?.some((s) => s.kind === 'solved' || (s.kind === 'flow_done' && s.success)) === true;

/** Turns sorted by time (instances append in batches, so one conversation's turns may interleave). */
export function summarise(turns: InsightRecord[], now: number, idleMs: number): ConversationSummary {
  turns.sort((a, b) => a.at - b.at);
  const first = turns[0];
  const last = turns[turns.length - 1];
  if (!first || !last) throw new Error('a conversation has at least one turn');
  // Thumbs clicked one after the other rate the same answer: the last click is what the person meant.
  const feedback: ConversationSummary['feedback'] = [];
  turns.forEach((t, i) => {
    if (!t.feedback) return;
    if (turns[i - 1]?.feedback) feedback.pop();
    feedback.push({ at: t.at, value: t.feedback });
  });
  return {
    id: first.c,
    platform: first.p,
    start: first.at,
    end: last.at,
    turns: turns.length,
    ...outcomeOf(turns, now, idleMs),
    feedback,
    flows: flowVisits(turns),
  };
}

function outcomeOf(turns: readonly InsightRecord[], now: number, idleMs: number): { outcome: Outcome; at?: { flow: string; step: string } } {
  if (turns.some((t) => t.handoff)) return { outcome: 'handoff' };
  let resolved = false;
  for (const t of turns) {
    if (resolvedBy(t)) resolved = true;
    // A thumbs down after the person's "it worked" takes it back.
    if (t.feedback === 'down') resolved = false;
  }
  if (resolved) return { outcome: 'resolved' };
  const last = turns[turns.length - 1];
  // A last turn that ended or put aside its flow is not a conversation left inside it.
  const closing = last?.signals?.some((s) => s.kind === 'flow_done' || s.kind === 'flow_paused') === true;
  if (last?.flow && last.step && !closing) return { outcome: now - last.at < idleMs ? 'in_progress' : 'abandoned', at: { flow: last.flow, step: last.step } };
  const typed = turns.filter((t) => t.text !== undefined && !t.error);
  const topics = typed.filter((t) => t.intent !== null && !SMALL_TALK.has(t.intent));
  if (topics.length > 0 && topics.every((t) => t.intent === 'out_of_scope')) return { outcome: 'out_of_scope' };
  const lastTyped = typed[typed.length - 1];
  if (lastTyped && isFallback(lastTyped)) return { outcome: 'fallback' };
  return { outcome: 'answered' };
}

/** Where a conversation is while a person handles it (the dialogue's handoff position): not a flow. */
const WITH_STAFF_FLOW = 'contact_support';

/**
 * Each flow a conversation went into: the steps the person was asked, and how it ended. A flow
 * set aside and resumed later is one visit; one that started and finished within a turn has only its last step.
 */
export function flowVisits(turns: readonly InsightRecord[]): FlowVisit[] {
  const visits: FlowVisit[] = [];
  let current: FlowVisit | undefined;
  for (const t of turns) {
    const done = t.signals?.find((s) => s.kind === 'flow_done');
    const ended = done?.kind === 'flow_done' ? { flow: done.flow, as: done.success ? ('finished' as const) : ('completed' as const) } : undefined;
    // The turn that ends a flow reports the step it ended at ("fixed"): the visit's last step.
    const endStep = ended && t.flow === ended.flow ? t.step : null;
    if (current && ended?.flow === current.flow) {
      if (endStep && !current.steps.includes(endStep)) current.steps.push(endStep);
      current.ended = ended.as;
      current = undefined;
    } else if (ended) {
      visits.push({ flow: ended.flow, steps: endStep ? [endStep] : [], ended: ended.as });
    }
    if (endStep) continue;
    if (current && t.flow !== current.flow) {
      if (t.handoff) current.ended = 'handoff';
      current = undefined;
    }
    if (!current && t.flow && t.step && t.flow !== WITH_STAFF_FLOW) {
      const resumed = visits.find((v) => v.flow === t.flow && v.ended === 'dropped');
      if (resumed) current = resumed;
      else visits.push((current = { flow: t.flow, steps: [], ended: 'dropped' }));
    }
    if (current && t.step && !current.steps.includes(t.step)) current.steps.push(t.step);
  }
  return visits;
}
