/**
 * What the ConversationRunner announces, for metrics, readiness, insights and tests. Payloads hold
 * ids, counts and the core's (already redacted) TurnResult, never what a person typed.
 */
import type { AdapterStatus } from './adapter.js';
import type { EventBus } from './event-bus.js';
import type { HandoffSummary, IncomingMessage, Platform, TurnResult } from './types.js';

/** A message as events see it: who and where, never the text. */
export interface TurnRef {
  platform: Platform;
  conversationKey: string;
  userId: string;
  eventId: string;
  /** A typed message or a button click. */
  kind: 'text' | 'action';
  /** When the adapter received it (epoch ms): orders a conversation's messages across instances. */
  receivedAt?: number;
}

export function turnRefOf(message: IncomingMessage): TurnRef {
  return {
    platform: message.platform,
    conversationKey: message.conversationKey,
    userId: message.userId,
    eventId: message.eventId,
    kind: message.action === undefined ? 'text' : 'action',
    receivedAt: message.receivedAt,
  };
}

/** Where an error happened: in the core's turn, posting replies, telling staff, a runner stage, or an adapter's listener. */
export type ErrorStage = 'turn' | 'deliver' | 'staff' | 'stage' | 'listener';

export interface RunnerEvents {
  /** The conversation's queue reached this message. `queuedMs`: how long it waited behind earlier ones. */
  'turn:started': { turn: TurnRef; queuedMs: number };
  /** The core answered (replies not yet delivered). `durationMs` covers the core's turn only. */
  'turn:finished': { turn: TurnRef; result: TurnResult; durationMs: number };
  /** The event id had been seen before (a platform retry): nothing was done. */
  'turn:duplicate': { turn: TurnRef };
  /** The replies were posted. `durationMs` covers the posting only. */
  delivered: { turn: TurnRef; replies: number; durationMs: number };
  /** A handoff summary reached the staff channel. */
  'staff:notified': { turn: TurnRef; summary: HandoffSummary };
  /** Something failed; the person got an apology or nothing, and the runner carried on. */
  error: { stage: ErrorStage; error: unknown; turn?: TurnRef; adapter?: string; listener?: string };
  /** The live agent opened, claimed, relayed for or ended a session (docs/live-agent.md); never text. */
  live: { event: 'opened' | 'claimed' | 'staff_said' | 'handed_back' | 'closed' | 'expired'; platform: Platform; conversationKey: string };
  /** An adapter's connection changed (see Adapter.status()). */
  'adapter:status': { adapter: string; status: AdapterStatus };
}

export type RunnerEventBus = EventBus<RunnerEvents>;
