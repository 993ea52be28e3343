import { describe, expect, it } from 'vitest';
import { quantizeWeights } from '../../src/learn/quantize-weights.js';

describe('quantizeWeights', () => {
  const weights = Float64Array.from([0.1, -0.3, 0.7, 2.5, 2.4, 2.6]);

  it('keeps every weight within half a step of its row, after centring the row on its median', () => {
    const { values, rowScales } = quantizeWeights(weights, 2, 3);
    for (let j = 0; j < 2; j++) {
      const row = [...weights.subarray(j * 3, j * 3 + 3)];
      const median = [...row].sort((a, b) => a - b)[1] ?? 0;
      row.forEach((w, k) => expect(Math.abs((values[j * 3 + k] ?? 0) * (rowScales[j] ?? 0) - (w - median))).toBeLessThanOrEqual((rowScales[j] ?? 0) / 2 + 1e-6));
    }
  });

  it('with float32Scale, quantises with the scale exactly as a Float32Array stores it', () => {
    const exact = quantizeWeights(weights, 2, 3, { float32Scale: true });
    // Row 0 is [0.1, -0.3, 0.7]: median 0.1, largest distance 0.6.
    const scale = Math.fround((0.7 - 0.1) / 127);
    expect(exact.rowScales[0]).toBe(scale);
    expect(exact.values[2]).toBe(Math.round((0.7 - 0.1) / scale));
  });
});
