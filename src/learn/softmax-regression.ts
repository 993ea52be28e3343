import type { SparseVector } from './sparse-vector.js';

/** Multinomial logistic regression: its softmax outputs are the label probabilities. */
export interface SoftmaxTrainOptions {
  epochs: number;
  learningRate: number;
  /** L2 penalty, applied to the weights an example touches (lazy regularisation). */
  l2: number;
  seed: number;
  /** Per-example weight by label (balances over-represented labels); default 1. */
  sampleWeights?: Float64Array;
}

export interface SoftmaxWeights {
  features: number;
  labels: number;
  /** Feature-major: the weights of feature j are [j*labels, (j+1)*labels). */
  weights: Float64Array;
  bias: Float64Array;
}

/** A small deterministic PRNG (mulberry32), so the same data always trains the same model. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates, drawing from `random`: the same seed gives the same order. */
export function shuffleInPlace(order: number[], random: () => number): void {
  for (let i = order.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
  }
}

/** Each label's score for one example: its bias plus the example's features times their weights (feature-major). */
export function scoreInto(scores: Float64Array, bias: Float64Array, vector: SparseVector, weights: Float64Array): void {
  const labels = scores.length;
  scores.set(bias);
  for (let f = 0; f < vector.indices.length; f += 1) {
    const base = (vector.indices[f] ?? 0) * labels;
    const value = vector.values[f] ?? 0;
    for (let k = 0; k < labels; k += 1) scores[k] = (scores[k] ?? 0) + value * (weights[base + k] ?? 0);
  }
}

export function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let k = 0; k < scores.length; k += 1) {
    const e = Math.exp((scores[k] ?? 0) - max);
    scores[k] = e;
    sum += e;
  }
  for (let k = 0; k < scores.length; k += 1) scores[k] = (scores[k] ?? 0) / sum;
}

/** Trains with AdaGrad over shuffled examples; deterministic for a given seed. */
export function trainSoftmax(x: readonly SparseVector[], y: readonly number[], features: number, labels: number, options: SoftmaxTrainOptions): SoftmaxWeights {
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
      const target = y[n];
      if (vector === undefined || target === undefined) continue;
      const sampleWeight = options.sampleWeights?.[n] ?? 1;
      scoreInto(scores, bias, vector, weights);
      softmaxInPlace(scores);
      scores[target] = (scores[target] ?? 0) - 1; // now the gradient of the loss w.r.t. each score
      for (let k = 0; k < labels; k += 1) {
        const g = (scores[k] ?? 0) * sampleWeight;
        biasGradSq[k] = (biasGradSq[k] ?? 0) + g * g;
        bias[k] = (bias[k] ?? 0) - (lr * g) / Math.sqrt(biasGradSq[k] ?? 1);
      }
      for (let f = 0; f < vector.indices.length; f += 1) {
        const base = (vector.indices[f] ?? 0) * labels;
        const value = vector.values[f] ?? 0;
        for (let k = 0; k < labels; k += 1) {
          const at = base + k;
          const w = weights[at] ?? 0;
          const g = value * (scores[k] ?? 0) * sampleWeight + l2 * w;
          gradSq[at] = (gradSq[at] ?? 0) + g * g;
          weights[at] = w - (lr * g) / Math.sqrt(gradSq[at] ?? 1);
        }
      }
    }
  }
  return { features, labels, weights, bias };
}
