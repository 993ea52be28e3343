import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { readWordNetLemmas } from '../text/english-words.js';
import { analyze, contentWords, isNumber, stem } from './text-analysis.js';

/**
 * The search index as data: built from the sections at build time, written to the index file,
 * checked when read back. Searching it is search-index.ts.
 */

/** Bump when the analyzer or the index layout changes: the content hash includes it, so old indexes rebuild. */
export const INDEX_FORMAT_VERSION = 19;

/**
 * Field weights (BM25F): a word in a heading says more than one in the text; a word of a question
 * the section answers (`asks`) about as much as text.
 */
export interface FieldWeights {
  title: number;
  articleTitle: number;
  text: number;
  asks: number;
}
export const FIELD_WEIGHTS: Readonly<FieldWeights> = { title: 2.5, articleTitle: 0.75, text: 1, asks: 1 };
/** Part of the content hash, so an index built with other weights is rebuilt. */
export const INDEX_SETTINGS = JSON.stringify(FIELD_WEIGHTS);

export interface IndexedDocument {
  title: string;
  articleTitle: string;
  text: string;
  /** Everyday questions the section answers. */
  asks: readonly string[];
}

type Postings = Record<string, Array<[number, number]>>;

/**
 * Postings are checked by hand: a zod schema over thousands of tuples costs tens of milliseconds
 * at every start, and this file is our own cache (any doubt rebuilds it from knowledge/).
 */
function isPostings(value: unknown): value is Postings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const list of Object.values(value)) {
    if (!Array.isArray(list)) return false;
    for (const entry of list) {
      if (!Array.isArray(entry) || entry.length !== 2 || !Number.isInteger(entry[0]) || !(entry[0] >= 0) || !(entry[1] > 0)) return false;
    }
  }
  return true;
}

/** The serialisable BM25 index: per term, the documents holding it with their field-weighted term frequency. */
export const searchIndexSchema = z.object({
  docCount: z.number().int().nonnegative(),
  avgLength: z.number().nonnegative(),
  lengths: z.array(z.number().nonnegative()),
  postings: z.custom<Postings>(isPostings, 'must map terms to [document, weight] pairs'),
  /** Each document's heading terms, for the heading-match bonus. */
  titles: z.array(z.array(z.string())),
  /** Each document's asks questions as terms, for the question-match bonus. */
  asks: z.array(z.array(z.array(z.string()))),
  /** Every word the sections use (one spelling, no stop words) with its count: typos are corrected towards these. */
  vocabulary: z.record(z.string(), z.number()),
  /**
   * English words (WordNet's lemmas, one a line, gzip then base64) that typo correction leaves as
   * typed: "worrying" is not a misspelt "working", nor "stuff" a misspelt "staff".
   */
  englishWords: z.string(),
});
export type SearchIndexData = z.output<typeof searchIndexSchema>;

export function buildSearchIndex(docs: readonly IndexedDocument[], weights: Readonly<FieldWeights> = FIELD_WEIGHTS): SearchIndexData {
  const postings: Postings = {};
  const lengths: number[] = [];
  const titles: string[][] = [];
  const asks: string[][][] = [];
  const vocabulary: Record<string, number> = {};
  docs.forEach((doc, docIndex) => {
    const tf = new Map<string, number>();
    const add = (text: string, weight: number): void => {
      for (const word of contentWords(text)) {
        vocabulary[word] = (vocabulary[word] ?? 0) + 1;
        const term = stem(word);
        tf.set(term, (tf.get(term) ?? 0) + weight);
      }
    };
    // "Step 2:" orders the steps; the number says nothing about the subject ("2 weeks and no refund").
    add(doc.title.replace(/\d+/g, ' '), weights.title);
    add(doc.articleTitle, weights.articleTitle);
    add(doc.text, weights.text);
    // The questions count once per distinct word: five phrasings of "card" must not outweigh the text.
    const askTerms = doc.asks.map((q) => [...new Set(analyze(q))]);
    for (const q of doc.asks) for (const word of contentWords(q)) vocabulary[word] = (vocabulary[word] ?? 0) + 1;
    for (const term of new Set(askTerms.flat())) tf.set(term, (tf.get(term) ?? 0) + weights.asks);
    asks.push(askTerms);
    let length = 0;
    for (const [term, weight] of tf) {
      (postings[term] ??= []).push([docIndex, weight]);
      length += weight;
    }
    lengths.push(length);
    titles.push([...new Set(analyze(doc.title).filter((t) => !isNumber(t)))]);
  });
  const avgLength = lengths.length ? lengths.reduce((a, b) => a + b, 0) / lengths.length : 0;
  return { docCount: docs.length, avgLength, lengths, postings, titles, asks, vocabulary, englishWords: packedEnglishWords() };
}

let packed: string | undefined;
/** WordNet's lemmas packed for the index file (read once per process: tuning builds many indexes). */
function packedEnglishWords(): string {
  packed ??= gzipSync(readWordNetLemmas().join('\n'), { level: 9 }).toString('base64');
  return packed;
}
