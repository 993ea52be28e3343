/**
 * What the privacy guard does to a text before it looks for secrets, so that a secret written in an
 * unusual form is matched as the plain one:
 * - Unicode NFKC: full-width, mathematical, circled and superscript digits become 0-9;
 * - every default-ignorable code point is dropped (zero-width characters, variation selectors, the
 *   combining grapheme joiner, bidi controls, tag characters, Hangul fillers, soft hyphens…), with
 *   the other format characters and lone surrogates: none of them is visible, so none can be part of
 *   what a person means;
 * - combining marks written on a digit are dropped ("4̈1̈1̈1̈" is 4111);
 * - decimal digits of every script (Arabic-Indic ٤, Devanagari ४, Thai ๔, …) become ASCII.
 * Plain ASCII text (almost every message) skips all of it. Every step is one linear pass.
 */
const IGNORABLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cs}\u180e]/gu;
const MARKS_ON_DIGIT = /(?<=\p{Nd})\p{M}+/gu;
const NON_ASCII_DIGIT = /(?![0-9])\p{Nd}/gu;
const IS_DIGIT = /^\p{Nd}$/u;
const NOT_PLAIN_ASCII = /[^\u0020-\u007e]/;

export function normaliseForMatching(text: string): string {
  if (!NOT_PLAIN_ASCII.test(text)) return text;
  return text.replace(IGNORABLE, '').normalize('NFKC').replace(IGNORABLE, '').replace(MARKS_ON_DIGIT, '').replace(NON_ASCII_DIGIT, asciiDigit);
}

const digitValues = new Map<number, string>();

/**
 * The ASCII digit of any Unicode decimal digit. Unicode encodes every script's decimal digits as a
 * contiguous run from 0 to 9 (a stability guarantee), and where runs touch (the mathematical digits)
 * each starts at a multiple of ten from the first: the value is the distance to the run's start, mod 10.
 */
function asciiDigit(digit: string): string {
  const cp = digit.codePointAt(0) ?? 0;
  let value = digitValues.get(cp);
  if (value === undefined) {
    let start = cp;
    while (start > 0 && IS_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    value = String((cp - start) % 10);
    digitValues.set(cp, value);
  }
  return value;
}
