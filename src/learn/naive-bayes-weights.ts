import type { SparseVector } from './sparse-vector.js';

export interface NaiveBayesWeights {
  /** Feature-major log P(feature | label), like the softmax weights. */
  weights: Float64Array;
  /** log P(label). */
  bias: Float64Array;
}

/**
 * Multinomial naive Bayes over the same TF-IDF vectors the softmax reads (Rennie et al. 2003).
 * Its score is linear in the features, so it can be added to the softmax weights and costs
 * nothing at prediction time; it helps labels with few utterances, where the softmax is weakest.
 */
export function trainNaiveBayes(x: readonly SparseVector[], y: readonly number[], features: number, labels: number, alpha: number): NaiveBayesWeights {
  const mass = new Float64Array(features * labels);
  const totals = new Float64Array(labels);
  const counts = new Float64Array(labels);
  x.forEach((vector, n) => {
    const k = y[n];
    if (k === undefined) return;
    counts[k] = (counts[k] ?? 0) + 1;
    for (let f = 0; f < vector.indices.length; f += 1) {
      const value = vector.values[f] ?? 0;
      const at = (vector.indices[f] ?? 0) * labels + k;
      mass[at] = (mass[at] ?? 0) + value;
      totals[k] = (totals[k] ?? 0) + value;
    }
  });
  const weights = new Float64Array(features * labels);
  for (let k = 0; k < labels; k += 1) {
    const denominator = Math.log((totals[k] ?? 0) + alpha * features);
    for (let j = 0; j < features; j += 1) weights[j * labels + k] = Math.log((mass[j * labels + k] ?? 0) + alpha) - denominator;
  }
  const bias = Float64Array.from(counts, (c) => Math.log((c + 1) / (x.length + labels)));
  return { weights, bias };
}
