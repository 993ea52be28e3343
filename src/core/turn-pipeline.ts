import { randomBytes } from 'node:crypto';
import type { Logger } from './logger.js';
import { silentLogger } from './logger.js';
import type { CleanedInput, ConversationStore, DialoguePolicy, InputCleaner, IntentClassifier, KnowledgeBase, PrivacyGuard, Redaction } from './ports.js';
import type { RateLimiter } from './rate-limiter.js';
import { resolveEffects } from './resolve-effects.js';
import { secretsToRemove } from './privacy-notice.js';
import { incomingMessageSchema, NO_CONTEXT, type IncomingMessage, type MessageExposure, type NluResult, type Platform, type TurnResult } from './types.js';
import { InputError, StoreUnavailableError, TurnError } from './errors.js';
import { limitInput } from './input-limits.js';
import { ALREADY_WITH_STAFF_REPLY, createOpenHandoffs } from './open-handoffs.js';

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
  onTurn?: (message: IncomingMessage, result: TurnResult) => void | Promise<void>;
}

/** What the adapter can do for one turn, from inside it. */
export interface TurnHooks {
  /**
   * Called once, before the dialogue step, when the message holds a secret worth removing (card
   * number, CVV, code, password): the adapter deletes the message if it may and says where it
   * stands, so the core's one privacy notice tells the truth.
   */
  removeSecret?: (kinds: readonly string[]) => Promise<MessageExposure | undefined>;
}

export interface TurnPipeline {
  /** Runs one turn. Never throws for a valid message: failures become an apology with a reference id. */
  handle(message: IncomingMessage, hooks?: TurnHooks): Promise<TurnResult>;
}

export const APOLOGY_TEXT = (ref: string): string =>
  `Sorry, something went wrong on my side. Please try again in a moment. If it keeps happening, quote reference ${ref} to the support team.`;
export const STORE_DOWN_TEXT = "Sorry, I'm having trouble right now. Please try again in a minute.";
export const RATE_LIMITED_TEXT =
  "You're sending messages quickly, so give me a moment. Please wait a few seconds and send your question again; I haven't lost your place.";

/** The message after input hygiene and the privacy guard: all that later stages may see of it. */
interface PreparedInput {
  cleaned?: CleanedInput;
  text?: Redaction;
  action?: Redaction;
  redactions: string[];
}

/** One way through a turn (DESIGN.md): privacy → NLU → dialogue step → knowledge → replies → store. */
export function createTurnPipeline(options: TurnPipelineOptions): TurnPipeline {
  const { privacy, nlu, dialogue, knowledge, store } = options;
  const cleaner: InputCleaner = options.cleaner ?? { clean: (text) => ({ text, notes: [] }) };
  const staffPlatforms: readonly Platform[] = options.staffPlatforms ?? ['slack', 'discord', 'replay'];
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger();
  const handoffs = createOpenHandoffs(store, dialogue);

  function prepare(message: IncomingMessage): PreparedInput {
    const cleaned = message.text === undefined ? undefined : cleaner.clean(message.text);
    const text =
      cleaned === undefined
        ? undefined
        : privacy.redactMessage
          ? privacy.redactMessage(message.conversationKey, message.eventId, cleaned.text, now())
          : privacy.redact(cleaned.text);
    const action = message.action === undefined ? undefined : privacy.redact(message.action);
    const redactions = [...new Set([...(text?.findings ?? []), ...(action?.findings ?? [])])];
    return { ...(cleaned ? { cleaned } : {}), ...(text ? { text } : {}), ...(action ? { action } : {}), redactions };
  }

  /** Lets the adapter act on a pasted secret; a failing adapter costs the notice its detail, never the turn. */
  async function exposureOf(prepared: PreparedInput, hooks: TurnHooks | undefined, ref: string): Promise<MessageExposure | undefined> {
    const kinds = secretsToRemove(prepared.redactions);
    if (!hooks?.removeSecret || kinds.length === 0) return undefined;
    try {
      return await hooks.removeSecret(kinds);
    } catch (error) {
      logger.warn({ ref, err: String(error) }, 'the adapter could not act on a message with a secret');
      return undefined;
    }
  }

  async function runTurn(message: IncomingMessage, ref: string, prepared: PreparedInput, exposure: MessageExposure | undefined): Promise<TurnResult> {
    const { cleaned, text: redactedText, action: redactedAction, redactions } = prepared;

    return store.withLock(message.conversationKey, async () => {
      const record = await store.get(message.conversationKey);
      const at = now();
      let state: unknown;
      if (record) {
        try {
          state = dialogue.parseState(record.state);
        } catch (error) {
          // A stored state we can no longer read must not trap the person: start fresh, say so in the log.
          logger.warn({ ref, conversationKey: message.conversationKey, err: String(error) }, 'stored state unreadable; starting fresh');
          state = dialogue.initialState(at);
        }
      } else {
        state = dialogue.initialState(at);
      }

      // Understanding reads the message against where the conversation is (a follow-up leans on the last topic).
      const nluResult: NluResult | null = redactedText ? nlu.parse(redactedText.text, dialogue.context?.(state) ?? NO_CONTEXT) : null;
      const input = {
        message: {
          platform: message.platform,
          conversationKey: message.conversationKey,
          userId: message.userId,
          receivedAt: message.receivedAt,
          ...(redactedText ? { text: redactedText.text } : {}),
          ...(redactedAction ? { action: redactedAction.text } : {}),
        },
        nlu: nluResult,
        redactions,
        ...(exposure ? { exposure } : {}),
        notes: cleaned?.notes ?? [],
        staffAvailable: staffPlatforms.includes(message.platform),
        now: at,
      };
      const stepped = dialogue.step(state, input);
      const resolved = resolveEffects(stepped.effects, knowledge);
      // One open handoff per person: a second request elsewhere changes nothing and sends no summary.
      const refused =
        resolved.handoff !== undefined &&
        input.staffAvailable &&
        !(await handoffs.open(`${message.platform}:${message.userId}`, message.conversationKey, dialogue.position(stepped.state), at));
      if (refused) {
        resolved.replies = [ALREADY_WITH_STAFF_REPLY];
        delete resolved.handoff;
      }
      // What the replies showed is part of the conversation: a follow-up is read against it.
      const remembered = dialogue.remember ? dialogue.remember(stepped.state, resolved.citations) : stepped.state;
      const next = refused ? state : remembered;
      const position = dialogue.position(next);

      // Write last: a turn whose state was not stored was not acknowledged.
      const version = record?.version ?? 0;
      await store.put({ key: message.conversationKey, version: version + 1, state: next, updatedAt: at }, version);

      const result: TurnResult = {
        conversationKey: message.conversationKey,
        userId: message.userId,
        platform: message.platform,
        intent: nluResult?.intent ?? null,
        confidence: nluResult?.confidence ?? 1,
        flow: position.flow,
        step: position.step,
        replies: resolved.replies,
        citations: resolved.citations,
        handoff: resolved.handoff !== undefined,
        duplicate: false,
        redactions,
      };
      if (redactedText) result.redactedText = redactedText.text;
      if (resolved.handoff) {
        result.handoffSummary = {
          ...resolved.handoff,
          userId: message.userId,
          conversationKey: message.conversationKey,
          platform: message.platform,
        };
      }
      return result;
    });
  }

  return {
    async handle(raw: IncomingMessage, hooks?: TurnHooks): Promise<TurnResult> {
      const parsed = incomingMessageSchema.safeParse(raw);
      if (!parsed.success) throw new InputError(`invalid incoming message: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      const message = limitInput(parsed.data);
      const ref = randomBytes(4).toString('hex');
      const base = {
        conversationKey: message.conversationKey,
        userId: message.userId,
        platform: message.platform,
        intent: null,
        confidence: 0,
        flow: null,
        step: null,
        citations: [],
        handoff: false,
        redactions: [],
      } satisfies Partial<TurnResult>;

      let result: TurnResult;
      let prepared: PreparedInput | undefined;
      try {
        if (!(await store.claimEvent(message.eventId))) {
          return { ...base, replies: [], duplicate: true };
        }
        prepared = prepare(message);
        // Privacy first: a card number visible in a channel is removed even when the turn is rate limited.
        const exposure = await exposureOf(prepared, hooks, ref);
        const person = `${message.platform}:${message.userId}`;
        if (options.rateLimiter && !options.rateLimiter.take(person)) {
          // Not an error and not a turn: the dialogue does not advance and nothing is stored. The event
          // id is given back, so a retry of this message is answered; one notice per window.
          await Promise.resolve(store.releaseEvent?.(message.eventId)).catch((error: unknown) => {
            logger.warn({ ref, eventId: message.eventId, err: String(error) }, 'could not give back a rate-limited event id');
          });
          const notice = options.rateLimiter.notice(person);
          logger.info({ ref, conversationKey: message.conversationKey, userId: message.userId, notice }, notice ? 'rate limited' : 'rate limited; dropped without a reply');
          result = { ...base, replies: notice ? [{ text: RATE_LIMITED_TEXT, buttons: [], citations: [] }] : [], duplicate: false, redactions: prepared.redactions };
          if (prepared.text) result.redactedText = prepared.text.text;
        } else {
          result = await runTurn(message, ref, prepared, exposure);
        }
      } catch (error) {
        const turnError = new TurnError(error, { conversationKey: message.conversationKey, eventId: message.eventId, ref });
        const unavailable = error instanceof StoreUnavailableError;
        // Context to find the failure; the person's words only in the debug line below, by `ref`.
        logger.error(
          {
            ref,
            conversationKey: message.conversationKey,
            userId: message.userId,
            platform: message.platform,
            eventId: message.eventId,
            err: turnError.message,
            ...(error instanceof Error && error.stack ? { stack: error.stack } : {}),
          },
          unavailable ? 'store unavailable' : 'turn failed',
        );
        // The state is left as it was: nothing was written, so the next turn continues from the last good one.
        const text = unavailable ? STORE_DOWN_TEXT : APOLOGY_TEXT(ref);
        result = { ...base, replies: [{ text, buttons: [], citations: [] }], duplicate: false, errorRef: ref, redactions: prepared?.redactions ?? [] };
      }
      // What an operator needs to follow a conversation at LOG_LEVEL=debug; the text only as the guard left it.
      logger.debug(
        {
          ref,
          conversationKey: message.conversationKey,
          userId: message.userId,
          platform: message.platform,
          ...(prepared?.text ? { text: prepared.text.text } : {}),
          ...(prepared?.action ? { action: prepared.action.text } : {}),
          intent: result.intent,
          confidence: result.confidence,
          flow: result.flow,
          step: result.step,
          redactions: result.redactions,
          ...(prepared?.cleaned?.notes.length ? { notes: prepared.cleaned.notes } : {}),
        },
        'turn',
      );
      if (options.onTurn) {
        try {
          const seen: IncomingMessage =
            message.text === undefined
              ? { ...message, action: prepared?.action?.text ?? privacy.redact(message.action ?? '').text }
              : { ...message, text: result.redactedText ?? prepared?.text?.text ?? privacy.redact(cleaner.clean(message.text).text).text };
          await options.onTurn(seen, result);
        } catch (error) {
          logger.warn({ ref, err: String(error) }, 'onTurn listener failed');
        }
      }
      return result;
    },
  };
}
