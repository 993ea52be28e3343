/**
 * The learned layer beside the patterns: it adds a fact the patterns read in neither polarity when
 * it is sure (over `addAbove`), and, when `veto` is on, drops a pattern's reading it finds very
 * unlikely (under `vetoBelow`). Patterns stay the first reader: they carry values (a count of tries, a product),
 * and every fact the model has too few rows to learn.
 */
import type { Fact } from '../../core/types.js';
import { featuresOfWords } from './features.js';
import { addFeature, learnedFactProbabilities, negationKey, type LearnedFacts } from './model.js';

/** The clause whose words weigh most for the key: where an added fact was said. */
function clauseOf(model: LearnedFacts, k: number, clauses: ReadonlyArray<readonly string[]>): number {
  let best = Math.max(0, clauses.length - 1);
  let bestScore = -Infinity;
  clauses.forEach((words, i) => {
    const scores = new Float64Array(model.keys.length);
    for (const feature of featuresOfWords(words.map((w) => w.toLowerCase()))) {
      const j = model.vocabulary.get(feature);
      if (j !== undefined) addFeature(model, j, scores);
    }
    const score = scores[k] ?? 0;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

export function combineLearnedFacts(model: LearnedFacts, text: string, facts: readonly Fact[], clauses: ReadonlyArray<readonly string[]>, veto = true): Fact[] {
  const p = learnedFactProbabilities(model, text);
  const probability = new Map(model.keys.map((key, k) => [key, p[k] ?? 0]));
  const kept = !veto ? [...facts] : facts.filter((f) => (probability.get(negationKey(f.name, f.negated)) ?? 1) >= model.vetoBelow);
  const read = new Set(facts.map((f) => f.name));
  const added = new Map<string, { negated: boolean; k: number; p: number }>();
  model.keys.forEach((key, k) => {
    const pk = p[k] ?? 0;
    if (pk <= model.addAbove) return;
    const negated = key.startsWith('!');
    const name = negated ? key.slice(1) : key;
    if (read.has(name)) return;
    const other = added.get(name);
    if (!other || other.p < pk) added.set(name, { negated, k, p: pk });
  });
  return [...kept, ...[...added].map(([name, { negated, k }]) => ({ name, negated, clause: clauseOf(model, k, clauses) }))];
}
