/**
 * Leave-one-set-out measurement of the learned fact layer: each development set is read by a layer
 * trained on every other labelled set, so the numbers it reports were never trained on. The
 * shipped layer trains on all of them; this is how they still measure something.
 */
import type { NluResult } from '../../core/types.js';
import { createIntentClassifier } from '../create-classifier.js';
import type { FactCatalogue } from '../facts/load-facts.js';
import type { IntentModel } from '../intent-model.js';
import { readLabelledJsonl, type EvaluationRow } from '../evaluation/read-jsonl.js';
import { scoreUnderstanding } from '../evaluation/understanding-metrics.js';
import type { LabelledSets } from './training-rows.js';
import { trainLearnedFacts, type LearnedFactSettings } from './train.js';

export interface FactReading {
  f1: number;
  precision: number;
  recall: number;
  /** Intent accuracy on the same rows: the layer's facts also feed intent decisions. */
  intent: number;
}

export interface HeldOutSet {
  set: string;
  rows: number;
  patterns: FactReading;
  learned: FactReading;
  /** The rows with an even id: the half of each set kept back while patterns were written. */
  evenPatterns: FactReading;
  evenLearned: FactReading;
}

function reading(pairs: ReadonlyArray<{ row: EvaluationRow; result: NluResult }>): FactReading {
  const facts = scoreUnderstanding(pairs).facts;
  const intent = pairs.filter(({ row, result }) => row.intent === result.intent).length / Math.max(1, pairs.length);
  return { f1: facts?.f1 ?? 0, precision: facts?.precision ?? 0, recall: facts?.recall ?? 0, intent };
}

const isEven = (row: EvaluationRow) => Number((row.id ?? '').replace(/\D/g, '')) % 2 === 0;

export async function crossValidateLearnedFacts(model: IntentModel, catalogue: FactCatalogue, labelled: LabelledSets, held: readonly string[], settings: LearnedFactSettings): Promise<HeldOutSet[]> {
  const patternsOnly = createIntentClassifier(model, catalogue);
  const results: HeldOutSet[] = [];
  for (const name of held) {
    const set = labelled.sets.find((s) => s.name === name);
    if (!set) throw new Error(`no labelled set named "${name}" (have: ${labelled.sets.map((s) => s.name).join(', ')})`);
    const training = labelled.sets.filter((s) => s !== set).flatMap((s) => s.rows);
    const withLayer = createIntentClassifier(model, catalogue, { learnedFacts: trainLearnedFacts(training, settings) });
    const rows = (await readLabelledJsonl(set.file)).filter((r) => r.facts !== undefined);
    const before = rows.map((row) => ({ row, result: patternsOnly.parse(row.text, row.context) }));
    const after = rows.map((row) => ({ row, result: withLayer.parse(row.text, row.context) }));
    results.push({
      set: name,
      rows: rows.length,
      patterns: reading(before),
      learned: reading(after),
      evenPatterns: reading(before.filter((p) => isEven(p.row))),
      evenLearned: reading(after.filter((p) => isEven(p.row))),
    });
  }
  return results;
}
