import { CONVERSATION_INTENTS, INTENTS, OUT_OF_SCOPE, type IntentName } from '../core/intents.js';
import type { RankedIntent } from '../core/types.js';
import { softmaxInPlace } from '../learn/softmax-regression.js';
import { classifierWords, type FeatureOptions } from './text-features.js';
import { vectorize, type TfidfVocabulary } from './tfidf-vectorizer.js';

/** A trained intent model in memory: TF-IDF vocabulary + softmax weights over sub-intent labels. */
export interface IntentModel {
  /** sha256 of intents/ when trained (empty when trained from another data set). */
  intentsHash: string;
  /** The training settings it was made with (see trainingFingerprint). */
  trainingFingerprint: string;
  createdAt: string;
  features: FeatureOptions;
  /** Sub-intent labels the softmax ranks, and the intent each one belongs to. */
  labels: string[];
  labelIntents: IntentName[];
  vocabulary: TfidfVocabulary;
  /** Feature-major int8 weights: feature j's are [j*labels, (j+1)*labels), times rowScales[j]. */
  weights: Int8Array;
  rowScales: Float32Array;
  bias: Float64Array;
  /**
   * Below this top-intent probability the answer becomes out_of_scope (when the model knows it).
   * 0 turns the rule off. Chosen at training time (see README, section nlu).
   */
  outOfScopeBelow: number;
  /** Scores are divided by this before the softmax (fitted on held-out data; 1 = not calibrated). */
  temperature: number;
  /** The length prior on conversation intents (see ConversationPrior). */
  conversationPrior: ConversationPrior;
  /** The words of the training utterances with their counts: typo correction aims at these. */
  lexicon: Map<string, number>;
  /** English words (WordNet lemmas) that typo correction leaves alone (see english-words.ts). */
  englishWords: ReadonlySet<string>;
}

/**
 * "yes", "no thanks", "help" are short; a long message that starts with "help" or "thanks" is a
 * question. Each word beyond `freeWords` lowers the scores of the conversation intents' labels by
 * `perWord` (a log-prior that grows with length; chosen by cross-validation, README section nlu).
 */
export interface ConversationPrior {
  freeWords: number;
  perWord: number;
}

export interface IntentPrediction {
  intent: IntentName;
  confidence: number;
  /** Every intent the model knows, best first; confidences sum to 1. */
  ranking: RankedIntent[];
  /** The best sub-intent label and its own probability. */
  label: string;
  labelConfidence: number;
}

/** Raw scores (logits) of the model's labels for one utterance, before temperature and softmax. */
export function labelScores(model: IntentModel, text: string, extra: readonly string[] = []): Float64Array {
  const labels = model.labels.length;
  const scores = Float64Array.from(model.bias);
  const vector = vectorize(text, model.vocabulary, model.features, extra);
  for (let f = 0; f < vector.indices.length; f += 1) {
    const column = vector.indices[f] ?? 0;
    const base = column * labels;
    const value = (vector.values[f] ?? 0) * (model.rowScales[column] ?? 0);
    for (let k = 0; k < labels; k += 1) scores[k] = (scores[k] ?? 0) + value * (model.weights[base + k] ?? 0);
  }
  const { freeWords, perWord } = model.conversationPrior;
  const extraWords = classifierWords(text).length - freeWords;
  if (perWord > 0 && extraWords > 0) {
    const isConversation = conversationLabels(model);
    for (let k = 0; k < labels; k += 1) if (isConversation[k]) scores[k] = (scores[k] ?? 0) - perWord * extraWords;
  }
  return scores;
}

const conversationMasks = new WeakMap<IntentModel, Uint8Array>();
function conversationLabels(model: IntentModel): Uint8Array {
  let mask = conversationMasks.get(model);
  if (!mask) {
    const conversation: readonly string[] = CONVERSATION_INTENTS;
    mask = Uint8Array.from(model.labelIntents, (intent) => (conversation.includes(intent) ? 1 : 0));
    conversationMasks.set(model, mask);
  }
  return mask;
}

/** Calibrated probabilities of the model's labels for one utterance. */
export function labelProbabilities(model: IntentModel, text: string, extra: readonly string[] = []): Float64Array {
  const scores = labelScores(model, text, extra);
  if (model.temperature !== 1) for (let k = 0; k < scores.length; k += 1) scores[k] = (scores[k] ?? 0) / model.temperature;
  softmaxInPlace(scores);
  return scores;
}

// Per model: each label's position in the model's intent list (so aggregation needs no Map per call).
const intentTables = new WeakMap<IntentModel, { intents: IntentName[]; labelToIntent: Int32Array }>();
function intentTable(model: IntentModel): { intents: IntentName[]; labelToIntent: Int32Array } {
  let table = intentTables.get(model);
  if (!table) {
    // Contract order of INTENTS: ties then rank stably.
    const intents = INTENTS.filter((intent) => model.labelIntents.includes(intent));
    table = { intents, labelToIntent: Int32Array.from(model.labelIntents, (intent) => intents.indexOf(intent)) };
    intentTables.set(model, table);
  }
  return table;
}

/** Intent probabilities are the sums of their labels' probabilities. `extra`: non-word features (facts). */
export function predictIntent(model: IntentModel, text: string, extra: readonly string[] = []): IntentPrediction {
  const probabilities = labelProbabilities(model, text, extra);
  const { intents, labelToIntent } = intentTable(model);
  const sums = new Float64Array(intents.length);
  let bestLabel = 0;
  for (let k = 0; k < probabilities.length; k += 1) {
    const p = probabilities[k] ?? 0;
    const i = labelToIntent[k] ?? 0;
    sums[i] = (sums[i] ?? 0) + p;
    if (p > (probabilities[bestLabel] ?? 0)) bestLabel = k;
  }
  const ranking: RankedIntent[] = intents.map((intent, i) => ({ intent, confidence: sums[i] ?? 0 }));
  ranking.sort((a, b) => b.confidence - a.confidence);
  const top = ranking[0] ?? { intent: OUT_OF_SCOPE, confidence: 0 };
  const oos = intents.indexOf(OUT_OF_SCOPE);
  const intent = top.confidence < model.outOfScopeBelow && oos >= 0 ? OUT_OF_SCOPE : top.intent;
  return {
    intent,
    confidence: intent === top.intent ? top.confidence : (sums[oos] ?? 0),
    ranking,
    label: model.labels[bestLabel] ?? OUT_OF_SCOPE,
    labelConfidence: probabilities[bestLabel] ?? 0,
  };
}
