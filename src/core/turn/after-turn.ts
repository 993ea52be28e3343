import type { Logger } from '../logger.js';
import type { InputCleaner, PrivacyGuard } from '../ports.js';
import type { IncomingMessage, TurnResult } from '../types.js';
import type { PreparedInput } from './prepare-input.js';

/** What an operator needs to follow a conversation at LOG_LEVEL=debug; the text only as the guard left it. */
export function logTurn(logger: Logger, ref: string, message: IncomingMessage, prepared: PreparedInput | undefined, result: TurnResult): void {
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
}

export type TurnListener = (message: IncomingMessage, result: TurnResult) => void | Promise<void>;

/** Tells the onTurn listener (recording, metrics) about the turn, with the message as the core saw it: redacted. */
export async function tellListener(
  listener: TurnListener | undefined,
  parts: { privacy: PrivacyGuard; cleaner: InputCleaner; logger: Logger },
  ref: string,
  message: IncomingMessage,
  prepared: PreparedInput | undefined,
  result: TurnResult,
): Promise<void> {
  if (!listener) return;
  try {
    const seen: IncomingMessage =
      message.text === undefined
        ? { ...message, action: prepared?.action?.text ?? parts.privacy.redact(message.action ?? '').text }
        : { ...message, text: result.redactedText ?? prepared?.text?.text ?? parts.privacy.redact(parts.cleaner.clean(message.text).text).text };
    await listener(seen, result);
  } catch (error) {
    // A listener that throws is logged and ignored: recording must never cost a person their answer.
    parts.logger.warn({ ref, err: String(error) }, 'onTurn listener failed');
  }
}
