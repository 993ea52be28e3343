import { normalizeSpelling, stem, words } from './text-analysis.js';

/**
 * The section classifier's features: TF-IDF over word unigrams and bigrams of stems (every word,
 * stop words included: "how long" and "who do I" tell questions apart) and character 3–4-grams
 * inside words (typos). The same recipe as the intent model's; the layers stay apart, so the
 * knowledge base has its own copy over its own text analysis.
 */
export interface SparseVector {
  indices: number[];
  values: number[];
}

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

/** Calls `onWord` and `onChar` for every feature key of a text (callbacks: prediction is a hot path). */
export function forEachFeature(text: string, onWord: (key: string) => void, onChar: (key: string) => void): void {
  const tokens = words(text.replace(PLACEHOLDER, ' ')).map((w) => (/^\d+$/.test(w) ? 'num' : normalizeSpelling(w)));
  const stems = tokens.map(stem);
  for (let i = 0; i < stems.length; i++) {
    onWord(`w:${stems[i] ?? ''}`);
    if (i + 1 < stems.length) onWord(`w:${stems[i] ?? ''} ${stems[i + 1] ?? ''}`);
  }
  for (const token of tokens) {
    const padded = ` ${token} `;
    for (let n = CHAR_MIN; n <= CHAR_MAX; n++) for (let i = 0; i + n <= padded.length; i++) onChar(`c:${padded.slice(i, i + n)}`);
  }
}

/** Learns the columns and idf from the training texts; a character n-gram must occur in `charMinDf` texts. */
export function fitVocabulary(texts: readonly string[], charMinDf: number): FeatureVocabulary {
  const df = new Map<string, number>();
  for (const text of texts) {
    const seen = new Set<string>();
    forEachFeature(text, (k) => seen.add(k), (k) => seen.add(k));
    for (const key of seen) df.set(key, (df.get(key) ?? 0) + 1);
  }
  const kept = [...df].filter(([key, count]) => !key.startsWith('c:') || count >= charMinDf).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // idf is stored as float32: rounded now, so the model in memory is exactly the one in the file.
  const idf = Float64Array.from(kept, ([, count]) => Math.fround(Math.log((1 + texts.length) / (1 + count)) + 1));
  return { columns: new Map(kept.map(([key], column) => [key, column])), idf };
}

/** Sublinear tf × idf, each block (words, characters) L2-normalised, then the whole. */
export function vectorize(text: string, vocabulary: FeatureVocabulary): SparseVector {
  const counts = new Map<number, number>();
  const wordColumns: number[] = [];
  const charColumns: number[] = [];
  const count = (key: string, block: number[]): void => {
    const column = vocabulary.columns.get(key);
    if (column === undefined) return;
    const seen = counts.get(column);
    if (seen === undefined) block.push(column);
    counts.set(column, (seen ?? 0) + 1);
  };
  forEachFeature(text, (k) => count(k, wordColumns), (k) => count(k, charColumns));
  const indices: number[] = [];
  const values: number[] = [];
  for (const block of [wordColumns, charColumns]) {
    const start = values.length;
    let norm = 0;
    for (const column of block) {
      const value = (1 + Math.log(counts.get(column) ?? 1)) * (vocabulary.idf[column] ?? 1);
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
