import type { Logger } from '../logger.js';
import type { CleanedInput, InputCleaner, PrivacyGuard, Redaction } from '../ports.js';
import { secretsToRemove } from '../privacy-notice.js';
import type { IncomingMessage, MessageExposure } from '../types.js';

/** The message after input hygiene and the privacy guard: all that later stages may see of it. */
export interface PreparedInput {
  cleaned?: CleanedInput;
  text?: Redaction;
  action?: Redaction;
  /** Kinds of secrets found, e.g. ['card_number']; never the values. */
  redactions: string[];
}

/**
 * Input hygiene, then the privacy guard, over the text or the button value. A guard that reads a
 * conversation's messages together (a card number split over two) gets the conversation and time.
 */
export function prepareInput(message: IncomingMessage, cleaner: InputCleaner, privacy: PrivacyGuard, at: number): PreparedInput {
  const cleaned = message.text === undefined ? undefined : cleaner.clean(message.text);
  const text =
    cleaned === undefined
      ? undefined
      : privacy.redactMessage
        ? privacy.redactMessage(message.conversationKey, message.eventId, cleaned.text, at)
        : privacy.redact(cleaned.text);
  const action = message.action === undefined ? undefined : privacy.redact(message.action);
  const redactions = [...new Set([...(text?.findings ?? []), ...(action?.findings ?? [])])];
  return { ...(cleaned ? { cleaned } : {}), ...(text ? { text } : {}), ...(action ? { action } : {}), redactions };
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

/** Lets the adapter act on a pasted secret; a failing adapter costs the notice its detail, never the turn. */
export async function exposureOf(prepared: PreparedInput, hooks: TurnHooks | undefined, logger: Logger, ref: string): Promise<MessageExposure | undefined> {
  const kinds = secretsToRemove(prepared.redactions);
  if (!hooks?.removeSecret || kinds.length === 0) return undefined;
  try {
    return await hooks.removeSecret(kinds);
  } catch (error) {
    logger.warn({ ref, err: String(error) }, 'the adapter could not act on a message with a secret');
    return undefined;
  }
}
