/**
 * The facts a message states, as classifier features: `fact:error.limit_exceeded`,
 * `fact:!error.insufficient_funds`. They are normalised evidence the words alone give less
 * clearly (negation read, typos corrected, synonyms folded), so the model learns from training
 * utterances, for example, that a stated limit error mostly means a declined payment.
 */
import type { Fact } from '../../core/types.js';
import { splitClauses } from '../understanding/message-text.js';
import { createFactMatcher, type FactMatcher } from './fact-matcher.js';
import type { FactCatalogue } from './load-facts.js';

export function factFeatureKeys(facts: readonly Fact[], unread: ReadonlySet<string> = NONE): string[] {
  return facts.filter((f) => !unread.has(f.name)).map((f) => `fact:${f.negated ? '!' : ''}${f.name}`);
}

const NONE: ReadonlySet<string> = new Set();

/** The facts of the catalogue the classifier does not read (`classify: false`). */
export function unclassifiedFacts(catalogue: FactCatalogue): ReadonlySet<string> {
  return new Set(catalogue.facts.filter((f) => f.definition.classify === false).map((f) => f.definition.name));
}

/** The feature keys of a training utterance (clean text: no typo correction, no context). */
export function factFeaturesOf(catalogue: FactCatalogue): (text: string) => string[] {
  const matcher: FactMatcher = createFactMatcher(catalogue);
  const unread = unclassifiedFacts(catalogue);
  return (text) => factFeatureKeys(matcher.match(splitClauses(text)), unread);
}

/** The keys of the facts read in some of a message's clauses (for a reading of those clauses alone). */
export function factKeysIn(facts: readonly Fact[], clauses: ReadonlySet<number>): string[] {
  return factFeatureKeys(facts.filter((f) => clauses.has(f.clause)));
}
