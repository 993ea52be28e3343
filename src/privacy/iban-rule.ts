import { PLACEHOLDERS, type SecretRule } from './secret-kinds.js';

/**
 * International bank account numbers (IBAN): two letters, two check digits, then 11-30 letters and
 * digits, whole or in groups of four ("DE89 3704 0044 0532 0130 00"). Redacted when the ISO 13616
 * check (mod 97) holds, or, with a mistyped character, right after "IBAN" or "account".
 */
// Groups of four with an optional single space or dash, then one shorter group: bounded, linear.
const IBAN = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]{4}){2,7}(?:[ -]?[A-Za-z0-9]{1,3})?(?![A-Za-z0-9])/g;
const IBAN_WORDS = /\b(?:iban|account|acct|bank|konto|cuenta|compte|conta|conto)\b/i;

export const ibanRule: SecretRule = {
  kind: 'iban',
  apply(text, found) {
    return text.replace(IBAN, (candidate: string, offset: number) => {
      const compact = candidate.replace(/[ -]/g, '').toUpperCase();
      if (compact.length < 15 || compact.length > 34 || !/\d{6}/.test(compact)) return candidate;
      if (!passesMod97(compact) && !IBAN_WORDS.test(text.slice(Math.max(0, offset - 24), offset))) return candidate;
      found();
      return PLACEHOLDERS.iban;
    });
  },
};

/** ISO 13616: the first four characters moved to the end, letters as 10-35, mod 97 is 1. */
export function passesMod97(iban: string): boolean {
  let rest = 0;
  for (const ch of iban.slice(4) + iban.slice(0, 4)) {
    const value = Number.parseInt(ch, 36);
    if (Number.isNaN(value)) return false;
    rest = value < 10 ? (rest * 10 + value) % 97 : (rest * 100 + value) % 97;
  }
  return rest === 1;
}
