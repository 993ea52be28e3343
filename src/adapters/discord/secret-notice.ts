/**
 * What the bot tells a person who pasted a secret (card number, CVV, code, password): that it
 * deleted the message, or why it could not and what to do. Never the secret itself.
 */
export type SecretOutcome =
  /** The bot deleted the message. */
  | 'deleted'
  /** A guild channel where the bot lacks Manage Messages (or the delete failed). */
  | 'not_deleted'
  /** Direct messages: a bot cannot delete what a person sent. */
  | 'dm'
  /** A slash command's option: there is no message to delete. */
  | 'command';

const PHRASES: Record<string, string> = {
  card_number: 'a card number',
  cvv: 'a card security code (CVV)',
  expiry: 'a card expiry date',
  password: 'a password',
  code: 'a verification code',
  otp: 'a verification code',
  verification_code: 'a verification code',
  passport: 'an ID document number',
};

/**
 * Kinds of redaction that make a message worth deleting. An email or a phone number is
 * redacted from logs too, but people share those with support on purpose.
 */
const DELETE_KINDS = new Set(['card_number', 'cvv', 'password', 'code', 'otp', 'verification_code', 'passport']);

/** The secrets in a turn's redactions that the adapter acts on (with an expiry date that came along). */
export function secretsToAct(redactions: readonly string[]): string[] {
  if (!redactions.some((k) => DELETE_KINDS.has(k))) return [];
  return redactions.filter((k) => DELETE_KINDS.has(k) || k === 'expiry');
}

export function describeSecrets(kinds: readonly string[]): string {
  const phrases = [...new Set(kinds.map((k) => PHRASES[k] ?? 'private details'))];
  if (phrases.length <= 1) return phrases[0] ?? 'private details';
  return `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}`;
}

const NEVER_ASK = 'Support will never ask for your full card number, CVV, codes or passwords.';

export function secretNotice(kinds: readonly string[], outcome: SecretOutcome): string {
  const what = describeSecrets(kinds);
  switch (outcome) {
    case 'deleted':
      return `🔒 I deleted your message because it contained ${what}, so others here can't see it. I didn't keep it. ${NEVER_ASK}`;
    case 'not_deleted':
      return `⚠️ Your message contains ${what}. Please delete it now: others in this channel can see it (I'm not allowed to delete it here). I didn't keep it. ${NEVER_ASK}`;
    case 'dm':
      return `⚠️ Your message contains ${what}. Please delete it (bots can't delete your messages in direct messages). I didn't keep it. ${NEVER_ASK}`;
    case 'command':
      return `⚠️ Your question contained ${what}. I didn't keep it. ${NEVER_ASK}`;
  }
}
