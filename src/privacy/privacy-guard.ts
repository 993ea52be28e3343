import type { PrivacyGuard, Redaction } from '../core/ports.js';
import { SECRET_RULES, type SecretKind } from './secret-rules.js';

export { PLACEHOLDERS, SECRET_KINDS, type SecretKind } from './secret-rules.js';

// Invisible characters someone (or a paste) can put inside a number to slip it past the patterns.
const INVISIBLE = /[\p{Cf}\u180e]/gu;

/**
 * The privacy guard (DESIGN.md): runs before NLU, the store, logs and transcripts, so everything
 * after it sees placeholders such as `[card number]`, `[code]`, `[password]` instead of secrets.
 * Findings are kinds only ('card_number', 'cvv', …), never values.
 *
 * Emails and phone numbers are redacted everywhere too, not only in transcripts: the bot never needs
 * them to help (a handoff carries the platform user id), and one rule for every stage is simpler to
 * trust than a list of places where they may appear.
 *
 * It is safe on its own (logs use it without the input cleaner): full-width digits are folded (NFKC)
 * and invisible characters removed before matching, only when the text is not plain ASCII.
 */
export function createPrivacyGuard(): PrivacyGuard {
  return { redact };
}

export function redact(text: string): Redaction {
  let out = /[^\u0020-\u007e]/.test(text) ? text.normalize('NFKC').replace(INVISIBLE, '') : text;
  const findings: SecretKind[] = [];
  for (const rule of SECRET_RULES) {
    out = rule.apply(out, () => {
      if (!findings.includes(rule.kind)) findings.push(rule.kind);
    });
  }
  return { text: out, findings };
}
