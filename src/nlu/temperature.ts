/**
 * Temperature scaling (Guo et al. 2017): one number T that divides the scores before the softmax,
 * fitted on held-out predictions so that "confidence 0.8" is right about 80% of the time.
 * It never changes which label is best; it only makes the probabilities honest.
 */
export interface HeldOutScores {
  /** Raw label scores (before the softmax) from a model that did not see this utterance. */
  scores: Float64Array;
  /** For each score, whether its label belongs to the utterance's true intent. */
  isGold: Uint8Array;
}

/** Mean negative log-likelihood of the true intent (its labels' probabilities summed) at temperature t. */
export function intentNll(samples: readonly HeldOutScores[], t: number): number {
  let total = 0;
  for (const { scores, isGold } of samples) {
    let max = -Infinity;
    for (const s of scores) if (s / t > max) max = s / t;
    let sum = 0;
    let gold = 0;
    for (let k = 0; k < scores.length; k += 1) {
      const e = Math.exp((scores[k] ?? 0) / t - max);
      sum += e;
      if (isGold[k]) gold += e;
    }
    total -= Math.log(Math.max(gold / sum, 1e-12));
  }
  return total / Math.max(1, samples.length);
}

/** Golden-section search for the temperature with the lowest held-out NLL, in log space. */
export function fitTemperature(samples: readonly HeldOutScores[], low = 0.05, high = 5): number {
  if (samples.length === 0) return 1;
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(low);
  let b = Math.log(high);
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = intentNll(samples, Math.exp(c));
  let fd = intentNll(samples, Math.exp(d));
  for (let i = 0; i < 40; i += 1) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - phi * (b - a);
      fc = intentNll(samples, Math.exp(c));
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + phi * (b - a);
      fd = intentNll(samples, Math.exp(d));
    }
  }
  return Math.exp((a + b) / 2);
}
