import { OUT_OF_SCOPE } from '../../core/intents.js';

export interface IntentScores {
  precision: number;
  recall: number;
  f1: number;
  /** How many test rows have this intent. */
  support: number;
}

/** What `supportbot eval --json` prints. */
export interface EvaluationReport {
  accuracy: number;
  macroF1: number;
  outOfScope: { precision: number; recall: number };
  perIntent: Record<string, IntentScores>;
  /** confusion[gold][predicted] = count. */
  confusion: Record<string, Record<string, number>>;
  /** Rows evaluated. */
  total: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

/** Accuracy, macro-F1 over the gold intents, out-of-scope precision/recall, per-intent scores, confusion. */
export function scorePredictions(pairs: ReadonlyArray<{ gold: string; predicted: string }>): EvaluationReport {
  const confusion: Record<string, Record<string, number>> = {};
  const goldCount = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  const correctCount = new Map<string, number>();
  let correct = 0;
  for (const { gold, predicted } of pairs) {
    const row = (confusion[gold] ??= {});
    row[predicted] = (row[predicted] ?? 0) + 1;
    goldCount.set(gold, (goldCount.get(gold) ?? 0) + 1);
    predictedCount.set(predicted, (predictedCount.get(predicted) ?? 0) + 1);
    if (gold === predicted) {
      correct += 1;
      correctCount.set(gold, (correctCount.get(gold) ?? 0) + 1);
    }
  }
  const intents = [...new Set([...goldCount.keys(), ...predictedCount.keys()])].sort();
  const perIntent: Record<string, IntentScores> = {};
  for (const intent of intents) {
    const hits = correctCount.get(intent) ?? 0;
    const precision = ratio(hits, predictedCount.get(intent) ?? 0);
    const recall = ratio(hits, goldCount.get(intent) ?? 0);
    perIntent[intent] = { precision, recall, f1: ratio(2 * precision * recall, precision + recall), support: goldCount.get(intent) ?? 0 };
  }
  const goldIntents = [...goldCount.keys()];
  const macroF1 = ratio(
    goldIntents.reduce((sum, intent) => sum + (perIntent[intent]?.f1 ?? 0), 0),
    goldIntents.length,
  );
  const oos = perIntent[OUT_OF_SCOPE];
  return {
    accuracy: ratio(correct, pairs.length),
    macroF1,
    outOfScope: { precision: oos?.precision ?? 0, recall: oos?.recall ?? 0 },
    perIntent,
    confusion,
    total: pairs.length,
  };
}

/** The most frequent wrong (gold → predicted) pairs. */
export function topConfusions(report: EvaluationReport, limit = 10): Array<{ gold: string; predicted: string; count: number }> {
  const all: Array<{ gold: string; predicted: string; count: number }> = [];
  for (const [gold, row] of Object.entries(report.confusion)) {
    for (const [predicted, count] of Object.entries(row)) if (gold !== predicted) all.push({ gold, predicted, count });
  }
  return all.sort((a, b) => b.count - a.count).slice(0, limit);
}
