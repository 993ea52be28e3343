/**
 * The learned fact layer's model: for each fact key (a fact, or its negation: `!name`) a logistic
 * regression over word and word-pair presence, kept sparse (small weights pruned) and feature-major
 * so a message costs one lookup per feature it has.
 */
import { sigmoid } from '../../learn/multi-label-logistic.js';
import { forEachFeature, wordsOf } from './features.js';

export interface LearnedFacts {
  /** `name` or `!name` (the fact stated as not so), one per model column. */
  keys: string[];
  vocabulary: Map<string, number>;
  /** Feature j's weights are entries [offsets[j], offsets[j+1]) of `keyIndex` and `weights`. */
  offsets: Uint32Array;
  keyIndex: Uint16Array;
  weights: Float32Array;
  bias: Float64Array;
  /** A fact the patterns read in neither polarity is added from this probability on. */
  addAbove: number;
  /** A fact the patterns read is dropped when its key's probability is under this. */
  vetoBelow: number;
  /** Content hash of the training rows and settings: the file is stale when it differs. */
  trainingHash: string;
  createdAt: string;
}

export const negationKey = (name: string, negated: boolean): string => (negated ? `!${name}` : name);

/** Adds feature j's weights to `scores`, each to its key. */
function addFeature(model: LearnedFacts, j: number, scores: Float64Array): void {
  const end = model.offsets[j + 1] ?? 0;
  for (let e = model.offsets[j] ?? 0; e < end; e += 1) {
    const k = model.keyIndex[e] ?? 0;
    scores[k] = (scores[k] ?? 0) + (model.weights[e] ?? 0);
  }
}

/** The probability of every key for a message, in `model.keys` order. */
export function learnedFactProbabilities(model: LearnedFacts, text: string): Float64Array {
  const scores = Float64Array.from(model.bias);
  // Feature indices, each counted once (presence, not counts).
  const found: number[] = [];
  forEachFeature(wordsOf(text), (feature) => {
    const j = model.vocabulary.get(feature);
    if (j !== undefined) found.push(j);
  });
  found.sort((a, b) => a - b);
  for (let f = 0; f < found.length; f += 1) if (f === 0 || found[f] !== found[f - 1]) addFeature(model, found[f] ?? 0, scores);
  for (let k = 0; k < scores.length; k += 1) scores[k] = sigmoid(scores[k] ?? 0);
  return scores;
}
