/**
 * What `report`, `inbox` and the served /insights page share: where the insights are read from
 * (the same store as the conversations), the NLU pieces that group and label the misunderstood
 * messages, the flows' steps in order, and `--since` parsing.
 */
import { InputError } from '../../core/errors.js';
import type { InsightsStore } from '../../core/insight-record.js';
import type { IntentClassifier } from '../../core/ports.js';
import type { Env } from '../../config/env.js';
import { createDialoguePolicy } from '../../dialogue/dialogue-policy.js';
import type { FlowDefinition } from '../../dialogue/flow-schema.js';
import type { TextModel } from '../../insights/misunderstood.js';
import { buildReportData, type FlowOutline, type ReportData } from '../../insights/report-data.js';
import { loadClassifier } from '../../nlu/load-classifier.js';
import { DEFAULT_FEATURE_OPTIONS } from '../../nlu/text-features.js';
import { fitVocabulary, vectorize } from '../../nlu/tfidf-vectorizer.js';
import { openInsightsStore } from '../../store/insights/open-insights.js';
import { storeSpecFrom } from '../store-option.js';

/** `7d`, `24h`, `90m` back from now, or a date (`2026-11-01`). */
export function parseSince(value: string, now: number): number {
  const m = /^(\d+)([dhm])$/.exec(value.trim());
  if (m) return now - Number(m[1]) * (m[2] === 'd' ? 86_400_000 : m[2] === 'h' ? 3_600_000 : 60_000);
  const at = Date.parse(value);
  if (/^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(at)) return at;
  throw new InputError(`--since: "${value}" is not a period like 7d, 24h or 90m, nor a date like 2026-11-01`);
}

/** Messages are grouped with the classifier's own word and character n-grams, weighted by TF-IDF over the messages grouped. */
export function textModel(nlu: IntentClassifier): TextModel {
  const features = { ...DEFAULT_FEATURE_OPTIONS, facts: false };
  return {
    vectorizer(texts) {
      const vocabulary = fitVocabulary(texts, features, { charMinDf: 2, ngramMinDf: 2 });
      return (text) => vectorize(text, vocabulary, features);
    },
    suggest(text) {
      const parsed = nlu.parse(text);
      return { intent: parsed.intent, confidence: parsed.confidence };
    },
  };
}

/** A flow's question steps (where a person can stop), in the order the flow declares them. */
export function outlineFlow(flow: FlowDefinition): FlowOutline {
  const steps = Object.entries(flow.steps)
    // The questions, and the endings a visit can reach ("fixed", "paused_later"): how many got there.
    .filter(([, step]) => (step.options ?? []).length > 0 || step.end === 'done' || step.end === 'pause')
    .map(([id]) => id);
  return { id: flow.id, title: flow.title, steps };
}

export function flowOutlines(): FlowOutline[] {
  return [...createDialoguePolicy().flows.values()].map(outlineFlow);
}

/** The insights of the store the bot uses: `--store PATH`, else REDIS_URL, else DATA_DIR. */
export async function openInsightsFor(storeOption: string | undefined, env: Env): Promise<InsightsStore> {
  const spec = storeSpecFrom(storeOption, env);
  if (spec.kind === 'memory') throw new InputError('--store memory keeps nothing: give the lowdb file (--store PATH) or set REDIS_URL');
  return openInsightsStore(spec);
}

export interface ReportInputs {
  store: InsightsStore;
  since: number;
  now: number;
  idleMs: number;
  nlu?: IntentClassifier;
}

export async function reportFrom(inputs: ReportInputs): Promise<ReportData> {
  const nlu = inputs.nlu ?? (await loadClassifier());
  return buildReportData(inputs.store.read(inputs.since), { since: inputs.since, now: inputs.now, idleMs: inputs.idleMs, flows: flowOutlines(), model: textModel(nlu) });
}
