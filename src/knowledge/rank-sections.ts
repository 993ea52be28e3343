import type { Searcher } from './search-index.js';
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
export function blendScores(lexical: Float64Array, bestLexical: number, probabilities: Float64Array, classifierWeight: number, out: Float64Array): void {
  const scale = bestLexical > 0 ? (1 - classifierWeight) / bestLexical : 0;
  for (let d = 0; d < out.length; d++) out[d] = classifierWeight * (probabilities[d] ?? 0) + scale * (lexical[d] ?? 0);
}

/** One text scored by both models. */
export interface ScoredText {
  /** BM25's best section (-1: no word matched), its score and the share of the question it matched. */
  best: number;
  bestScore: number;
  bestCoverage: number;
  /** The question's terms as searched. */
  terms: readonly string[];
  /** The section the classifier likes best, and its probability. */
  classifierTop: number;
  classifierProbability: number;
}

export interface Ranker {
  /**
   * Scores `text` against every section: the blend goes into `out`, BM25 alone into `lexical` (one
   * slot per section). `classifierText`, when given, is what the classifier reads instead (a
   * follow-up with its context marks, where BM25 reads it with the headings).
   */
  score(text: string, out: Float64Array, lexical: Float64Array, classifierText?: string): ScoredText;
  /** The classifier's best section for `text` and its probability (no BM25: cheaper). */
  classify(text: string): { top: number; probability: number };
  /** Whether a search term (as in ScoredText.terms) occurs in any section or names a synonym that does. */
  knows(term: string): boolean;
}

export function createRanker(searcher: Searcher, classifier: SectionClassifier, classifierWeight: number): Ranker {
  // Reused across calls: search is synchronous, and fresh arrays per call only feed the GC.
  const probabilities = new Float64Array(classifier.labels);
  const coverage = new Float64Array(classifier.labels);
  const classify = (text: string): { top: number; probability: number } => {
    classifySections(classifier, text, probabilities);
    let top = 0;
    for (let d = 1; d < probabilities.length; d++) if ((probabilities[d] ?? 0) > (probabilities[top] ?? 0)) top = d;
    return { top, probability: probabilities[top] ?? 0 };
  };
  return {
    classify,
    knows: (term) => searcher.knows(term),
    score(text, out, lexical, classifierText = text) {
      const { best, terms } = searcher.scoreInto(text, lexical, coverage);
      const { top, probability } = classify(classifierText);
      const bestScore = best >= 0 ? (lexical[best] ?? 0) : 0;
      blendScores(lexical, bestScore, probabilities, classifierWeight, out);
      return { best, bestScore, bestCoverage: best >= 0 ? (coverage[best] ?? 0) : 0, terms, classifierTop: top, classifierProbability: probability };
    },
  };
}
