import { StoreUnavailableError, TurnError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { IncomingMessage, Reply, TurnResult } from '../types.js';
import type { PreparedInput } from './prepare-input.js';

export const APOLOGY_TEXT = (ref: string): string =>
  `Sorry, something went wrong on my side. Please try again in a moment. If it keeps happening, quote reference ${ref} to the support team.`;
export const STORE_DOWN_TEXT = "Sorry, I'm having trouble right now. Please try again in a minute.";
export const RATE_LIMITED_TEXT =
  "You're sending messages quickly, so give me a moment. Please wait a few seconds and send your question again; I haven't lost your place.";

const say = (text: string): Reply => ({ text, buttons: [], citations: [] });

/** A result that changes nothing: no intent, no position, no replies yet. */
export function emptyResult(message: IncomingMessage): TurnResult {
  return {
    conversationKey: message.conversationKey,
    userId: message.userId,
    platform: message.platform,
    intent: null,
    confidence: 0,
    flow: null,
    step: null,
    replies: [],
    citations: [],
    handoff: false,
    duplicate: false,
    redactions: [],
  };
}

/**
 * Over the per-user limit: not an error and not a turn; the dialogue does not advance and nothing
 * is stored. The first message over the limit in a window gets the notice, the rest of a flood none.
 */
export function rateLimitedResult(message: IncomingMessage, prepared: PreparedInput, notice: boolean): TurnResult {
  return {
    ...emptyResult(message),
    rateLimited: true,
    replies: notice ? [say(RATE_LIMITED_TEXT)] : [],
    redactions: prepared.redactions,
    ...(prepared.text ? { redactedText: prepared.text.text } : {}),
  };
}

/**
 * A turn that failed: the person gets an apology with a reference (or "try again" when the store
 * is down), the log gets the context to find it; the person's words only in the debug line, by
 * `ref`. The state is left as it was: nothing was written, so the next turn continues from the
 * last good one.
 */
export function failedResult(error: unknown, message: IncomingMessage, prepared: PreparedInput | undefined, ref: string, logger: Logger): TurnResult {
  const turnError = new TurnError(error, { conversationKey: message.conversationKey, eventId: message.eventId, ref });
  const unavailable = error instanceof StoreUnavailableError;
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
  return { ...emptyResult(message), replies: [say(unavailable ? STORE_DOWN_TEXT : APOLOGY_TEXT(ref))], errorRef: ref, errorKind: error instanceof Error ? error.name : 'unknown', redactions: prepared?.redactions ?? [] };
}
