import { trainNaiveBayes } from '../learn/naive-bayes-weights.js';
import { quantizeWeights } from '../learn/quantize-weights.js';
import { softmaxInPlace, trainSoftmax } from '../learn/softmax-regression.js';
import type { SparseVector } from '../learn/sparse-vector.js';

/**
 * Multinomial logistic regression (AdaGrad, lazy L2) plus multinomial naive Bayes over the same
 * TF-IDF vectors, added into one linear model and quantised to int8: the intent model's recipe,
 * from the shared src/learn.
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

export { softmaxInPlace };

export function trainLinearModel(x: readonly SparseVector[], y: readonly number[], features: number, labels: number, options: LinearTrainOptions): LinearModel {
  const trained = trainSoftmax(x, y, features, labels, options);
  if (options.naiveBayesWeight > 0) {
    // Naive Bayes log-probabilities are linear in the features too: added in, they help sections with few examples.
    const bayes = trainNaiveBayes(x, y, features, labels, options.naiveBayesAlpha);
    for (let i = 0; i < trained.weights.length; i++) trained.weights[i] = (trained.weights[i] ?? 0) + options.naiveBayesWeight * (bayes.weights[i] ?? 0);
    for (let k = 0; k < labels; k++) trained.bias[k] = (trained.bias[k] ?? 0) + options.naiveBayesWeight * (bayes.bias[k] ?? 0);
  }
  const quantized = quantizeWeights(trained.weights, features, labels, { float32Scale: true });
  return { weights: quantized.values, rowScales: quantized.rowScales, bias: trained.bias };
}
