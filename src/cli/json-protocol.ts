import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { MAX_ACTION_LENGTH } from '../core/input-limits.js';
import type { IncomingMessage, TurnResult } from '../core/types.js';

const MAX_ID = 256;
const id = (field: string) =>
  z.string().min(1, `${field} must be a non-empty string`).max(MAX_ID, `${field} must be at most ${MAX_ID} characters`);

/**
 * One input line of `chat --json`. `id` is an optional event id for deduplication. Every field has a
 * size limit (the text is cut by the bot itself; the whole line is at most MAX_LINE_BYTES).
 */
export const jsonInputSchema = z
  .object({
    user: id('user'),
    text: z.string().optional(),
    action: z.string().min(1, 'action must be a non-empty string').max(MAX_ACTION_LENGTH, `action must be at most ${MAX_ACTION_LENGTH} characters`).optional(),
    conversation: id('conversation').optional(),
    id: id('id').optional(),
  })
  .refine((v) => (v.text === undefined) !== (v.action === undefined), { message: 'give exactly one of "text" or "action"' });
export type JsonInput = z.output<typeof jsonInputSchema>;

export interface JsonOutput {
  user: string;
  intent: string | null;
  confidence: number;
  flow: string | null;
  step: string | null;
  replies: Array<{ text: string; buttons: Array<{ label: string; value: string }> }>;
  citations: Array<{ source: string; section: string; title: string }>;
  handoff: boolean;
  duplicate?: true;
}

/** Parses one protocol line; returns an error message instead of throwing. */
export function parseJsonLine(line: string): { ok: true; input: JsonInput } | { ok: false; error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return { ok: false, error: 'not valid JSON: send one JSON object per line, e.g. {"user":"u1","text":"hello"}' };
  }
  const parsed = jsonInputSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    return { ok: false, error: `invalid input: ${where}${issue?.message ?? 'unknown problem'}` };
  }
  return { ok: true, input: parsed.data };
}

export function toIncomingMessage(input: JsonInput, now: number): IncomingMessage {
  const base = {
    platform: 'json' as const,
    conversationKey: `cli:${input.conversation ?? input.user}`,
    userId: input.user,
    eventId: input.id ?? randomUUID(),
    receivedAt: now,
  };
  return input.action !== undefined ? { ...base, action: input.action } : { ...base, text: input.text ?? '' };
}

/** The output object, with exactly the contract's fields (plus `duplicate` on a repeated id). */
export function toJsonOutput(result: TurnResult): JsonOutput {
  const out: JsonOutput = {
    user: result.userId,
    intent: result.intent,
    confidence: Math.round(result.confidence * 1000) / 1000,
    flow: result.flow,
    step: result.step,
    replies: result.replies.map((r) => ({ text: r.text, buttons: r.buttons.map((b) => ({ label: b.label, value: b.value })) })),
    citations: result.citations.map((c) => ({ source: c.source, section: c.section, title: c.title })),
    handoff: result.handoff,
  };
  if (result.duplicate) out.duplicate = true;
  return out;
}
