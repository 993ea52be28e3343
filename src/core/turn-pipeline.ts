/**
 * One way through a turn: input hygiene → privacy guard → NLU → pure dialogue step → knowledge →
 * Reply[] → store. `handle` is the orchestrator; each stage lives in src/core/turn/.
 */
import { randomBytes } from 'node:crypto';
import { InputError } from './errors.js';
import { limitInput } from './input-limits.js';
import { silentLogger, type Logger } from './logger.js';
import { createOpenHandoffs } from './open-handoffs.js';
import type { ConversationStore, DialoguePolicy, InputCleaner, IntentClassifier, KnowledgeBase, PrivacyGuard } from './ports.js';
import type { RateLimiter } from './rate-limiter.js';
import { logTurn, tellListener, type TurnListener } from './turn/after-turn.js';
import { exposureOf, prepareInput, type PreparedInput, type TurnHooks } from './turn/prepare-input.js';
import { overRateLimit } from './turn/rate-limit.js';
import { stepConversation } from './turn/step-conversation.js';
import { emptyResult, failedResult } from './turn/turn-results.js';
import { incomingMessageSchema, type IncomingMessage, type Platform, type TurnResult } from './types.js';

export { APOLOGY_TEXT, RATE_LIMITED_TEXT, STORE_DOWN_TEXT } from './turn/turn-results.js';
export type { TurnHooks } from './turn/prepare-input.js';

export interface TurnPipelineOptions {
  /** Input hygiene before the privacy guard; by default text passes through as it is. */
  cleaner?: InputCleaner;
  privacy: PrivacyGuard;
  nlu: IntentClassifier;
  dialogue: DialoguePolicy;
  knowledge: KnowledgeBase;
  store: ConversationStore;
  now?: () => number;
  logger?: Logger;
  /**
   * Per-user limit, checked before NLU; a limited turn changes nothing and gives back its event id.
   * The first one in a window gets RATE_LIMITED_TEXT; the rest of the flood get no reply.
   */
  rateLimiter?: RateLimiter;
  /**
   * Platforms whose handoffs reach staff (a handoff channel is configured). Default: Slack,
   * Discord and transcript replay; the terminal and chat --json have nobody to hand over to.
   */
  staffPlatforms?: readonly Platform[];
  /**
   * Called after every turn (recording, metrics) with the message as the core saw it:
   * its text already redacted. A listener that throws is logged and ignored.
   */
  onTurn?: TurnListener;
}

export interface TurnPipeline {
  /** Runs one turn. Never throws for a valid message: failures become an apology with a reference id. */
  handle(message: IncomingMessage, hooks?: TurnHooks): Promise<TurnResult>;
}

export function createTurnPipeline(options: TurnPipelineOptions): TurnPipeline {
  const { privacy, store } = options;
  const cleaner: InputCleaner = options.cleaner ?? { clean: (text) => ({ text, notes: [] }) };
  const logger = options.logger ?? silentLogger();
  const now = options.now ?? Date.now;
  const handoffs = createOpenHandoffs(store, options.dialogue);
  const parts = { ...options, cleaner, logger, now, handoffs, staffPlatforms: options.staffPlatforms ?? ['slack', 'discord', 'replay'] };

  return {
    async handle(raw, hooks) {
      const message = parseMessage(raw);
      const ref = randomBytes(4).toString('hex');
      let prepared: PreparedInput | undefined;
      let result: TurnResult;
      try {
        // A platform retry of an event already handled: nothing is done and nothing is sent.
        if (!(await store.claimEvent(message.eventId))) return { ...emptyResult(message), duplicate: true };
        prepared = prepareInput(message, cleaner, privacy, now());
        // Privacy first: a card number visible in a channel is removed even when the turn is rate limited.
        const exposure = await exposureOf(prepared, hooks, logger, ref);
        result =
          (await overRateLimit(options.rateLimiter, store, logger, message, prepared, ref)) ??
          (await stepConversation(parts, message, prepared, exposure, ref));
      } catch (error) {
        result = failedResult(error, message, prepared, ref, logger);
      }
      logTurn(logger, ref, message, prepared, result);
      await tellListener(options.onTurn, parts, ref, message, prepared, result);
      return result;
    },
  };
}

/** zod first, then the size limits: an oversized id is refused, an oversized button value cut. */
function parseMessage(raw: IncomingMessage): IncomingMessage {
  const parsed = incomingMessageSchema.safeParse(raw);
  if (!parsed.success) throw new InputError(`invalid incoming message: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  return limitInput(parsed.data);
}
