import { contentWords } from './text-analysis.js';

/**
 * When is a second section a second part of the answer rather than a runner-up? Two signals,
 * thresholds chosen by measurement (scripts/tune-knowledge.ts):
 * - the question asks two things ("what rate do they use and is there a daily limit"): each
 *   clause, searched alone, confidently finds its own section;
 * - the articles pair the two (`<!-- also: … -->`, a fee and the exchange rate) and the partner
 *   scores well enough.
 * A third rule, "the runner-up scores nearly as well as the first", was measured and dropped: on
 * the tuning sets it mostly added a near-duplicate of the first section.
 */
export interface AnswerPartSettings {
  /** Show a declared partner from the top three when its BM25 score is at least this share of the first's. */
  pairedRatio: number;
  /** A clause's own best section counts when the classifier gives it at least this probability… */
  clauseConfidence: number;
  /** …and the whole question scores it at least this share of the first section's score. */
  clauseRatio: number;
  /**
   * A clause's section that the whole question does not rank in its first three would push the
   * third out of the answer's top three: it needs at least this probability.
   */
  clauseOutsideConfidence: number;
}

export const DEFAULT_ANSWER_PARTS: Readonly<AnswerPartSettings> = { pairedRatio: 0.6, clauseConfidence: 0.5, clauseRatio: 0.25, clauseOutsideConfidence: 0.8 };

export interface PartCandidate {
  id: string;
  score: number;
  /** Sections declared as completing this one. */
  also: readonly string[];
}

/** The declared-pair rule (the clause rule needs the searcher: see create-knowledge-base.ts). */
export function isDeclaredPart(first: PartCandidate, second: PartCandidate, settings: Readonly<AnswerPartSettings>): boolean {
  if (!(first.score > 0)) return false;
  const paired = first.also.includes(second.id) || second.also.includes(first.id);
  return paired && second.score / first.score >= settings.pairedRatio;
}

/** Where one question becomes two: sentence ends, "and", "also", "plus", "or is". */
const CLAUSE_BREAK = /[?!.;]+|,\s*(?:and|also|plus|but)\b|\s(?:and|also|plus|as well as|and also)\s|\bor is\b/i;
/**
 * A clause needs this many words of its own to be searched alone: one is enough ("what is the
 * limit and how to raise it": "limit", "raise"); 2 lost a part of 4 in 38 two-part questions.
 */
const MIN_CLAUSE_WORDS = 1;

/** The clauses of a question worth searching alone; fewer than two means it asks one thing. */
export function splitClauses(query: string): string[] {
  const clauses = query.split(new RegExp(CLAUSE_BREAK.source, 'gi')).map((c) => c.trim());
  return clauses.filter((c) => contentWords(c).length >= MIN_CLAUSE_WORDS);
}
