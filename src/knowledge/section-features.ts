import type { SparseVector } from '../learn/sparse-vector.js';
import { foldDocumentCards, normalizeSpelling, stem, words } from './text-analysis.js';

/**
 * The section classifier's features: TF-IDF over word unigrams and bigrams of stems (every word,
 * stop words included: "how long" and "who do I" tell questions apart) and character 3–4-grams
 * inside words (typos). The same recipe as the intent model's, over the knowledge base's own
 * text analysis; the learning itself is shared (src/learn).
 */
export type { SparseVector };

export interface FeatureVocabulary {
  /** Feature key (`w:` word n-gram, `c:` character n-gram) → column. */
  columns: Map<string, number>;
  /** Inverse document frequency per column. */
  idf: Float64Array;
}

const CHAR_MIN = 3;
const CHAR_MAX = 4;
/** The privacy guard's placeholders say a secret was there, not what the question is about. */
const PLACEHOLDER = /\[[a-z][a-z ]{0,30}\]/gi;

/**
 * `⟦after article#section⟧`: the section the bot had just shown, in a follow-up's training text and
 * in a follow-up as the classifier reads it. One feature of its own (`@after:…`), never words: the
 * heading's words would teach that "documents" means the section people ask about next.
 */
const AFTER_MARK = /⟦after ([a-z0-9-]+#[a-z0-9-]+)⟧/g;
export const afterMark = (sectionId: string): string => `⟦after ${sectionId}⟧`;
/** The text is a follow-up: it carries the mark of the section shown before it. */
export const hasAfterMark = (text: string): boolean => text.includes('⟦after ');

/** Calls `onWord` and `onChar` for every feature key of a text, without prefix (callbacks: prediction is a hot path). */
function eachFeature(text: string, onWord: (key: string) => void, onChar: (key: string) => void): void {
  const afters: string[] = [];
  if (text.includes('⟦')) {
    for (const m of text.matchAll(AFTER_MARK)) {
      onWord(`@after:${m[1] ?? ''}`);
      afters.push(m[1] ?? '');
    }
    text = text.replace(AFTER_MARK, ' ');
  }
  const tokens = foldDocumentCards(words(text.includes('[') ? text.replace(PLACEHOLDER, ' ') : text).map((w) => (/^\d+$/.test(w) ? 'num' : normalizeSpelling(w))));
  const stems = tokens.map(stem);
  // A follow-up's words mean different things after different articles ("how much" after the card
  // check asks its amount, after limits the limit): each word is also a feature paired with the
  // article just shown, which one mark alone cannot say to a linear model.
  for (const shown of afters) {
    const article = shown.slice(0, shown.indexOf('#'));
    for (const s of stems) onWord(`@after:${article}|${s}`);
  }
  for (let i = 0; i < stems.length; i++) {
    onWord(stems[i] ?? '');
    if (i + 1 < stems.length) onWord(`${stems[i] ?? ''} ${stems[i + 1] ?? ''}`);
  }
  for (const token of tokens) {
    const padded = ` ${token} `;
    for (let n = CHAR_MIN; n <= CHAR_MAX; n++) for (let i = 0; i + n <= padded.length; i++) onChar(padded.slice(i, i + n));
  }
}

/** Every feature key of a text, prefixed `w:` or `c:` (as stored in the index file). */
export function forEachFeature(text: string, onKey: (key: string) => void): void {
  eachFeature(text, (k) => onKey(`w:${k}`), (k) => onKey(`c:${k}`));
}

/**
 * Learns the columns and idf from the training texts; a character n-gram must occur in `charMinDf`
 * texts, a word pair or a word paired with the article just shown in `pairMinDf` (a pair seen once
 * mostly names that one question: it costs a column of weights per section and teaches little).
 */
export function fitVocabulary(texts: readonly string[], charMinDf: number, pairMinDf = 1): FeatureVocabulary {
  const df = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    forEachFeature(text, (k) => seen.add(k));
    for (const key of seen) df.set(key, (df.get(key) ?? 0) + 1);
  }
  const minDf = (key: string): number => (key.startsWith('c:') ? charMinDf : key.includes(' ') || key.includes('|') ? pairMinDf : 1);
  const kept = [...df].filter(([key, count]) => count >= minDf(key)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // idf is stored as float32: rounded now, so the model in memory is exactly the one in the file.
  const idf = Float64Array.from(kept, ([, count]) => Math.fround(Math.log((1 + texts.length) / (1 + count)) + 1));
  return { columns: new Map(kept.map(([key], column) => [key, column])), idf };
}

/** The lookup tables vectorize uses: word and character keys without their prefix, and a scratch count per column. */
interface Lookup {
  words: Map<string, number>;
  chars: Map<string, number>;
  counts: Float64Array;
}
const lookups = new WeakMap<FeatureVocabulary, Lookup>();
function lookupOf(vocabulary: FeatureVocabulary): Lookup {
  let lookup = lookups.get(vocabulary);
  if (!lookup) {
    const wordMap = new Map<string, number>();
    const charMap = new Map<string, number>();
    for (const [key, column] of vocabulary.columns) (key.startsWith('c:') ? charMap : wordMap).set(key.slice(2), column);
    lookup = { words: wordMap, chars: charMap, counts: new Float64Array(vocabulary.idf.length) };
    lookups.set(vocabulary, lookup);
  }
  return lookup;
}

/** Sublinear tf × idf, each block (words, characters) L2-normalised, then the whole. */
export function vectorize(text: string, vocabulary: FeatureVocabulary): SparseVector {
  const { words: wordMap, chars: charMap, counts } = lookupOf(vocabulary);
  const wordColumns: number[] = [];
  const charColumns: number[] = [];
  const count = (column: number | undefined, block: number[]): void => {
    if (column === undefined) return;
    if (counts[column] === 0) block.push(column);
    counts[column] = (counts[column] ?? 0) + 1;
  };
  eachFeature(
    text,
    (k) => count(wordMap.get(k), wordColumns),
    (k) => count(charMap.get(k), charColumns),
  );
  const indices: number[] = [];
  const values: number[] = [];
  for (const block of [wordColumns, charColumns]) {
    const start = values.length;
    let norm = 0;
    for (const column of block) {
      const value = (1 + Math.log(counts[column] ?? 1)) * (vocabulary.idf[column] ?? 1);
      counts[column] = 0;
      indices.push(column);
      values.push(value);
      norm += value * value;
    }
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = start; i < values.length; i++) values[i] = (values[i] ?? 0) * scale;
  }
  let norm = 0;
  for (const v of values) norm += v * v;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < values.length; i++) values[i] = (values[i] ?? 0) * scale;
  return { indices, values };
}
