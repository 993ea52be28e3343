import type { Logger } from '../logger.js';
import type { ConversationStore } from '../ports.js';
import type { RateLimiter } from '../rate-limiter.js';
import type { IncomingMessage, TurnResult } from '../types.js';
import type { PreparedInput } from './prepare-input.js';
import { rateLimitedResult } from './turn-results.js';

/**
 * The per-user limit, checked before NLU. Over it, the event id is given back (a retry of this
 * message is answered later), and the result says so: one notice per window, nothing more.
 */
export async function overRateLimit(
  limiter: RateLimiter | undefined,
  store: ConversationStore,
  logger: Logger,
  message: IncomingMessage,
  prepared: PreparedInput,
  ref: string,
): Promise<TurnResult | undefined> {
  const person = `${message.platform}:${message.userId}`;
  if (!limiter || (await limiter.take(person))) return undefined;
  await Promise.resolve(store.releaseEvent?.(message.eventId)).catch((error: unknown) => {
    logger.warn({ ref, eventId: message.eventId, err: String(error) }, 'could not give back a rate-limited event id');
  });
  const notice = await limiter.notice(person);
  logger.info({ ref, conversationKey: message.conversationKey, userId: message.userId, notice }, notice ? 'rate limited' : 'rate limited; dropped without a reply');
  return rateLimitedResult(message, prepared, notice);
}
