/** Letters that carry no combining mark to strip (Vietnamese đ, Polish ł, Turkish dotless ı…). */
const PLAIN: Readonly<Record<string, string>> = { đ: 'd', ł: 'l', ı: 'i', ø: 'o', ß: 'ss', æ: 'ae', œ: 'oe' };
// Any character outside printable ASCII (a word holds no control characters).
const NOT_ASCII = /[^ -~]/;

/**
 * A word without its accents ("não" → "nao", "doğrulama" → "dogrulama", "đã" → "da"): people
 * type the languages they mix in with and without them, and the fact patterns are plain a–z.
 */
export function foldAccents(word: string): string {
  if (!NOT_ASCII.test(word)) return word;
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đłıøßæœ]/g, (letter) => PLAIN[letter] ?? letter);
}
