/**
 * supportbot: the composition root, the one place that wires the parts together,
 * and the public API, from common to expert.
 */
import { createLogger, silentLogger, type Logger } from './core/logger.js';
import type { DestinationStream } from 'pino';
import { redactLogLine } from './privacy/log-redaction.js';
import type { ConversationStore, DialoguePolicy, InputCleaner, IntentClassifier, KnowledgeBase, PrivacyGuard } from './core/ports.js';
import { createTurnPipeline, type TurnPipeline, type TurnPipelineOptions } from './core/turn-pipeline.js';
import { createDialoguePolicy, type DialoguePolicyOptions } from './dialogue/dialogue-policy.js';
import { loadKnowledgeBase, type LoadKnowledgeOptions } from './knowledge/load-knowledge.js';
import { loadClassifier, type LoadClassifierOptions } from './nlu/load-classifier.js';
import { createPrivacyGuard } from './privacy/privacy-guard.js';
import { createInputCleaner } from './privacy/input-cleaner.js';
import { createRateLimiter, type RateLimiter } from './core/rate-limiter.js';
import { createRedisRateLimiter } from './store/redis-rate-limiter.js';
import type { RedisStore } from './store/redis-store.js';
import { openStore, type StoreSpec } from './store/open-store.js';
import { createTranscriptRecorder, type TranscriptRecorder } from './transcripts/recorder.js';
import type { InsightsStore } from './core/insight-record.js';
import { createInsightsRecorder, type InsightsRecorder } from './insights/recorder.js';
import { openInsightsStore } from './store/insights/open-insights.js';

export interface SupportbotOptions {
  store?: StoreSpec | ConversationStore;
  logger?: Logger;
  logLevel?: string;
  now?: () => number;
  classifier?: LoadClassifierOptions;
  knowledge?: LoadKnowledgeOptions;
  dialogue?: DialoguePolicyOptions;
  onTurn?: TurnPipelineOptions['onTurn'];
  /**
   * Turns one user may take per minute before a polite "slow down" (default: no limit; serve uses
   * RATE_LIMIT_PER_MINUTE). Counted in Redis when the store is Redis, so every instance shares it.
   */
  rateLimitPerMinute?: number;
  /** A limiter of your own instead (overrides rateLimitPerMinute). */
  rateLimiter?: RateLimiter;
  /** Opt-in: write redacted transcripts of every conversation to this folder. */
  recordDir?: string;
  /** Platforms whose handoffs reach staff; see TurnPipelineOptions.staffPlatforms. */
  staffPlatforms?: TurnPipelineOptions['staffPlatforms'];
  /**
   * Record insights (outcomes, feedback, what was misunderstood) in the same store as the
   * conversations, or in `store` when given; records older than `retentionDays` are dropped.
   */
  insights?: { retentionDays: number; store?: InsightsStore; flushIntervalMs?: number };
}

export interface Supportbot extends TurnPipeline {
  readonly parts: {
    /** Input hygiene, so replays and adapters built from these parts see what the bot sees. */
    cleaner: InputCleaner;
    privacy: PrivacyGuard;
    nlu: IntentClassifier;
    dialogue: DialoguePolicy;
    knowledge: KnowledgeBase;
    store: ConversationStore;
    logger: Logger;
    /** Set when insights are recorded. */
    insights?: InsightsRecorder;
  };
  /** With recordDir: the recorder, so the live agent can add staff turns to the transcripts. */
  readonly recorder?: TranscriptRecorder;
  close(): Promise<void>;
}

/** The bot's logger: JSON lines on stderr (or `destination`), every line run through the privacy guard first. */
export function createSupportbotLogger(level = 'info', destination?: DestinationStream): Logger {
  return createLogger({ level, redactLine: redactLogLine, ...(destination ? { destination } : {}) });
}

function isStore(value: StoreSpec | ConversationStore): value is ConversationStore {
  return typeof (value as ConversationStore).withLock === 'function';
}

/** Loads the model, the knowledge base and the store, and returns a ready bot core. */
export async function createSupportbot(options: SupportbotOptions = {}): Promise<Supportbot> {
  const logger = options.logger ?? (options.logLevel ? createSupportbotLogger(options.logLevel) : silentLogger());
  const storeOption = options.store ?? { kind: 'memory' };
  const [nlu, knowledge, store] = await Promise.all([
    loadClassifier(options.classifier),
    loadKnowledgeBase(options.knowledge),
    isStore(storeOption) ? Promise.resolve(storeOption) : openStore(storeOption, { logger }),
  ]);
  const privacy = createPrivacyGuard();
  const cleaner = createInputCleaner();
  const dialogue = createDialoguePolicy(options.dialogue ?? {}) as DialoguePolicy;
  const recorder = options.recordDir ? createTranscriptRecorder({ dir: options.recordDir }) : undefined;
  const insights = options.insights ? await startInsights(options.insights, storeOption, logger) : undefined;
  const listeners: Array<NonNullable<TurnPipelineOptions['onTurn']>> = [options.onTurn, recorder?.onTurn, insights ? insights.recordTurn : undefined].filter((l) => l !== undefined);
  const onTurn: TurnPipelineOptions['onTurn'] = async (message, result) => {
    for (const listener of listeners) await listener(message, result);
  };
  const pipeline = createTurnPipeline({
    cleaner,
    privacy,
    nlu,
    dialogue,
    knowledge,
    store,
    logger,
    ...(options.now ? { now: options.now } : {}),
    ...rateLimiterFor(options, store, logger),
    ...(listeners.length > 0 ? { onTurn } : {}),
    ...(options.staffPlatforms ? { staffPlatforms: options.staffPlatforms } : {}),
  });
  return {
    handle: (message, hooks) => pipeline.handle(message, hooks),
    parts: { cleaner, privacy, nlu, dialogue, knowledge, store, logger, ...(insights ? { insights } : {}) },
    ...(recorder ? { recorder } : {}),
    close: async () => {
      await insights?.close();
      await store.close();
    },
  };
}

function isRedisStore(store: ConversationStore): store is RedisStore {
  return 'client' in store && typeof (store as RedisStore).keyPrefix === 'string';
}

/** The limiter a bot gets: its own, else one per RATE_LIMIT_PER_MINUTE, shared through Redis when the store is Redis. */
function rateLimiterFor(options: SupportbotOptions, store: ConversationStore, logger: Logger): { rateLimiter?: RateLimiter } {
  if (options.rateLimiter) return { rateLimiter: options.rateLimiter };
  const limit = options.rateLimitPerMinute;
  if (limit === undefined) return {};
  if (isRedisStore(store)) return { rateLimiter: createRedisRateLimiter({ client: store.client, limit, keyPrefix: store.keyPrefix, logger }) };
  return { rateLimiter: createRateLimiter({ limit, ...(options.now ? { now: options.now } : {}) }) };
}

/** Insights in the same store as the conversations (a store object passed in keeps them in memory). */
async function startInsights(settings: NonNullable<SupportbotOptions['insights']>, store: StoreSpec | ConversationStore, logger: Logger): Promise<InsightsRecorder> {
  const insightsStore = settings.store ?? (await openInsightsStore(isStore(store) ? { kind: 'memory' } : store, { logger }));
  return createInsightsRecorder({
    store: insightsStore,
    retentionDays: settings.retentionDays,
    logger,
    ...(settings.flushIntervalMs !== undefined ? { flushIntervalMs: settings.flushIntervalMs } : {}),
  });
}

export * from './core/types.js';
export * from './core/intents.js';
export * from './core/errors.js';
export type * from './core/ports.js';
export { createTurnPipeline, type TurnHooks, type TurnPipeline, type TurnPipelineOptions } from './core/turn-pipeline.js';
export { createConversationRunner, type ConversationRunner, type ConversationRunnerOptions, type RunOutcome, type RunnerStage, type StageContext, type TurnDelivery } from './core/conversation-runner.js';
export type { ErrorStage, RunnerEventBus, RunnerEvents, TurnRef } from './core/runner-events.js';
export { trackAdapterStatus, type Adapter, type AdapterState, type AdapterStatus } from './core/adapter.js';
export { AdapterError, createErrorBoundary, type AdapterErrorHandler, type ErrorBoundary } from './core/error-boundary.js';
export { silentLogger, type Logger } from './core/logger.js';
export { createLiveAgent, DEFAULT_CLAIM_TIMEOUT_MS, type LiveAgent, type LiveAgentOptions, type LiveRecord } from './core/live-agent/live-agent.js';
export type { StaffDesk, StaffPost, StaffThread } from './core/live-agent/desk.js';
export type { StaffAction, StaffMessage, StaffOutcome, StaffVerb } from './core/live-agent/staff-input.js';
export type { StoreSpec } from './store/open-store.js';
