/** Letters that carry no combining mark to strip (Vietnamese đ, Polish ł, Turkish dotless ı…). */
const PLAIN: Readonly<Record<string, string>> = { đ: 'd', ł: 'l', ı: 'i', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe' };
// Any character outside printable ASCII (control characters are folded alike: none to fold).
const NOT_ASCII = /[^ -~]/;

/**
 * Text without its accents ("não" → "nao", "doğrulama" → "dogrulama", "đã" → "da"), and with
 * compatibility forms made plain (full-width letters, ligatures): people type the languages they mix
 * in with and without accents, and fact patterns, section words and anchors are plain a–z.
 */
export function foldAccents(text: string): string {
  if (!NOT_ASCII.test(text)) return text;
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[đłıøßæœ]/g, (letter) => PLAIN[letter] ?? letter);
}
