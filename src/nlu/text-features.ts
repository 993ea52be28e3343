import AggressiveTokenizer from 'natural/lib/natural/tokenizers/aggressive_tokenizer.js';
import { z } from 'zod';
import { stem } from '../text/stem.js';

/** How text becomes features; stored in the model so training and prediction always agree. */
export const featureOptionsSchema = z.object({
  /** Word unigrams and bigrams of stems. */
  wordNgrams: z.number().int().min(1).max(3),
  /** Character n-grams inside word boundaries (typo robustness): smallest and largest n. */
  charMin: z.number().int().min(1).max(8),
  charMax: z.number().int().min(1).max(8),
  /** How much the character block weighs against the word block (each is L2-normalised first). */
  charWeight: z.number().nonnegative(),
  /** The facts the message states (intents/facts/) are features too. */
  facts: z.boolean().default(false),
  /** The conversation's topic or task in progress is a feature too (see context-features.ts). */
  context: z.boolean().default(false),
});
export type FeatureOptions = z.output<typeof featureOptionsSchema>;

export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { wordNgrams: 2, charMin: 3, charMax: 4, charWeight: 1, facts: true, context: true };

const tokenizer = new AggressiveTokenizer();
/** Lower case, plain apostrophes, negations spelled out ("can't" → "can not"): shared by features and entities. */
export function spellOutNegations(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\b(can)'?t\b/g, 'can not')
    .replace(/\b(won)'t\b/g, 'will not')
    .replace(/n't\b/g, ' not');
}

/** Lower case, plain apostrophes, negations spelled out, money and numbers as placeholder words. */
export function normaliseText(text: string): string {
  return spellOutNegations(text)
    .replace(/'(s|re|ve|ll|d|m)\b/g, ' $1')
    .replace(/'/g, '')
    .replace(/[$€£¥₹₩]/g, ' money ')
    .replace(/\d+(?:[.,]\d+)*/g, ' num ')
    .replace(/[-/_]+/g, ' ');
}

// The classifier and the entity extractor both ask for the words of the same message in a row.
let lastText: string | undefined;
let lastWords: readonly string[] = [];

/** The words of an utterance, normalised (not stemmed). */
export function words(text: string): readonly string[] {
  if (text !== lastText) {
    lastWords = tokenizer.tokenize(normaliseText(text)).filter((w) => w.length > 0);
    lastText = text;
  }
  return lastWords;
}

/**
 * The privacy guard's placeholders (`[card number]`, `[cvv]`, `[code]`, …) say that a secret was
 * there, not what the message is about: the classifier must not read them as the words "card",
 * "number" or "code". Entity extraction still sees the original text.
 */
const PLACEHOLDER = /\[[a-z][a-z ]{0,30}\]/gi;

export function withoutPlaceholders(text: string): string {
  return text.includes('[') ? text.replace(PLACEHOLDER, ' ') : text;
}

/** The words the classifier reads: normalised, placeholders left out. */
export function classifierWords(text: string): readonly string[] {
  return words(withoutPlaceholders(text));
}

/**
 * Calls `onWord` for each word n-gram of stems and `onChar` for each character n-gram inside word
 * boundaries (the typo-robust block). Callbacks instead of collections: prediction is a hot path.
 * `extra` are features that are not words (the facts the message states, `fact:error.limit_exceeded`):
 * they join the word block.
 */
export function forEachFeature(text: string, options: FeatureOptions, onWord: (key: string) => void, onChar: (key: string) => void, extra: readonly string[] = []): void {
  const tokens = forEachWordFeature(text, options, onWord, extra);
  if (options.charWeight <= 0) return;
  for (const token of tokens) forEachCharNgram(token, options, onChar);
}

/** The word block of forEachFeature (extra keys, stems, stem n-grams); returns the words, for the character block. */
export function forEachWordFeature(text: string, options: FeatureOptions, onWord: (key: string) => void, extra: readonly string[] = []): readonly string[] {
  for (const key of extra) onWord(key);
  const tokens = classifierWords(text);
  const stems = tokens.map(stem);
  for (let i = 0; i < stems.length; i += 1) onWord(stems[i] ?? '');
  for (let i = 0; i + 1 < stems.length && options.wordNgrams >= 2; i += 1) onWord(`${stems[i] ?? ''} ${stems[i + 1] ?? ''}`);
  for (let n = 3; n <= options.wordNgrams; n += 1) {
    for (let i = 0; i + n <= stems.length; i += 1) onWord(stems.slice(i, i + n).join(' '));
  }
  return tokens;
}

/** The character n-grams of one word, inside its word boundaries, in a fixed order. */
export function forEachCharNgram(token: string, options: Pick<FeatureOptions, 'charMin' | 'charMax'>, onChar: (key: string) => void): void {
  const padded = ` ${token} `;
  for (let n = options.charMin; n <= options.charMax; n += 1) {
    for (let i = 0; i + n <= padded.length; i += 1) onChar(padded.slice(i, i + n));
  }
}

/** Feature counts of one utterance, keyed `w:` (word n-grams) and `c:` (character n-grams). */
export function extractFeatures(text: string, options: FeatureOptions, extra: readonly string[] = []): Map<string, number> {
  const counts = new Map<string, number>();
  forEachFeature(
    text,
    options,
    (key) => counts.set(`w:${key}`, (counts.get(`w:${key}`) ?? 0) + 1),
    (key) => counts.set(`c:${key}`, (counts.get(`c:${key}`) ?? 0) + 1),
    extra,
  );
  return counts;
}
