import type { SearchHit, Searcher } from './search-index.js';
import { classifySections, type SectionClassifier } from './section-classifier.js';

/**
 * How the two models' views of a question are combined into one ranking. Every number here was
 * chosen by measurement (scripts/tune-knowledge.ts; README, "How retrieval works").
 */
export interface RankingSettings {
  /**
   * Weight of the section classifier's probability against BM25 (scaled so the best BM25 hit is
   * 1): 0 is BM25 alone, 1 the classifier alone.
   */
  classifierWeight: number;
  /** Multiplier for sections tagged with an intent given to `search`. */
  intentBoost: number;
}

export const DEFAULT_RANKING: Readonly<RankingSettings> = { classifierWeight: 0.5, intentBoost: 1.25 };

/**
 * Writes the blended score of every section into `out`: (1 − w) × BM25 / best BM25 + w × P(section).
 * BM25 is scaled by its best hit because its scores have no fixed range; the probability already
 * lies in 0..1. Sections without a word in common with the question can still rank through the
 * classifier ("is alipay taking a cut" shares no word with "Fees").
 */
export function blendScores(hits: readonly SearchHit[], probabilities: Float64Array, classifierWeight: number, out: Float64Array): void {
  const top = hits[0]?.score ?? 0;
  const lexical = top > 0 ? (1 - classifierWeight) / top : 0;
  for (let d = 0; d < out.length; d++) out[d] = classifierWeight * (probabilities[d] ?? 0);
  for (const hit of hits) out[hit.doc] = (out[hit.doc] ?? 0) + lexical * hit.score;
}

/** One text scored by both models. */
export interface ScoredText {
  /** BM25 hits, best first (the relevance floor reads the first). */
  hits: SearchHit[];
  /** The section the classifier likes best, and its probability. */
  classifierTop: number;
  classifierProbability: number;
}

export interface Ranker {
  /** Scores `text` against every section: the blend goes into `out` (one slot per section). */
  score(text: string, out: Float64Array): ScoredText;
  /** The classifier's best section for `text` and its probability (no BM25: cheaper). */
  classify(text: string): { top: number; probability: number };
}

export function createRanker(searcher: Searcher, classifier: SectionClassifier, classifierWeight: number): Ranker {
  // Reused across calls: search is synchronous, and fresh arrays per call only feed the GC.
  const probabilities = new Float64Array(classifier.labels);
  const classify = (text: string): { top: number; probability: number } => {
    classifySections(classifier, text, probabilities);
    let top = 0;
    for (let d = 1; d < probabilities.length; d++) if ((probabilities[d] ?? 0) > (probabilities[top] ?? 0)) top = d;
    return { top, probability: probabilities[top] ?? 0 };
  };
  return {
    classify,
    score(text, out) {
      const hits = searcher.search(text);
      const { top, probability } = classify(text);
      blendScores(hits, probabilities, classifierWeight, out);
      return { hits, classifierTop: top, classifierProbability: probability };
    },
  };
}
