import type { SparseVector } from './section-features.js';

/**
 * Multinomial logistic regression (AdaGrad, lazy L2) plus multinomial naive Bayes over the same
 * TF-IDF vectors, added into one linear model and quantised to int8: the intent model's recipe,
 * kept here because src/knowledge may not import src/nlu (see the layer rules in eslint.config.js).
 */
export interface LinearModel {
  /** Feature-major int8 weights: feature j's are [j*labels, (j+1)*labels), times rowScales[j]. */
  weights: Int8Array;
  rowScales: Float32Array;
  bias: Float64Array;
}

export interface LinearTrainOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  naiveBayesWeight: number;
  naiveBayesAlpha: number;
  seed: number;
}

/** mulberry32: the same data always trains the same model. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function softmaxInPlace(scores: Float64Array): void {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let k = 0; k < scores.length; k++) {
    const e = Math.exp((scores[k] ?? 0) - max);
    scores[k] = e;
    sum += e;
  }
  for (let k = 0; k < scores.length; k++) scores[k] = (scores[k] ?? 0) / sum;
}

function trainSoftmax(x: readonly SparseVector[], y: readonly number[], features: number, labels: number, o: LinearTrainOptions): { weights: Float64Array; bias: Float64Array } {
  const weights = new Float64Array(features * labels);
  const bias = new Float64Array(labels);
  const gradSq = new Float64Array(features * labels).fill(1e-8);
  const biasGradSq = new Float64Array(labels).fill(1e-8);
  const scores = new Float64Array(labels);
  const order = x.map((_, i) => i);
  const random = seededRandom(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    for (const n of order) {
      const vector = x[n];
      const target = y[n];
      if (vector === undefined || target === undefined) continue;
      scores.set(bias);
      for (let f = 0; f < vector.indices.length; f++) {
        const base = (vector.indices[f] ?? 0) * labels;
        const value = vector.values[f] ?? 0;
        for (let k = 0; k < labels; k++) scores[k] = (scores[k] ?? 0) + value * (weights[base + k] ?? 0);
      }
      softmaxInPlace(scores);
      scores[target] = (scores[target] ?? 0) - 1; // the gradient of the loss with respect to each score
      for (let k = 0; k < labels; k++) {
        const g = scores[k] ?? 0;
        biasGradSq[k] = (biasGradSq[k] ?? 0) + g * g;
        bias[k] = (bias[k] ?? 0) - (o.learningRate * g) / Math.sqrt(biasGradSq[k] ?? 1);
      }
      for (let f = 0; f < vector.indices.length; f++) {
        const base = (vector.indices[f] ?? 0) * labels;
        const value = vector.values[f] ?? 0;
        for (let k = 0; k < labels; k++) {
          const at = base + k;
          const w = weights[at] ?? 0;
          const g = value * (scores[k] ?? 0) + o.l2 * w;
          gradSq[at] = (gradSq[at] ?? 0) + g * g;
          weights[at] = w - (o.learningRate * g) / Math.sqrt(gradSq[at] ?? 1);
        }
      }
    }
  }
  return { weights, bias };
}

/** Naive Bayes log-probabilities, linear in the features: they help labels with few examples. */
function addNaiveBayes(x: readonly SparseVector[], y: readonly number[], features: number, labels: number, o: LinearTrainOptions, into: { weights: Float64Array; bias: Float64Array }): void {
  const mass = new Float64Array(features * labels);
  const totals = new Float64Array(labels);
  const counts = new Float64Array(labels);
  x.forEach((vector, n) => {
    const k = y[n];
    if (k === undefined) return;
    counts[k] = (counts[k] ?? 0) + 1;
    for (let f = 0; f < vector.indices.length; f++) {
      const value = vector.values[f] ?? 0;
      const at = (vector.indices[f] ?? 0) * labels + k;
      mass[at] = (mass[at] ?? 0) + value;
      totals[k] = (totals[k] ?? 0) + value;
    }
  });
  for (let k = 0; k < labels; k++) {
    const denominator = Math.log((totals[k] ?? 0) + o.naiveBayesAlpha * features);
    for (let j = 0; j < features; j++) {
      const at = j * labels + k;
      into.weights[at] = (into.weights[at] ?? 0) + o.naiveBayesWeight * (Math.log((mass[at] ?? 0) + o.naiveBayesAlpha) - denominator);
    }
    into.bias[k] = (into.bias[k] ?? 0) + o.naiveBayesWeight * Math.log(((counts[k] ?? 0) + 1) / (x.length + labels));
  }
}

/**
 * int8 per weight, one scale per feature row, each row centred on its median first: softmax
 * ignores a constant added to every label of one feature, so centring changes no prediction.
 */
function quantize(weights: Float64Array, features: number, labels: number): { weights: Int8Array; rowScales: Float32Array } {
  const values = new Int8Array(features * labels);
  const rowScales = new Float32Array(features);
  for (let j = 0; j < features; j++) {
    const row = weights.subarray(j * labels, (j + 1) * labels);
    const median = Float64Array.from(row).sort()[Math.floor(labels / 2)] ?? 0;
    let maxAbs = 0;
    for (const w of row) maxAbs = Math.max(maxAbs, Math.abs(w - median));
    const scale = Math.fround(maxAbs / 127 || 1);
    rowScales[j] = scale;
    for (let k = 0; k < labels; k++) values[j * labels + k] = Math.round(((row[k] ?? 0) - median) / scale);
  }
  return { weights: values, rowScales };
}

export function trainLinearModel(x: readonly SparseVector[], y: readonly number[], features: number, labels: number, options: LinearTrainOptions): LinearModel {
  const trained = trainSoftmax(x, y, features, labels, options);
  if (options.naiveBayesWeight > 0) addNaiveBayes(x, y, features, labels, options, trained);
  return { ...quantize(trained.weights, features, labels), bias: trained.bias };
}
