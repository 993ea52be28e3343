import type { PrivacyGuard, Redaction } from '../core/ports.js';
import { normaliseForMatching } from './normalise-text.js';
import { SECRET_RULES, type SecretKind } from './secret-rules.js';
import { createSplitCardGuard, type SplitCardGuardOptions } from './split-card-memory.js';

export { PLACEHOLDERS, SECRET_KINDS, type SecretKind } from './secret-rules.js';

/**
 * The privacy guard: runs before NLU, the store, logs and transcripts, so everything after it sees
 * placeholders such as `[card number]`, `[code]`, `[password]` instead of secrets. Findings are kinds
 * only ('card_number', 'cvv', …), never values.
 *
 * Emails and phone numbers are redacted everywhere too, not only in transcripts: the bot never needs
 * them to help (a handoff carries the platform user id), and one rule for every stage is simpler to
 * trust than a list of places where they may appear.
 *
 * It is safe on its own (logs use it without the input cleaner): the text is normalised first
 * (normalise-text.ts: invisible characters dropped, digits of every script made ASCII), and every
 * rule runs in linear time, so a hostile 100k-character string costs milliseconds.
 */
export function createPrivacyGuard(options: SplitCardGuardOptions = {}): PrivacyGuard {
  const splitCards = createSplitCardGuard({ redact }, options);
  return { redact, redactMessage: (conversationKey, eventId, text, at) => splitCards.redact(conversationKey, eventId, text, at) };
}

export function redact(text: string): Redaction {
  let out = normaliseForMatching(text);
  const findings: SecretKind[] = [];
  for (const rule of SECRET_RULES) {
    out = rule.apply(out, () => {
      if (!findings.includes(rule.kind)) findings.push(rule.kind);
    });
  }
  return { text: out, findings };
}
