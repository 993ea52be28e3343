import { gunzipSync } from 'node:zlib';
import { isEnglishWord } from '../text/english-words.js';
import type { SearchIndexData } from './search-index-data.js';
import { createTypoCorrector } from './typo-correction.js';
import { contentWords, isNumber, stem } from './text-analysis.js';

/** BM25 parameters (the usual defaults). */
const K1 = 1.2;
const B = 0.75;

export interface SearchHit {
  doc: number;
  score: number;
  /** Share of the query's weight (by idf) that matched this document, 0..1. */
  coverage: number;
}

/** One query scored into caller-owned arrays (no allocation per document): see Searcher.scoreInto. */
export interface ScoredQuery {
  /** The best document, or -1 when nothing matched. */
  best: number;
  /** The query's distinct terms as searched. */
  terms: readonly string[];
}

export interface Searcher {
  /** Every matching document, best first. */
  search(query: string): SearchHit[];
  /**
   * The same scores written into `scores` and `coverage` (one slot per document, 0 where nothing
   * matched): the hot path, which allocates nothing per document.
   */
  scoreInto(query: string, scores: Float64Array, coverage: Float64Array): ScoredQuery;
  /** The query's terms as searched: stemmed, misspelt words corrected to known ones. */
  terms(query: string): string[];
  /** Whether a term (already stemmed) occurs in any document, itself or through a synonym. */
  knows(term: string): boolean;
}

/** How much a synonym counts next to the word the person actually typed. */
const SYNONYM_WEIGHT = 0.45;
/** How far a synonym match counts as having understood the word, for the relevance floor. */
const SYNONYM_COVERAGE = 0.8;
/**
 * Added, times the overlap (Jaccard) of the question's terms with a heading's terms, to a section
 * that already matches: "what is the tour pass" should find the heading "What the Tour Pass is"
 * even when every word of it is common.
 */
const HEADING_BONUS = 3;
/** The same for the closest of the questions a section answers (its asks). */
const ASK_BONUS = 3;

export interface SearcherOptions {
  /** Words known besides the sections' own (synonyms, domain terms): typos are corrected towards them too. */
  extraVocabulary?: Iterable<string>;
  headingBonus?: number;
  askBonus?: number;
}

/**
 * BM25 over the index, with query-time synonym expansion. Each query term scores a document
 * by its best alternative (itself at full weight, or a synonym at SYNONYM_WEIGHT), so a long
 * synonym group cannot outweigh the exact word.
 */
export function createSearcher(
  data: SearchIndexData,
  synonyms: ReadonlyMap<string, readonly string[]>,
  options: SearcherOptions = {},
): Searcher {
  const headingBonus = options.headingBonus ?? HEADING_BONUS;
  const askBonus = options.askBonus ?? ASK_BONUS;
  const postings = new Map(Object.entries(data.postings));
  const vocabulary = new Map(Object.entries(data.vocabulary));
  for (const word of options.extraVocabulary ?? []) if (!vocabulary.has(word)) vocabulary.set(word, 1);
  // Unpacked on the first word that looks misspelt (most questions have none).
  let english: ReadonlySet<string> | undefined;
  const isEnglish = (word: string): boolean => {
    english ??= new Set(data.englishWords ? gunzipSync(Buffer.from(data.englishWords, 'base64')).toString('utf8').split('\n') : []);
    return isEnglishWord(word, english);
  };
  const corrector = createTypoCorrector(vocabulary, isEnglish);
  const queryTerms = (query: string): string[] => {
    const terms: string[] = [];
    for (const word of contentWords(query)) {
      const term = stem(word);
      if (postings.has(term) || synonyms.has(term)) {
        terms.push(term);
        continue;
      }
      // An amount we never mention ("20000 yuan") says how much, not what about: it is not an unknown word.
      if (isNumber(word)) continue;
      // "unflagged", "unblock": the same subject as the word without "un", asked the other way round.
      const positive = word.startsWith('un') ? stem(word.slice(2)) : '';
      if (positive && (postings.has(positive) || synonyms.has(positive))) {
        terms.push(positive);
        continue;
      }
      const corrected = corrector.correct(word);
      terms.push(corrected ? stem(corrected) : term);
    }
    return terms;
  };
  const n = data.docCount;
  const idf = (df: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));
  // A word no section uses counts like the rarest word we know: it makes the question less likely ours.
  const unknownIdf = idf(1);
  const norms = Float64Array.from(data.lengths, (len) => K1 * (1 - B + (B * len) / (data.avgLength || 1)));

  interface Expansion {
    /** The term's weight in the query (its idf, or its rarest known synonym's). */
    weight: number;
    /** The documents the term (or a synonym) scores, with its BM25 contribution and how far it covers the word. */
    docs: Int32Array;
    contribution: Float64Array;
    credit: Float64Array;
  }
  // Query terms repeat a lot: each term's contribution to every document is computed once, since it
  // does not depend on the rest of the question. Each document takes the term's best alternative
  // (itself at full weight, or a synonym at SYNONYM_WEIGHT).
  const expansions = new Map<string, Expansion>();
  const bestScratch = new Float64Array(n);
  const coverScratch = new Float64Array(n);
  const expand = (term: string): Expansion => {
    let e = expansions.get(term);
    if (e) return e;
    const own = postings.get(term);
    const sources: Array<{ list: Array<[number, number]>; idfWeight: number; credit: number }> = [];
    if (own) sources.push({ list: own, idfWeight: idf(own.length), credit: 1 });
    let rarest = Infinity;
    for (const alt of synonyms.get(term) ?? []) {
      const list = postings.get(alt);
      if (!list) continue;
      rarest = Math.min(rarest, list.length);
      sources.push({ list, idfWeight: SYNONYM_WEIGHT * idf(list.length), credit: SYNONYM_COVERAGE });
    }
    bestScratch.fill(0);
    coverScratch.fill(0);
    for (const { list, idfWeight, credit } of sources) {
      for (const [doc, tf] of list) {
        const score = (idfWeight * tf * (K1 + 1)) / (tf + (norms[doc] ?? K1));
        if (score > (bestScratch[doc] ?? 0)) bestScratch[doc] = score;
        if (credit > (coverScratch[doc] ?? 0)) coverScratch[doc] = credit;
      }
    }
    const touchedDocs: number[] = [];
    for (let d = 0; d < n; d++) if ((bestScratch[d] ?? 0) > 0) touchedDocs.push(d);
    // A word we never use but whose synonyms we do ("rejected") weighs like its rarest known synonym.
    const weight = own ? idf(own.length) : Number.isFinite(rarest) ? idf(rarest) : unknownIdf;
    e = {
      weight,
      docs: Int32Array.from(touchedDocs),
      contribution: Float64Array.from(touchedDocs, (d) => bestScratch[d] ?? 0),
      credit: Float64Array.from(touchedDocs, (d) => coverScratch[d] ?? 0),
    };
    if (expansions.size < 20_000) expansions.set(term, e);
    return e;
  };

  // The asks questions as an inverted index (term → global question numbers), so the closest-
  // phrasing bonus only visits questions that share a word with the query, not every question.
  const askDoc: number[] = [];
  const askLength: number[] = [];
  const askPostings = new Map<string, number[]>();
  data.asks.forEach((asks, doc) => {
    for (const ask of asks) {
      const g = askDoc.length;
      askDoc.push(doc);
      askLength.push(ask.length);
      for (const term of ask) {
        const list = askPostings.get(term);
        if (list) list.push(g);
        else askPostings.set(term, [g]);
      }
    }
  });
  const askCommon = new Uint16Array(askDoc.length);
  const touched: number[] = [];

  // Reused across searches: search is synchronous, and fresh arrays per call only feed the GC.
  const scores = new Float64Array(n);
  const matched = new Float64Array(n);
  const bestAsk = new Float64Array(n);

  function scoreInto(query: string, out: Float64Array, coverage: Float64Array): ScoredQuery {
    const terms = [...new Set(queryTerms(query))];
    scores.fill(0);
    matched.fill(0);
    out.fill(0);
    coverage.fill(0);
    let totalWeight = 0;
    for (const term of terms) {
      const { weight, docs, contribution, credit } = expand(term);
      totalWeight += weight;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i] ?? 0;
        scores[doc] = (scores[doc] ?? 0) + (contribution[i] ?? 0);
        // A synonym covers the word only partly (SYNONYM_COVERAGE).
        matched[doc] = (matched[doc] ?? 0) + weight * (credit[i] ?? 0);
      }
    }
    if (terms.length === 0) return { best: -1, terms };
    const querySet = new Set(terms);
    // Closest asks question per document (Jaccard over terms), visiting only questions that share a term.
    bestAsk.fill(0);
    for (const term of querySet) {
      for (const g of askPostings.get(term) ?? []) {
        if (askCommon[g] === 0) touched.push(g);
        askCommon[g] = (askCommon[g] ?? 0) + 1;
      }
    }
    for (const g of touched) {
      const common = askCommon[g] ?? 0;
      askCommon[g] = 0;
      const doc = askDoc[g] ?? 0;
      const jaccard = common / (querySet.size + (askLength[g] ?? 0) - common);
      if (jaccard > (bestAsk[doc] ?? 0)) bestAsk[doc] = jaccard;
    }
    touched.length = 0;
    let best = -1;
    for (let d = 0; d < n; d++) {
      let score = scores[d] ?? 0;
      if (score <= 0) continue;
      const title = data.titles[d] ?? [];
      let shared = 0;
      for (const t of title) if (querySet.has(t)) shared++;
      if (shared > 0) score += (headingBonus * shared) / (querySet.size + title.length - shared);
      score += askBonus * (bestAsk[d] ?? 0);
      out[d] = score;
      coverage[d] = totalWeight ? (matched[d] ?? 0) / totalWeight : 0;
      if (best < 0 || score > (out[best] ?? 0)) best = d;
    }
    return { best, terms };
  }

  const hitScores = new Float64Array(n);
  const hitCoverage = new Float64Array(n);
  return {
    knows: (term) => postings.has(term) || (synonyms.get(term) ?? []).some((alt) => postings.has(alt)),
    terms: queryTerms,
    scoreInto,
    search(query) {
      scoreInto(query, hitScores, hitCoverage);
      const hits: SearchHit[] = [];
      for (let d = 0; d < n; d++) if ((hitScores[d] ?? 0) > 0) hits.push({ doc: d, score: hitScores[d] ?? 0, coverage: hitCoverage[d] ?? 0 });
      return hits.sort((a, b) => b.score - a.score);
    },
  };
}
