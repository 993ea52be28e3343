/**
 * The learned layer beside the patterns: it adds a fact the patterns read in neither polarity when
 * it is sure (over `addAbove`), and, when `veto` is on, drops a pattern's reading it finds very
 * unlikely (under `vetoBelow`; off as shipped). Patterns stay the first reader: they carry values
 * (a count of tries, a product), and every fact the model has too few rows to learn.
 */
import type { Fact } from '../../core/types.js';
import { forEachFeature } from './features.js';
import { learnedFactProbabilities, negationKey, type LearnedFacts } from './model.js';

/** How much a run of words weighs for one key (its words' and word pairs' weights for it). */
function weightFor(model: LearnedFacts, k: number, words: readonly string[]): number {
  let score = 0;
  forEachFeature(words, (feature) => {
    const j = model.vocabulary.get(feature);
    if (j === undefined) return;
    const end = model.offsets[j + 1] ?? 0;
    for (let e = model.offsets[j] ?? 0; e < end; e += 1) if (model.keyIndex[e] === k) score += model.weights[e] ?? 0;
  });
  return score;
}

/** The clause whose words weigh most for the key: where an added fact was said. */
function clauseOf(model: LearnedFacts, k: number, clauses: ReadonlyArray<readonly string[]>): number {
  if (clauses.length <= 1) return 0;
  let best = Math.max(0, clauses.length - 1);
  let bestScore = -Infinity;
  clauses.forEach((words, i) => {
    const score = weightFor(model, k, words);
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  return best;
}

/**
 * `veto` is false when the reading leans on the conversation; `quoted` gives the keys read in the
 * app's own words in quotes, which the veto never drops: an error message copied word for word is
 * better evidence than the bag of words around it. It is asked only when the veto would drop a fact.
 */
export function combineLearnedFacts(model: LearnedFacts, text: string, facts: readonly Fact[], clauses: ReadonlyArray<readonly string[]>, veto = true, quoted: () => ReadonlySet<string> = () => new Set()): Fact[] {
  const p = learnedFactProbabilities(model, text);
  const vetoing = veto && model.vetoBelow > 0;
  let spared: ReadonlySet<string> | undefined;
  const unlikely = (f: Fact) => {
    const key = negationKey(f.name, f.negated);
    if ((p[model.keys.indexOf(key)] ?? 1) >= model.vetoBelow) return false;
    spared ??= quoted();
    return !spared.has(key);
  };
  const kept = vetoing ? facts.filter((f) => !unlikely(f)) : facts;
  const added = new Map<string, { negated: boolean; k: number; p: number }>();
  for (let k = 0; k < model.keys.length; k += 1) {
    const pk = p[k] ?? 0;
    if (pk <= model.addAbove) continue;
    const key = model.keys[k] ?? '';
    const negated = key.startsWith('!');
    const name = negated ? key.slice(1) : key;
    if (facts.some((f) => f.name === name)) continue;
    const other = added.get(name);
    if (!other || other.p < pk) added.set(name, { negated, k, p: pk });
  }
  if (added.size === 0) return [...kept];
  return [...kept, ...[...added].map(([name, { negated, k }]) => ({ name, negated, clause: clauseOf(model, k, clauses) }))];
}
