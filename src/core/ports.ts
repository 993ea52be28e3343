/**
 * The seams of a turn (docs/architecture.md): each stage is an interface here, so the pipeline can be
 * wired with real parts in src/index.ts and with small fakes in tests.
 */
import type { Button, Citation, IncomingMessage, MessageExposure, NluResult, TurnResult, UnderstandingContext } from './types.js';

/** Privacy guard: runs first; everything after it sees only the redacted text. */
export interface PrivacyGuard {
  redact(text: string): Redaction;
  /**
   * Redacts one typed message of a conversation, also catching a card number split over this
   * message and the previous one (privacy/split-card-memory.ts). Optional: without it, redact().
   */
  redactMessage?(conversationKey: string, eventId: string, text: string, at: number): Redaction;
}
export interface Redaction {
  text: string;
  /** Kinds found, e.g. ['card_number', 'cvv']; never the values. */
  findings: string[];
}

/**
 * Input hygiene: runs before the privacy guard. Normalises what platforms and people send
 * (control and zero-width characters, very long text) and notes what the dialogue should know.
 */
export interface InputCleaner {
  clean(text: string): CleanedInput;
}
export type InputNote = 'empty' | 'truncated' | 'non_english' | 'emoji_only';
export interface CleanedInput {
  text: string;
  notes: InputNote[];
}

/** NLU: pure, no I/O. The context (previous topic, flow, step) helps read short follow-ups. */
export interface IntentClassifier {
  parse(text: string, context?: UnderstandingContext): NluResult;
}

/** What the dialogue step sees of a message (already redacted). */
export interface DialogueInput {
  message: Pick<IncomingMessage, 'platform' | 'conversationKey' | 'userId' | 'text' | 'action' | 'receivedAt'>;
  /** null when the message was a button click. */
  nlu: NluResult | null;
  /** Secrets found in this message by the privacy guard (kinds only). */
  redactions: string[];
  /** What the adapter could do about a message with a secret (deleted it, or not); unset when nothing was done. */
  exposure?: MessageExposure;
  /** What input hygiene noticed (empty, truncated, not English, emoji only). */
  notes: InputNote[];
  /**
   * Whether staff watch this channel (a handoff channel is configured for its platform). Without
   * them a handoff is a referral and the bot does not go quiet.
   */
  staffAvailable: boolean;
  now: number;
}

/**
 * Effects the pure dialogue step asks for. The pipeline's knowledge stage turns them into Reply[].
 * Facts are never written in flows: a flow names a knowledge section and the text comes from there.
 */
export type Effect =
  | { type: 'say'; text: string; buttons?: Button[] }
  | { type: 'say_section'; section: string; intro?: string; buttons?: Button[] }
  /**
   * ifFound: say nothing when nothing good enough is found (an answer beside a flow that carries on).
   * otherwise: say this instead of the "no reliable answer" line when nothing good enough is found
   * (with `section`, that section follows the text, cited). widerContext: when nothing is found in
   * `context`, the search is tried once more in this one (a question mid-task: what was just shown
   * first, then the whole task's topic).
   */
  | { type: 'answer'; query: string; buttons?: Button[]; intents?: string[]; context?: SearchContext; facts?: string[]; ifFound?: boolean; otherwise?: { text: string; section?: string; buttons?: Button[] }; widerContext?: SearchContext }
  | { type: 'handoff'; reason: string; problem: string; stepsTried: string[]; flow: string | null };

export interface StepResult<S> {
  state: S;
  effects: Effect[];
  /** What happened in this turn, for insights (never shown to the person); see TurnSignal. */
  signals?: TurnSignal[];
}

/**
 * What a turn tells insights beside its replies. From the dialogue: how things went in the
 * person's own word (`solved`, a flow finished by their answer), what it could not follow
 * (`reprompt`, `fallback`), feedback offered. From the knowledge stage: `no_answer` (nothing good enough to say).
 */
export type TurnSignal =
  | { kind: 'solved' }
  | { kind: 'flow_done'; flow: string; step: string; success: boolean }
  /** The task was put aside at this step, to be resumed later ("I'll call my bank and come back"). */
  | { kind: 'flow_paused'; flow: string; step: string }
  | { kind: 'reprompt'; misses: number }
  | { kind: 'fallback' }
  | { kind: 'feedback_offered' }
  | { kind: 'no_answer' };

/**
 * Where insights go (src/insights/): one call per turn, on the turn's path, so it must be cheap
 * (buffer, write later) and must never throw.
 */
export interface InsightsSink {
  recordTurn(message: IncomingMessage, result: TurnResult): void;
}

/** The dialogue policy: a pure step over a JSON-serialisable state. */
export interface DialoguePolicy<S = unknown> {
  initialState(now: number): S;
  /** Validates stored state (zod); throws a StoreError-compatible error when it cannot be used. */
  parseState(raw: unknown): S;
  step(state: S, input: DialogueInput): StepResult<S>;
  /** Where the conversation is, for the protocol's `flow` and `step` fields. */
  position(state: S): { flow: string | null; step: string | null };
  /**
   * What the NLU should know of the conversation so far (the topic just discussed, flow and step);
   * none when absent. `now`: a conversation idle for long starts fresh, so it has no context then.
   */
  context?(state: S, now: number): UnderstandingContext;
  /** The state after the replies were resolved: what they showed (a follow-up is searched against it). */
  remember?(state: S, citations: readonly Citation[]): S;
}

export interface KnowledgeSection {
  /** Stable id: `article#section`. */
  id: string;
  articleId: string;
  title: string;
  text: string;
  /** The source guide the facts come from. */
  source: string;
  intents: string[];
}

export interface ScoredSection {
  section: KnowledgeSection;
  score: number;
  /**
   * Set on the second result when it is a second part of the answer rather than an alternative
   * (a fee question that needs both the card issuer's fee and the exchange rate): an answer then
   * shows the first two results, each cited.
   */
  partOfAnswer?: boolean;
}

/**
 * What the conversation was just about, so a follow-up ("how do I top it up?") resolves against
 * it. Filled by the dialogue from its state; every field is optional.
 */
export interface SearchContext {
  /** The intent of the topic just discussed, e.g. "tour_pass". */
  topic?: string;
  /** Ids of the sections just shown. */
  sections?: string[];
}

export interface SearchOptions {
  limit?: number;
  /** Sections related to these intents rank higher. */
  intents?: string[];
  context?: SearchContext;
  /**
   * Facts the message states (`security.unknown_charge`, `!card.international_enabled` for a
   * denial): sections about one of them rank higher, so "a 45 dollar payment to a shop I don't
   * know" gets the fraud answer.
   */
  facts?: readonly string[];
}

export interface KnowledgeBase {
  section(id: string): KnowledgeSection | undefined;
  /** Best first; empty when nothing scores above the floor. */
  search(query: string, options?: SearchOptions): ScoredSection[];
}

/** The sections an answer shows: the best result, and the second when it is a second part of the answer. */
export function answerShown(results: readonly ScoredSection[]): ScoredSection[] {
  const [first, second] = results;
  if (!first) return [];
  return second?.partOfAnswer ? [first, second] : [first];
}

export function citationOf(section: KnowledgeSection): Citation {
  return { source: section.source, section: section.id, title: section.title };
}

/** A stored conversation. `state` is the dialogue state, validated by the policy on load. */
export interface ConversationRecord {
  key: string;
  /** Incremented on every write; writes are compare-and-set on it. */
  version: number;
  state: unknown;
  updatedAt: number;
}

export interface ConversationStore {
  get(key: string): Promise<ConversationRecord | undefined>;
  /** Writes `record` if the stored version is still `expectedVersion` (0 = new); else VersionConflictError. */
  put(record: ConversationRecord, expectedVersion: number): Promise<void>;
  /** Runs `fn` holding the conversation's lock, so turns of one conversation never interleave. */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  /** True the first time an event id is seen, false for a repeat (Slack retries, Discord replays). */
  claimEvent(eventId: string): Promise<boolean>;
  /** Forgets a claimed event id, so a retry of an event that was refused (rate limited) is answered. */
  releaseEvent?(eventId: string): Promise<void>;
  /** Resolves when the store can serve a turn now (readiness); rejects with the reason otherwise. */
  ping?(): Promise<void>;
  /**
   * A small map of durable records under `namespace` (e.g. Slack installations): no expiry, shared
   * by every instance on the same store. Optional: stores without it cannot keep such records.
   */
  records?(namespace: string): DurableRecords;
  close(): Promise<void>;
}

/** Durable JSON records by key; values are validated by whoever reads them. */
export interface DurableRecords {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}
