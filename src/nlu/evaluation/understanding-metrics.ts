/**
 * Scores for what understanding reads besides the intent, on rows that say what the message
 * states: facts (precision, recall, F1; a fact counts when its name and negation match), status,
 * whether it asks something, follow-ups (rows with a previous topic), and the one mistake a support
 * bot must not make: calling a message of its own domain out of scope.
 */
import { OUT_OF_SCOPE } from '../../core/intents.js';
import type { NluResult } from '../../core/types.js';
import type { EvaluationRow } from './read-jsonl.js';

export interface FactScores {
  precision: number;
  recall: number;
  f1: number;
  /** Gold occurrences of the fact. */
  support: number;
}

export interface UnderstandingReport {
  /**
   * Over rows that list their facts (micro-averaged over fact occurrences). Only facts the set
   * labels somewhere are scored: a fact added to the catalogue after the set was written would
   * otherwise count as a false positive on every row that states it. `unscored` names them.
   */
  facts?: FactScores & { rows: number; perFact: Record<string, FactScores>; unscored: string[] };
  status?: { accuracy: number; rows: number };
  asksQuestion?: { accuracy: number; rows: number };
  /** Intent accuracy on rows that come with a previous topic (follow-ups, mid-flow messages). */
  withContext?: { accuracy: number; rows: number };
  /** Rows of ours (gold intent not out of scope) that were called out of scope. */
  inScopeCalledOutOfScope: number;
}

const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
const f1Of = (p: number, r: number) => ratio(2 * p * r, p + r);
const key = (f: { name: string; negated: boolean }) => `${f.negated ? '!' : ''}${f.name}`;

export function scoreUnderstanding(pairs: ReadonlyArray<{ row: EvaluationRow; result: NluResult }>): UnderstandingReport {
  const report: UnderstandingReport = {
    inScopeCalledOutOfScope: pairs.filter(({ row, result }) => row.intent !== OUT_OF_SCOPE && result.intent === OUT_OF_SCOPE).length,
  };

  const factRows = pairs.filter(({ row }) => row.facts !== undefined);
  if (factRows.length > 0) {
    const labelled = new Set(factRows.flatMap(({ row }) => (row.facts ?? []).map((f) => f.name)));
    const unscored = new Set<string>();
    let tp = 0;
    let predictedTotal = 0;
    let goldTotal = 0;
    const per = new Map<string, { tp: number; predicted: number; gold: number }>();
    const bump = (name: string, field: 'tp' | 'predicted' | 'gold') => {
      const entry = per.get(name) ?? { tp: 0, predicted: 0, gold: 0 };
      entry[field] += 1;
      per.set(name, entry);
    };
    for (const { row, result } of factRows) {
      const gold = new Set((row.facts ?? []).map(key));
      for (const f of result.facts) if (!labelled.has(f.name)) unscored.add(f.name);
      const predicted = new Set(result.facts.filter((f) => labelled.has(f.name)).map(key));
      for (const k of gold) {
        goldTotal += 1;
        bump(k, 'gold');
      }
      for (const k of predicted) {
        predictedTotal += 1;
        bump(k, 'predicted');
        if (gold.has(k)) {
          tp += 1;
          bump(k, 'tp');
        }
      }
    }
    const perFact: Record<string, FactScores> = {};
    for (const [name, { tp: hits, predicted, gold }] of [...per].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const precision = ratio(hits, predicted);
      const recall = ratio(hits, gold);
      perFact[name] = { precision, recall, f1: f1Of(precision, recall), support: gold };
    }
    const precision = ratio(tp, predictedTotal);
    const recall = ratio(tp, goldTotal);
    report.facts = { precision, recall, f1: f1Of(precision, recall), support: goldTotal, rows: factRows.length, perFact, unscored: [...unscored].sort() };
  }

  const statusRows = pairs.filter(({ row }) => row.status !== undefined);
  if (statusRows.length > 0) {
    report.status = { accuracy: ratio(statusRows.filter(({ row, result }) => (row.status ?? null) === result.status).length, statusRows.length), rows: statusRows.length };
  }
  const askRows = pairs.filter(({ row }) => row.asksQuestion !== undefined);
  if (askRows.length > 0) {
    report.asksQuestion = { accuracy: ratio(askRows.filter(({ row, result }) => row.asksQuestion === result.asksQuestion).length, askRows.length), rows: askRows.length };
  }
  const contextRows = pairs.filter(({ row }) => row.context?.topic || row.context?.flow);
  if (contextRows.length > 0) {
    report.withContext = { accuracy: ratio(contextRows.filter(({ row, result }) => row.intent === result.intent).length, contextRows.length), rows: contextRows.length };
  }
  return report;
}
