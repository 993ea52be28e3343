import type { IntentClassifier } from '../../core/ports.js';
import type { NluResult } from '../../core/types.js';
import { createIntentClassifier } from '../create-classifier.js';
import type { FactCatalogue } from '../facts/load-facts.js';
import type { IntentModel } from '../intent-model.js';
import { trainIntentModel, type TrainIntentModelOptions } from '../train-intent-model.js';
import type { UnderstandingOptions } from '../understanding/understand.js';
import { calibrate, type Calibration } from './calibration.js';
import { scorePredictions, type EvaluationReport } from './metrics.js';
import type { EvaluationRow } from './read-jsonl.js';
import { stratifiedFolds } from './splits.js';
import { scoreUnderstanding, type UnderstandingReport } from './understanding-metrics.js';

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
  /** Facts, status, questions, follow-ups: scored on rows that carry them (real-style sets). */
  understanding: UnderstandingReport;
}

/** How a classifier is built for evaluation: the fact catalogue and understanding settings. */
export interface ClassifierSetup {
  facts?: FactCatalogue;
  understanding?: Partial<UnderstandingOptions>;
}

function classifierFor(model: IntentModel, setup: ClassifierSetup): IntentClassifier {
  return createIntentClassifier(model, setup.facts, setup.understanding);
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
  row: EvaluationRow;
  result: NluResult;
  gold: string;
  predicted: string;
  confidence: number;
  margin: number;
  ms: number;
}

/** Timings are steady-state: the first calls (JIT compilation, lazy tables) are run once untimed. */
function predictAll(classifier: IntentClassifier, rows: readonly EvaluationRow[]): Predicted[] {
  for (const row of rows.slice(0, 300)) classifier.parse(row.text, row.context);
  return rows.map((row) => {
    const start = performance.now();
    const result = classifier.parse(row.text, row.context);
    const ms = performance.now() - start;
    const runnerUp = result.ranking.find((r) => r.intent !== result.intent)?.confidence ?? 0;
    return { row, result, gold: row.intent, predicted: result.intent, confidence: result.confidence, margin: result.confidence - runnerUp, ms };
  });
}

/** Scores a classifier on labelled rows: intents, and what real-style rows say besides. */
export function evaluateClassifier(classifier: IntentClassifier, rows: readonly EvaluationRow[], method: string): EvaluationResult {
  return summarise(predictAll(classifier, rows), method);
}

/** Scores a trained model, read the way the bot reads messages (see understanding/). */
export function evaluateModel(model: IntentModel, rows: readonly EvaluationRow[], method: string, setup: ClassifierSetup = {}): EvaluationResult {
  return evaluateClassifier(classifierFor(model, setup), rows, method);
}

function summarise(predicted: readonly Predicted[], method: string): EvaluationResult {
  return {
    ...scorePredictions(predicted),
    latencyMs: summariseLatency(predicted.map((p) => p.ms)),
    calibration: calibrate(predicted.map((p) => ({ correct: p.gold === p.predicted, confidence: p.confidence, margin: p.margin }))),
    method,
    understanding: scoreUnderstanding(predicted),
  };
}

/** Stratified (by label, else intent) k-fold cross-validation; the folds' predictions are pooled. */
export function crossValidate(rows: readonly EvaluationRow[], folds: number, training: TrainIntentModelOptions = {}, method?: string, setup: ClassifierSetup = {}): EvaluationResult {
  if (folds < 2) throw new RangeError('cross-validation needs at least 2 folds');
  const testSets = stratifiedFolds(rows, folds, (row) => row.label ?? row.intent);
  const all: Predicted[] = [];
  testSets.forEach((testIndices) => {
    const inTest = new Set(testIndices);
    const train = rows.filter((_, i) => !inTest.has(i));
    const model = trainIntentModel(train, training);
    all.push(...predictAll(classifierFor(model, setup), testIndices.flatMap((i) => (rows[i] ? [rows[i]] : []))));
  });
  return summarise(all, method ?? `${folds}-fold cross-validation`);
}
