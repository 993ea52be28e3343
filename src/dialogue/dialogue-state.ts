/**
 * The dialogue state as stored: plain JSON with a schema version, checked with zod on every load.
 * A state we cannot read is rejected with DialogueStateError (a StoreError), and the pipeline
 * starts the person fresh instead of trapping them.
 */
import { z } from 'zod';
import { StoreError, formatIssuePath } from '../core/errors.js';
import { CARD_NETWORKS, ERROR_KINDS } from '../core/types.js';
import type { FlowDefinition } from './flow-schema.js';

export const DIALOGUE_STATE_VERSION = 1;

export const frameSchema = z.object({
  flow: z.string().min(1),
  step: z.string().min(1),
  slots: z.record(z.string(), z.string()),
  tried: z.array(z.string()),
  /** Steps entered before this one, for "back". */
  history: z.array(z.string()),
  /** Answers that did not fit the current step, in a row (reprompt at most twice). */
  misses: z.number().int().nonnegative(),
  /** Titles of the steps done, for the handoff summary. */
  done: z.array(z.string()),
  /** What the person has told us during this flow: fact keys, `name` or `!name` when denied. */
  facts: z.array(z.string()).default([]),
  /** Facts that have already answered a question of this flow: one statement answers one question. */
  used: z.array(z.string()).default([]),
  /**
   * Facts said as the answer to one of this flow's questions ("the code didn't arrive" at sign-up):
   * they belong to that question and do not carry over to another flow. Facts stated up front do.
   */
  spent: z.array(z.string()).default([]),
});
export type Frame = z.output<typeof frameSchema>;

export const dialogueStateSchema = z.object({
  version: z.literal(DIALOGUE_STATE_VERSION),
  /** The flow in progress, or null. */
  frame: frameSchema.nullable(),
  /** A flow set aside (idle timeout, or switching to another task) that "Resume" restores. */
  paused: frameSchema.nullable(),
  /** Set while a person handles the conversation: the bot stays quiet until handed back. */
  handoff: z.object({ since: z.number(), flow: z.string().nullable() }).nullable(),
  /** Intents offered in "did you mean A or B?", so a typed "the first one" can pick. */
  clarify: z.array(z.string()).nullable(),
  /** The card and error the message asked about named: the task picked then starts with them. */
  clarifyEntities: z.object({ cardNetwork: z.enum(CARD_NETWORKS).optional(), errorKind: z.enum(ERROR_KINDS).optional() }).nullable().default(null),
  /**
   * The last reply ended with a yes/no question of the bot's own ("Shall we carry on with …?"):
   * the button values a bare "yes" or "no" stands for. Older states without it read as null.
   */
  yesNo: z.object({ yes: z.string(), no: z.string() }).nullable().default(null),
  lastActiveAt: z.number(),
  turns: z.number().int().nonnegative(),
  /** The topic (an intent) the bot last answered or worked on: follow-ups are read against it. */
  topic: z.string().nullable().default(null),
  /** The knowledge sections the last reply showed: a follow-up question is searched against them. */
  shown: z.array(z.string()).default([]),
  /** What the person has told us in this conversation (fact keys); a new flow starts from them. */
  facts: z.array(z.string()).default([]),
  /**
   * How the last handoff ended: handed back by staff (with their note for the bot, redacted),
   * closed by staff, or timed out because nobody claimed it. Older states without it read as null.
   */
  handedBack: z.object({ at: z.number(), how: z.enum(['handed_back', 'closed', 'timed_out']), note: z.string().nullable() }).nullable().default(null),
});
export type DialogueState = z.output<typeof dialogueStateSchema>;

export class DialogueStateError extends StoreError {
  constructor(
    readonly field: string,
    problem: string,
  ) {
    super(`stored dialogue state: ${field ? `${field}: ` : ''}${problem}`);
  }
}

export function initialDialogueState(now: number): DialogueState {
  return { version: DIALOGUE_STATE_VERSION, frame: null, paused: null, handoff: null, clarify: null, clarifyEntities: null, yesNo: null, lastActiveAt: now, turns: 0, topic: null, shown: [], facts: [], handedBack: null };
}

/** Validates the shape and that every frame points at a flow and step that still exist. */
export function parseDialogueState(raw: unknown, flows: ReadonlyMap<string, FlowDefinition>): DialogueState {
  const parsed = dialogueStateSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DialogueStateError(issue ? formatIssuePath(issue.path) : '', issue?.message ?? 'unreadable');
  }
  const state = parsed.data;
  for (const key of ['frame', 'paused'] as const) {
    const frame = state[key];
    if (!frame) continue;
    const flow = flows.get(frame.flow);
    if (!flow) throw new DialogueStateError(`${key}.flow`, `unknown flow "${frame.flow}"`);
    if (!flow.steps[frame.step]) throw new DialogueStateError(`${key}.step`, `unknown step "${frame.step}" in flow "${frame.flow}"`);
  }
  return state;
}
