/** One prediction as calibration sees it: was it right, how sure, how far ahead of the runner-up. */
export interface ScoredPrediction {
  correct: boolean;
  confidence: number;
  /** Top confidence minus the second one. */
  margin: number;
}

export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  /** Mean confidence of the predictions in the bin, and how many of them were right. */
  confidence: number;
  accuracy: number;
}

export interface MarginRow {
  /** Predictions whose margin is below this value… */
  below: number;
  /** …are this share of all predictions… */
  share: number;
  /** …and this share of them is right; the rest (at or above the margin) is right this often. */
  accuracyBelow: number;
  accuracyAbove: number;
}

export interface Calibration {
  /** Expected calibration error: the mean |accuracy − confidence| over ten bins, weighted by size. */
  ece: number;
  bins: CalibrationBin[];
  margins: MarginRow[];
}

export function calibrate(predictions: readonly ScoredPrediction[], margins: readonly number[] = [0.1, 0.2, 0.3, 0.4]): Calibration {
  const bins: CalibrationBin[] = [];
  let ece = 0;
  for (let b = 0; b < 10; b += 1) {
    const from = b / 10;
    const to = (b + 1) / 10;
    const inBin = predictions.filter((p) => p.confidence >= from && (p.confidence < to || (b === 9 && p.confidence <= 1)));
    if (inBin.length === 0) continue;
    const confidence = inBin.reduce((s, p) => s + p.confidence, 0) / inBin.length;
    const accuracy = inBin.filter((p) => p.correct).length / inBin.length;
    bins.push({ from, to, count: inBin.length, confidence, accuracy });
    ece += (inBin.length / predictions.length) * Math.abs(accuracy - confidence);
  }
  const rate = (list: readonly ScoredPrediction[]) => (list.length === 0 ? 0 : list.filter((p) => p.correct).length / list.length);
  const marginRows = margins.map((below) => {
    const low = predictions.filter((p) => p.margin < below);
    const high = predictions.filter((p) => p.margin >= below);
    return { below, share: predictions.length === 0 ? 0 : low.length / predictions.length, accuracyBelow: rate(low), accuracyAbove: rate(high) };
  });
  return { ece, bins, margins: marginRows };
}
