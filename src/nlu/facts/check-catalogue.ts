/**
 * Every example a fact declares is read back through the whole understanding (typo correction
 * included, as the bot reads real messages): examples must give the fact, negated examples its
 * negation, counterexamples neither. A catalogue edit that breaks one is caught before it ships.
 */
import type { IntentClassifier } from '../../core/ports.js';
import type { FactCatalogue } from './load-facts.js';

export interface CatalogueProblem {
  fact: string;
  file: string;
  kind: 'example' | 'negatedExample' | 'counterexample';
  text: string;
  /** What was read instead, e.g. ["!error.insufficient_funds", "card.debit"]. */
  read: string[];
}

export function checkCatalogue(catalogue: FactCatalogue, classifier: IntentClassifier): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  for (const { definition, file } of catalogue.facts) {
    const check = (kind: CatalogueProblem['kind'], texts: readonly string[], ok: (found: { negated: boolean } | undefined) => boolean) => {
      for (const text of texts) {
        const result = classifier.parse(text);
        const facts = [...result.facts, ...(result.status ? [{ name: `status.${result.status}`, negated: false }] : [])];
        const found = facts.find((f) => f.name === definition.name) ?? statusFact(definition.name, result.status);
        if (!ok(found)) problems.push({ fact: definition.name, file, kind, text, read: facts.map((f) => `${f.negated ? '!' : ''}${f.name}`) });
      }
    };
    check('example', definition.examples, (f) => f !== undefined && !f.negated);
    check('negatedExample', definition.negatedExamples, (f) => f !== undefined && f.negated);
    check('counterexample', definition.counterexamples, (f) => f === undefined || f.negated);
  }
  return problems;
}

/** Status facts surface as the message's status: "it didn't work" (solved, negated) is still failing. */
function statusFact(name: string, status: string | null): { negated: boolean } | undefined {
  if (name === 'status.solved' && status === 'still_failing') return { negated: true };
  return undefined;
}
