import { predictIntent, type IntentModel } from '../intent-model.js';
import { trainIntentModel, type TrainIntentModelOptions, type TrainingExample } from '../train-intent-model.js';
import { calibrate, type Calibration } from './calibration.js';
import { scorePredictions, type EvaluationReport } from './metrics.js';
import { stratifiedFolds } from './splits.js';

export interface LatencySummary {
  /** Milliseconds per utterance. */
  mean: number;
  p50: number;
  p99: number;
}

export interface EvaluationResult extends EvaluationReport {
  latencyMs: LatencySummary;
  /** Does the confidence mean what it says, and how often is a close call wrong (README, nlu). */
  calibration: Calibration;
  /** How the numbers were made, e.g. "shipped model on dev.jsonl" or "5-fold cross-validation". */
  method: string;
}

function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
}

export function summariseLatency(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length), p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

interface Predicted {
  gold: string;
  predicted: string;
  confidence: number;
  margin: number;
  ms: number;
}

/** Timings are steady-state: the first calls (JIT compilation, lazy tables) are run once untimed. */
function predictAll(model: IntentModel, rows: readonly TrainingExample[]): Predicted[] {
  for (const row of rows.slice(0, 300)) predictIntent(model, row.text);
  return rows.map((row) => {
    const start = performance.now();
    const prediction = predictIntent(model, row.text);
    const ms = performance.now() - start;
    const margin = prediction.confidence - (prediction.ranking[1]?.confidence ?? 0);
    return { gold: row.intent, predicted: prediction.intent, confidence: prediction.confidence, margin, ms };
  });
}

/** Scores a trained model on labelled rows (reports on intents, whatever labels the rows carry). */
export function evaluateModel(model: IntentModel, rows: readonly TrainingExample[], method: string): EvaluationResult {
  return summarise(predictAll(model, rows), method);
}

function summarise(predicted: readonly Predicted[], method: string): EvaluationResult {
  return {
    ...scorePredictions(predicted),
    latencyMs: summariseLatency(predicted.map((p) => p.ms)),
    calibration: calibrate(predicted.map((p) => ({ correct: p.gold === p.predicted, confidence: p.confidence, margin: p.margin }))),
    method,
  };
}

/** Stratified (by label, else intent) k-fold cross-validation; the folds' predictions are pooled. */
export function crossValidate(rows: readonly TrainingExample[], folds: number, training: TrainIntentModelOptions = {}, method?: string): EvaluationResult {
  if (folds < 2) throw new RangeError('cross-validation needs at least 2 folds');
  const testSets = stratifiedFolds(rows, folds, (row) => row.label ?? row.intent);
  const all: Predicted[] = [];
  testSets.forEach((testIndices) => {
    const inTest = new Set(testIndices);
    const train = rows.filter((_, i) => !inTest.has(i));
    const model = trainIntentModel(train, training);
    all.push(...predictAll(model, testIndices.flatMap((i) => (rows[i] ? [rows[i]] : []))));
  });
  return summarise(all, method ?? `${folds}-fold cross-validation`);
}
