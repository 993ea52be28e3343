/**
 * What insights keep of one turn: one small JSON line, already redacted. It holds no user id and
 * no conversation key (a short hash of the key links the turns of one conversation), the text only
 * as the privacy guard left it, and the fact names the message stated, never their values.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { feedbackOf } from './feedback.js';
import type { InsightsSink } from './ports.js';
import { STATUSES, platformSchema, type IncomingMessage, type TurnResult } from './types.js';

export const INSIGHT_RECORD_VERSION = 1;

const signalSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('solved') }),
  z.object({ kind: z.literal('flow_done'), flow: z.string(), step: z.string(), success: z.boolean() }),
  z.object({ kind: z.literal('flow_paused'), flow: z.string(), step: z.string() }),
  z.object({ kind: z.literal('reprompt'), misses: z.number() }),
  z.object({ kind: z.literal('fallback') }),
  z.object({ kind: z.literal('feedback_offered') }),
  z.object({ kind: z.literal('no_answer') }),
]);

export const insightRecordSchema = z.object({
  v: z.literal(INSIGHT_RECORD_VERSION),
  /** When the message arrived (epoch ms). */
  at: z.number(),
  /** The conversation: a hash of its key, so its turns can be put together, nothing more. */
  c: z.string().min(1),
  p: platformSchema,
  /** The redacted text of a typed message. */
  text: z.string().optional(),
  /** The button value of a click. */
  action: z.string().optional(),
  intent: z.string().nullable(),
  conf: z.number(),
  label: z.string().optional(),
  flow: z.string().nullable(),
  step: z.string().nullable(),
  facts: z.array(z.string()).optional(),
  status: z.enum(STATUSES).nullable().optional(),
  handoff: z.literal(true).optional(),
  /** The click was a thumbs up or down (on the answer before it). */
  feedback: z.enum(['up', 'down']).optional(),
  signals: z.array(signalSchema).optional(),
  /** The turn failed (the person got an apology). */
  error: z.literal(true).optional(),
});
export type InsightRecord = z.output<typeof insightRecordSchema>;

/** The short, stable stand-in for a conversation key (sha256, 16 hex). */
export function conversationHash(conversationKey: string): string {
  return createHash('sha256').update(conversationKey).digest('hex').slice(0, 16);
}

/**
 * The record of a turn, from the message as the core saw it (text already redacted) and its
 * result. Duplicates and rate-limited turns (no intent, no position, nothing done) are not turns.
 */
export function toInsightRecord(message: IncomingMessage, result: TurnResult): InsightRecord | undefined {
  if (result.duplicate) return undefined;
  const typed = message.text !== undefined;
  // A rate-limited message: nothing was understood or stored, so nothing happened to record.
  if (result.rateLimited || (typed && result.intent === null && result.errorRef === undefined)) return undefined;
  const record: InsightRecord = {
    v: INSIGHT_RECORD_VERSION,
    at: message.receivedAt,
    c: conversationHash(message.conversationKey),
    p: message.platform,
    intent: result.intent,
    conf: Math.round(result.confidence * 1000) / 1000,
    flow: result.flow,
    step: result.step,
  };
  if (typed) record.text = result.redactedText ?? message.text;
  else if (message.action !== undefined) record.action = message.action;
  if (result.label !== undefined) record.label = result.label;
  if (result.facts && result.facts.length > 0) record.facts = result.facts;
  if (result.status) record.status = result.status;
  if (result.handoff) record.handoff = true;
  const feedback = feedbackOf(message.action);
  if (feedback) record.feedback = feedback;
  if (result.signals && result.signals.length > 0) record.signals = result.signals;
  if (result.errorRef !== undefined) record.error = true;
  return record;
}

/**
 * Where insight records are kept: beside the conversations, in the same store (memory, the lowdb
 * folder, Redis). `append` may be called often; readers get records in arrival order per writer.
 */
export interface InsightsStore {
  append(records: readonly InsightRecord[]): Promise<void>;
  /** Every record from `since` (epoch ms) on, in batches; unreadable lines are skipped and counted. */
  read(since: number): AsyncIterable<InsightRecord[]>;
  /** Forgets records older than `before` (epoch ms); returns how many days or entries went. */
  prune(before: number): Promise<number>;
  close(): Promise<void>;
}

export type { InsightsSink };
