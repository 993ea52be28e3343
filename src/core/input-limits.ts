import { InputError } from './errors.js';
import type { IncomingMessage } from './types.js';

/**
 * Size limits on what reaches a turn, so one oversized field cannot make a turn slow for everyone
 * (the privacy guard and NLU run on every message). Text is cut by the input cleaner; a button
 * value is at most 100 characters on Slack and Discord, so a longer `action` is cut to 200 (the
 * dialogue reads it as an unknown choice); ids come from the platforms and are short, so a longer
 * one is refused as an invalid message.
 */
export const MAX_ACTION_LENGTH = 200;
export const MAX_ID_LENGTH = 512;
/** Text past this is never looked at: the cleaner keeps far less (500 characters by default). */
export const MAX_TEXT_LENGTH = 100_000;

export function limitInput(message: IncomingMessage): IncomingMessage {
  for (const field of ['conversationKey', 'userId', 'eventId'] as const) {
    if (message[field].length > MAX_ID_LENGTH) throw new InputError(`invalid incoming message: ${field} is longer than ${MAX_ID_LENGTH} characters`);
  }
  if (message.action !== undefined && message.action.length > MAX_ACTION_LENGTH) return { ...message, action: message.action.slice(0, MAX_ACTION_LENGTH) };
  if (message.text !== undefined && message.text.length > MAX_TEXT_LENGTH) return { ...message, text: message.text.slice(0, MAX_TEXT_LENGTH) };
  return message;
}
