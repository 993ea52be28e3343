import { describe, expect, it } from 'vitest';
import { seededRandom, softmaxInPlace, trainSoftmax } from '../../src/learn/softmax-regression.js';
import type { SparseVector } from '../../src/nlu/tfidf-vectorizer.js';

const vector = (pairs: Array<[number, number]>): SparseVector => ({ indices: pairs.map(([i]) => i), values: pairs.map(([, v]) => v) });

/** Probabilities for one example under trained weights. */
function predict(weights: ReturnType<typeof trainSoftmax>, x: SparseVector): number[] {
  const scores = Float64Array.from(weights.bias);
  x.indices.forEach((feature, f) => {
    for (let k = 0; k < weights.labels; k += 1) scores[k] = (scores[k] ?? 0) + (x.values[f] ?? 0) * (weights.weights[feature * weights.labels + k] ?? 0);
  });
  softmaxInPlace(scores);
  return [...scores];
}

const OPTIONS = { epochs: 30, learningRate: 0.5, l2: 1e-4, seed: 7 };

describe('softmax regression', () => {
  it('turns scores into probabilities that sum to 1, keeping their order, even for huge scores', () => {
    const scores = Float64Array.from([1000, 1001, 999]);
    softmaxInPlace(scores);
    expect([...scores].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(scores[1]).toBeGreaterThan(scores[0] ?? 1);
    expect(scores[0]).toBeGreaterThan(scores[2] ?? 1);
    expect([...scores].every(Number.isFinite)).toBe(true);
  });

  it('draws the same numbers in [0, 1) from the same seed, and others from another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('learns to separate labels that depend on different features', () => {
    // Feature 0 means label 0, feature 1 label 1, feature 2 label 2; feature 3 is noise on every example.
    const x = [vector([[0, 1], [3, 0.3]]), vector([[1, 1], [3, 0.3]]), vector([[2, 1], [3, 0.3]])];
    const y = [0, 1, 2];
    const weights = trainSoftmax([...x, ...x, ...x], [...y, ...y, ...y], 4, 3, OPTIONS);
    for (const [i, example] of x.entries()) {
      const p = predict(weights, example);
      expect(p.indexOf(Math.max(...p))).toBe(y[i]);
      expect(p[y[i] ?? 0]).toBeGreaterThan(0.8);
    }
  });

  it('trains the same weights from the same seed (a model file is reproducible)', () => {
    const x = [vector([[0, 1]]), vector([[1, 1]]), vector([[0, 0.5], [1, 0.5]])];
    const y = [0, 1, 1];
    const one = trainSoftmax(x, y, 2, 2, OPTIONS);
    const two = trainSoftmax(x, y, 2, 2, OPTIONS);
    const other = trainSoftmax(x, y, 2, 2, { ...OPTIONS, seed: 8 });
    expect([...two.weights]).toEqual([...one.weights]);
    expect([...other.weights]).not.toEqual([...one.weights]);
  });

  it('gives more say to examples with more weight', () => {
    // The same features, two labels: the heavier label wins the tie.
    const x = [vector([[0, 1]]), vector([[0, 1]])];
    const y = [0, 1];
    const even = predict(trainSoftmax(x, y, 1, 2, OPTIONS), vector([[0, 1]]));
    const weighted = predict(trainSoftmax(x, y, 1, 2, { ...OPTIONS, sampleWeights: Float64Array.from([1, 4]) }), vector([[0, 1]]));
    expect(Math.abs((even[0] ?? 0) - (even[1] ?? 0))).toBeLessThan(0.2);
    expect(weighted[1]).toBeGreaterThan(0.7);
  });
});
