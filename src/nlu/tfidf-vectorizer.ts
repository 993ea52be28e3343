import { extractFeatures, forEachCharNgram, forEachWordFeature, type FeatureOptions } from './text-features.js';

import type { SparseVector } from '../learn/sparse-vector.js';

export type { SparseVector };

export interface TfidfVocabulary {
  /** Word n-gram → column and character n-gram → column (one column space). */
  words: Map<string, number>;
  chars: Map<string, number>;
  /** Inverse document frequency per column. */
  idf: Float64Array;
}

export interface FitVocabularyOptions {
  /** A character n-gram must occur in at least this many utterances to become a feature. */
  charMinDf: number;
  /** A word n-gram of two or more words must occur in at least this many utterances (single words are always kept). */
  ngramMinDf: number;
}

/** Feature names as the model file stores them: `w:` word n-grams, `c:` character n-grams, by column. */
export function vocabularyKeys(vocabulary: TfidfVocabulary): string[] {
  const keys = new Array<string>(vocabulary.idf.length);
  for (const [key, column] of vocabulary.words) keys[column] = `w:${key}`;
  for (const [key, column] of vocabulary.chars) keys[column] = `c:${key}`;
  return keys;
}

export function vocabularyFromKeys(keys: readonly string[], idf: Float64Array): TfidfVocabulary {
  const words = new Map<string, number>();
  const chars = new Map<string, number>();
  keys.forEach((key, column) => (key.startsWith('c:') ? chars : words).set(key.slice(2), column));
  return { words, chars, idf };
}

/** Learns the vocabulary and idf weights from the training utterances. */
export function fitVocabulary(texts: readonly string[], features: FeatureOptions, options: FitVocabularyOptions, extras: ReadonlyArray<readonly string[]> = []): TfidfVocabulary {
  const df = new Map<string, number>();
  texts.forEach((text, i) => {
    for (const key of extractFeatures(text, features, extras[i]).keys()) df.set(key, (df.get(key) ?? 0) + 1);
  });
  const keep = ([key, count]: [string, number]): boolean =>
    key.startsWith('c:') ? count >= options.charMinDf : !key.includes(' ') || count >= options.ngramMinDf;
  const kept = [...df.entries()].filter(keep).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const idf = Float64Array.from(kept, ([, count]) => Math.log((1 + texts.length) / (1 + count)) + 1);
  return vocabularyFromKeys(
    kept.map(([key]) => key),
    idf,
  );
}

// Per-vocabulary scratch counts, reset after each use (no allocation per utterance on the hot path).
const scratchCounts = new WeakMap<TfidfVocabulary, Float64Array>();

/**
 * Per vocabulary: each word's character n-gram columns, in the order forEachCharNgram gives them.
 * Looking up a word's 3- and 4-grams was a tenth of a message's understanding, and the same words
 * come back (a long message is read whole, then clause by clause). Bounded: cleared when full.
 */
const CHAR_CACHE_WORDS = 20_000;
const charColumnCaches = new WeakMap<TfidfVocabulary, { charMin: number; charMax: number; words: Map<string, Int32Array> }>();

function charColumnsOf(token: string, vocabulary: TfidfVocabulary, features: FeatureOptions): Int32Array {
  let cache = charColumnCaches.get(vocabulary);
  if (!cache || cache.charMin !== features.charMin || cache.charMax !== features.charMax) {
    cache = { charMin: features.charMin, charMax: features.charMax, words: new Map() };
    charColumnCaches.set(vocabulary, cache);
  }
  let columns = cache.words.get(token);
  if (!columns) {
    const found: number[] = [];
    forEachCharNgram(token, features, (key) => {
      const column = vocabulary.chars.get(key);
      if (column !== undefined) found.push(column);
    });
    columns = Int32Array.from(found);
    if (cache.words.size >= CHAR_CACHE_WORDS) cache.words.clear();
    cache.words.set(token, columns);
  }
  return columns;
}

/** Sublinear tf × idf per block, each block L2-normalised and weighted, the whole L2-normalised. */
export function vectorize(text: string, vocabulary: TfidfVocabulary, features: FeatureOptions, extra: readonly string[] = []): SparseVector {
  let counts = scratchCounts.get(vocabulary);
  if (!counts) {
    counts = new Float64Array(vocabulary.idf.length);
    scratchCounts.set(vocabulary, counts);
  }
  const scratch = counts;
  const wordColumns: number[] = [];
  const charColumns: number[] = [];
  const count = (column: number | undefined, touched: number[]) => {
    if (column === undefined) return;
    if (scratch[column] === 0) touched.push(column);
    scratch[column] = (scratch[column] ?? 0) + 1;
  };
  const tokens = forEachWordFeature(text, features, (key) => count(vocabulary.words.get(key), wordColumns), extra);
  if (features.charWeight > 0) for (const token of tokens) for (const column of charColumnsOf(token, vocabulary, features)) count(column, charColumns);

  const indices: number[] = [];
  const values: number[] = [];
  const addBlock = (columns: number[], weight: number) => {
    const start = values.length;
    let norm = 0;
    for (const column of columns) {
      const value = (1 + Math.log(scratch[column] ?? 1)) * (vocabulary.idf[column] ?? 1);
      scratch[column] = 0;
      indices.push(column);
      values.push(value);
      norm += value * value;
    }
    if (norm === 0) return;
    const scale = weight / Math.sqrt(norm);
    for (let i = start; i < values.length; i += 1) values[i] = (values[i] ?? 0) * scale;
  };
  addBlock(wordColumns, 1);
  addBlock(charColumns, features.charWeight);
  let norm = 0;
  for (const v of values) norm += v * v;
  if (norm > 0) {
    const scale = 1 / Math.sqrt(norm);
    for (let i = 0; i < values.length; i += 1) values[i] = (values[i] ?? 0) * scale;
  }
  return { indices, values };
}
