import { scoreInto, seededRandom, shuffleInPlace } from './softmax-regression.js';
import type { SparseVector } from './sparse-vector.js';

/**
 * One independent logistic regression per label, trained together: a message may state several
 * facts at once, so each label is its own yes/no question (unlike softmax, where labels compete).
 */
export interface MultiLabelTrainOptions {
  epochs: number;
  learningRate: number;
  /**
   * L2 penalty λ of λ/2·‖w‖² against the loss summed over the examples (1/C in the usual terms).
   * Applied to every weight once an epoch as a proximal step at its own AdaGrad rate: a penalty
   * paid only when an example touches a weight barely holds back the rare words, which then
   * overfit into certainties.
   */
  l2: number;
  seed: number;
}

export interface MultiLabelWeights {
  features: number;
  labels: number;
  /** Feature-major: the weights of feature j are [j*labels, (j+1)*labels). */
  weights: Float64Array;
  bias: Float64Array;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Trains with AdaGrad over shuffled examples; `y[n]` lists the labels example n has. Deterministic for a seed. */
export function trainMultiLabelLogistic(x: readonly SparseVector[], y: ReadonlyArray<readonly number[]>, features: number, labels: number, options: MultiLabelTrainOptions): MultiLabelWeights {
  const weights = new Float64Array(features * labels);
  const bias = new Float64Array(labels);
  const gradSq = new Float64Array(features * labels).fill(1e-8);
  const biasGradSq = new Float64Array(labels).fill(1e-8);
  const scores = new Float64Array(labels);
  const order = x.map((_, i) => i);
  const random = seededRandom(options.seed);
  const { learningRate: lr, l2 } = options;

  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    shuffleInPlace(order, random);
    for (const n of order) {
      const vector = x[n];
      if (vector === undefined) continue;
      scoreInto(scores, bias, vector, weights);
      // Now the gradient of each label's log loss with respect to its score: p - target.
      for (let k = 0; k < labels; k += 1) scores[k] = sigmoid(scores[k] ?? 0);
      for (const k of y[n] ?? []) scores[k] = (scores[k] ?? 0) - 1;
      for (let k = 0; k < labels; k += 1) {
        const g = scores[k] ?? 0;
        biasGradSq[k] = (biasGradSq[k] ?? 0) + g * g;
        bias[k] = (bias[k] ?? 0) - (lr * g) / Math.sqrt(biasGradSq[k] ?? 1);
      }
      for (let f = 0; f < vector.indices.length; f += 1) {
        const base = (vector.indices[f] ?? 0) * labels;
        const value = vector.values[f] ?? 0;
        for (let k = 0; k < labels; k += 1) {
          const at = base + k;
          const w = weights[at] ?? 0;
          const g = value * (scores[k] ?? 0);
          gradSq[at] = (gradSq[at] ?? 0) + g * g;
          weights[at] = w - (lr * g) / Math.sqrt(gradSq[at] ?? 1);
        }
      }
    }
    for (let at = 0; at < weights.length; at += 1) weights[at] = (weights[at] ?? 0) / (1 + (lr * l2) / Math.sqrt(gradSq[at] ?? 1));
  }
  return { features, labels, weights, bias };
}
