import { describe, expect, it } from 'vitest';
import { scorePredictions, topConfusions } from '../../../src/nlu/evaluation/metrics.js';
import { stratifiedFolds, stratifiedSplit } from '../../../src/nlu/evaluation/splits.js';

describe('scorePredictions', () => {
  const report = scorePredictions([
    { gold: 'refunds', predicted: 'refunds' },
    { gold: 'refunds', predicted: 'out_of_scope' },
    { gold: 'out_of_scope', predicted: 'out_of_scope' },
    { gold: 'out_of_scope', predicted: 'refunds' },
    { gold: 'out_of_scope', predicted: 'out_of_scope' },
  ]);

  it('computes accuracy, per-intent scores and the confusion matrix', () => {
    expect(report.accuracy).toBeCloseTo(3 / 5);
    expect(report.perIntent.refunds).toMatchObject({ precision: 0.5, recall: 0.5, f1: 0.5, support: 2 });
    expect(report.outOfScope.precision).toBeCloseTo(2 / 3);
    expect(report.outOfScope.recall).toBeCloseTo(2 / 3);
    expect(report.macroF1).toBeCloseTo((0.5 + 2 / 3) / 2);
    expect(report.confusion).toEqual({ refunds: { refunds: 1, out_of_scope: 1 }, out_of_scope: { out_of_scope: 2, refunds: 1 } });
  });

  it('lists the most common confusions first', () => {
    expect(topConfusions(report)).toEqual([
      { gold: 'refunds', predicted: 'out_of_scope', count: 1 },
      { gold: 'out_of_scope', predicted: 'refunds', count: 1 },
    ]);
  });
});

describe('stratified splits', () => {
  const rows = Array.from({ length: 50 }, (_, i) => ({ id: i, label: i % 5 === 0 ? 'rare' : 'common' }));

  it('puts every row in exactly one fold, with each label spread over the folds', () => {
    const folds = stratifiedFolds(rows, 5, (r) => r.label);
    expect(folds.flat().sort((a, b) => a - b)).toEqual(rows.map((r) => r.id));
    for (const fold of folds) expect(fold.filter((i) => rows[i]?.label === 'rare')).toHaveLength(2);
  });

  it('keeps the label proportions in a train/test split', () => {
    const { train, test } = stratifiedSplit(rows, 0.2, (r) => r.label);
    expect(test).toHaveLength(10);
    expect(train).toHaveLength(40);
    expect(test.filter((r) => r.label === 'rare')).toHaveLength(2);
  });
});
