/** Weights as stored and used: int8 per (feature, label), one float scale per feature row. */
export interface QuantizedWeights {
  values: Int8Array;
  rowScales: Float32Array;
}

/**
 * Centres each feature row on its median, then quantises it to int8 with one scale per row.
 * Softmax ignores a constant added to every label of one feature, so centring leaves the
 * predictions as they were and shrinks the range that 8 bits must cover.
 */
export function quantizeWeights(weights: Float64Array, features: number, labels: number, options: { float32Scale?: boolean } = {}): QuantizedWeights {
  const values = new Int8Array(features * labels);
  const rowScales = new Float32Array(features);
  const row = new Float64Array(labels);
  for (let j = 0; j < features; j += 1) {
    row.set(weights.subarray(j * labels, (j + 1) * labels));
    const median = Float64Array.from(row).sort()[Math.floor(labels / 2)] ?? 0;
    let maxAbs = 0;
    for (let k = 0; k < labels; k += 1) maxAbs = Math.max(maxAbs, Math.abs((row[k] ?? 0) - median));
    // float32Scale: quantise with the scale exactly as stored (the knowledge index's recipe).
    const scale = options.float32Scale ? Math.fround(maxAbs / 127 || 1) : maxAbs / 127 || 1;
    rowScales[j] = scale;
    for (let k = 0; k < labels; k += 1) values[j * labels + k] = Math.round(((row[k] ?? 0) - median) / scale);
  }
  return { values, rowScales };
}
