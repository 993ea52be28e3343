/**
 * The one notice a person gets after pasting a secret. The core writes it, whatever the platform:
 * adapters only report what they could do about the message (MessageExposure), never words.
 */
import type { MessageExposure } from './types.js';

const NEVER_SHARE =
  'Please never share card numbers, security codes (CVV), verification codes or passwords in a chat, not even with support';

/** Said when no platform could act on the message (terminal, chat --json, a button, a command option). */
export const GENERIC_PRIVACY_NOTICE = `${NEVER_SHARE}. I've hidden what you typed, and nobody here will ever ask for them.`;

const PHRASES: Record<string, string> = {
  card_number: 'a card number',
  cvv: 'a card security code (CVV)',
  expiry: 'a card expiry date',
  password: 'a password',
  code: 'a verification code',
  passport: 'an ID document number',
};

/**
 * Kinds that make a message worth deleting. An email or a phone number is redacted from logs too,
 * but people share those with support on purpose.
 */
const REMOVABLE = new Set(['card_number', 'cvv', 'password', 'code', 'passport']);

/** The secrets an adapter should act on (with an expiry date that came along), or [] when none. */
export function secretsToRemove(redactions: readonly string[]): string[] {
  if (!redactions.some((k) => REMOVABLE.has(k))) return [];
  return [...new Set(redactions.filter((k) => REMOVABLE.has(k) || k === 'expiry'))];
}

/** "a card number and a card security code (CVV)". */
export function describeSecrets(kinds: readonly string[]): string {
  const phrases = [...new Set(kinds.map((k) => PHRASES[k] ?? 'private details'))];
  if (phrases.length <= 1) return phrases[0] ?? 'private details';
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}

/** The notice for a message whose secrets were redacted; `exposure` is what the adapter reported. */
export function privacyNotice(redactions: readonly string[], exposure?: MessageExposure): string {
  const kinds = secretsToRemove(redactions);
  if (exposure === undefined || kinds.length === 0) return GENERIC_PRIVACY_NOTICE;
  const what = describeSecrets(kinds);
  switch (exposure) {
    case 'removed':
      return `🔒 I deleted your message because it contained ${what}, so others here can't see it, and I didn't keep it. ${NEVER_SHARE}: nobody here will ever ask for them.`;
    case 'shared':
      return `⚠️ Your message contains ${what}, and others in this channel can see it. Please delete it now (I'm not allowed to delete it here). I didn't keep it. ${NEVER_SHARE}: nobody here will ever ask for them.`;
    case 'private':
      return `⚠️ Your message contains ${what}. Please delete it (bots can't delete your messages in direct messages). I didn't keep it. ${NEVER_SHARE}: nobody here will ever ask for them.`;
  }
}
