import { describe, expect, it } from 'vitest';
import { sigmoid, trainMultiLabelLogistic, type MultiLabelWeights } from '../../src/learn/multi-label-logistic.js';
import type { SparseVector } from '../../src/learn/sparse-vector.js';

const vector = (...indices: number[]): SparseVector => ({ indices, values: indices.map(() => 1) });

function predict(w: MultiLabelWeights, x: SparseVector): number[] {
  const scores = Array.from(w.bias);
  for (const j of x.indices) for (let k = 0; k < w.labels; k += 1) scores[k] = (scores[k] ?? 0) + (w.weights[j * w.labels + k] ?? 0);
  return scores.map(sigmoid);
}

// Feature 0 means label 0, feature 1 means label 1, feature 2 is noise; an example may carry both labels.
const X = [vector(0, 2), vector(1), vector(0, 1), vector(2), vector(0), vector(1, 2), vector(0, 1, 2), vector(2)];
const Y = [[0], [1], [0, 1], [], [0], [1], [0, 1], []];
const OPTIONS = { epochs: 60, learningRate: 0.5, l2: 0.01, seed: 3 };

describe('multi-label logistic regression', () => {
  it('learns each label on its own, so one message can have several', () => {
    const w = trainMultiLabelLogistic(X, Y, 3, 2, OPTIONS);
    const both = predict(w, vector(0, 1));
    expect(both[0]).toBeGreaterThan(0.8);
    expect(both[1]).toBeGreaterThan(0.8);
    const neither = predict(w, vector(2));
    expect(neither[0]).toBeLessThan(0.2);
    expect(neither[1]).toBeLessThan(0.2);
  });

  it('trains the same weights from the same seed', () => {
    const a = trainMultiLabelLogistic(X, Y, 3, 2, OPTIONS);
    const b = trainMultiLabelLogistic(X, Y, 3, 2, OPTIONS);
    expect([...a.weights]).toEqual([...b.weights]);
  });

  it('holds weights back harder under a stronger L2 penalty', () => {
    const loose = trainMultiLabelLogistic(X, Y, 3, 2, { ...OPTIONS, l2: 0.01 });
    const tight = trainMultiLabelLogistic(X, Y, 3, 2, { ...OPTIONS, l2: 10 });
    const size = (w: MultiLabelWeights) => w.weights.reduce((s, v) => s + v * v, 0);
    expect(size(tight)).toBeLessThan(size(loose) / 4);
  });
});
