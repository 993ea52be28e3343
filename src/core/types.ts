import { z } from 'zod';
import type { IntentName } from './intents.js';
import type { TurnSignal } from './ports.js';

/** Where a message came from. `replay` is the transcript replayer, `json` the chat --json protocol. */
export const platformSchema = z.enum(['console', 'json', 'slack', 'discord', 'replay']);
export type Platform = z.output<typeof platformSchema>;

/**
 * What every adapter hands to the core: transport details stripped away.
 * Exactly one of `text` (a typed message) or `action` (a button value) is set.
 */
export const incomingMessageSchema = z
  .object({
    platform: platformSchema,
    conversationKey: z.string().min(1),
    userId: z.string().min(1),
    text: z.string().optional(),
    action: z.string().optional(),
    /** Platform event id, used to answer a retried event only once. */
    eventId: z.string().min(1),
    /** Epoch milliseconds. */
    receivedAt: z.number().int().nonnegative(),
  })
  .refine((m) => (m.text === undefined) !== (m.action === undefined), {
    message: 'exactly one of text or action must be set',
  });
export type IncomingMessage = z.output<typeof incomingMessageSchema>;

/**
 * Where a message that held a secret now stands, as the adapter reports it: `removed` (the bot
 * deleted it), `shared` (others in the channel can still see it and the bot may not delete it),
 * `private` (a direct message the bot cannot delete). The core words its privacy notice from this.
 */
export const messageExposureSchema = z.enum(['removed', 'shared', 'private']);
export type MessageExposure = z.output<typeof messageExposureSchema>;

export const buttonSchema = z.object({ label: z.string().min(1), value: z.string().min(1) });
export type Button = z.output<typeof buttonSchema>;

/** Where a stated fact comes from: the source guide, the knowledge section id, its title. */
export const citationSchema = z.object({ source: z.string(), section: z.string(), title: z.string() });
export type Citation = z.output<typeof citationSchema>;

/** A redacted summary for staff when the person is handed to a human. */
export const handoffSummarySchema = z.object({
  reason: z.string(),
  problem: z.string(),
  flow: z.string().nullable(),
  stepsTried: z.array(z.string()),
  userId: z.string(),
  conversationKey: z.string(),
  platform: platformSchema,
});
export type HandoffSummary = z.output<typeof handoffSummarySchema>;

/** One bot message, platform-neutral. Adapters render it (Block Kit, components, terminal). */
export const replySchema = z.object({
  text: z.string(),
  buttons: z.array(buttonSchema),
  citations: z.array(citationSchema),
});
export type Reply = z.output<typeof replySchema>;

export interface RankedIntent {
  intent: IntentName;
  confidence: number;
}

export const CARD_NETWORKS = ['visa', 'mastercard', 'jcb', 'discover', 'amex', 'unionpay', 'diners', 'maestro', 'other'] as const;
export type CardNetwork = (typeof CARD_NETWORKS)[number];

/** The kinds of trouble a person reports; the decline diagnosis branches on these. */
export const ERROR_KINDS = [
  'insufficient_funds',
  'limit',
  'flagged',
  'verification_required',
  'card_not_supported',
  'technical',
  'currency',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface Entities {
  cardNetwork?: CardNetwork;
  errorKind?: ErrorKind;
  /** ISO 4217 code, upper case. */
  currency?: string;
  amount?: number;
}

/** What the person says about how things went, when the message says anything about it. */
export const STATUSES = ['solved', 'still_failing', 'will_act_elsewhere', 'leaving'] as const;
export type Status = (typeof STATUSES)[number];

/**
 * Something the person stated about their situation, from the fact catalogue (intents/facts/):
 * `error.insufficient_funds`, `setup.sms_code_missing`, … `negated` when they state the opposite
 * ("I do have the money"); `value` for facts that carry one (a count, a card network).
 */
export interface Fact {
  name: string;
  negated: boolean;
  value?: string;
  /** Index of the clause of the message it was read in. */
  clause: number;
  /** Read in a clause that asks ("after it is linked, how much can I pay?"): told in passing, not reported. */
  inQuestion?: true;
}

/**
 * What the conversation was about just before this message: understanding reads short follow-ups
 * ("how do I raise it?") against it. Pure data the dialogue gives the NLU; never hidden state.
 */
export interface UnderstandingContext {
  /** The topic (an intent name) the bot last answered or worked on. */
  topic: IntentName | null;
  flow: string | null;
  step: string | null;
}

export const NO_CONTEXT: UnderstandingContext = Object.freeze({ topic: null, flow: null, step: null });

/** The understanding of a message that states nothing beyond its intent (fakes, button clicks). */
export const NOTHING_STATED = Object.freeze({ facts: [] as Fact[], asksQuestion: false, status: null, topic: null, followUp: 0 }) satisfies Pick<
  NluResult,
  'facts' | 'asksQuestion' | 'status' | 'topic' | 'followUp'
>;

/** What the NLU says about one utterance. Pure data; no I/O produced it. */
export interface NluResult {
  intent: IntentName;
  confidence: number;
  /** All intents, best first; confidences sum to about 1. */
  ranking: RankedIntent[];
  entities: Entities;
  /** The finer sub-intent the classifier picked (e.g. `out_of_scope.atm`), when it has one. */
  label?: string;
  /** Facts the message states, in the order they were read. */
  facts: Fact[];
  /** The message asks something to be answered (not an answer to our question, not a report). */
  asksQuestion: boolean;
  status: Status | null;
  /**
   * The topic this message is about, context included: its intent when it names one, the
   * previous topic for a follow-up that leans on it, null for conversation and out-of-scope.
   */
  topic: IntentName | null;
  /** How much the message leans on the previous turn (0..1): "and if that fails?" is near 1. */
  followUp: number;
}

/** What one turn produced; the chat --json protocol prints a projection of this. */
export interface TurnResult {
  conversationKey: string;
  userId: string;
  platform: Platform;
  intent: IntentName | null;
  confidence: number;
  flow: string | null;
  step: string | null;
  replies: Reply[];
  citations: Citation[];
  handoff: boolean;
  handoffSummary?: HandoffSummary;
  /** True when the event id had been seen before: nothing was done, and nothing should be sent. */
  duplicate: boolean;
  /** The redacted text the core worked on (what logs and transcripts may keep). */
  redactedText?: string;
  /** Short kinds of secrets found in the message, e.g. ['card_number']; never the secrets. */
  redactions: string[];
  /** Set when the turn failed and the person got an apology. */
  errorRef?: string;
  /** With errorRef: the name of the error (e.g. StoreUnavailableError), for metrics; never its message. */
  errorKind?: string;
  /** True when the message was over the per-user rate limit: nothing was done. */
  rateLimited?: boolean;
  /** The fact names the message stated (`!name` when denied), for insights; never values or text. */
  facts?: string[];
  /** What the person said about how it went, when the message said anything about it. */
  status?: Status | null;
  /** The sub-intent the classifier picked (e.g. `out_of_scope.atm`), when it has one. */
  label?: string;
  /** What the dialogue and the knowledge stage noticed in this turn (insights); see TurnSignal. */
  signals?: TurnSignal[];
}
