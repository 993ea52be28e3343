import { createHash } from 'node:crypto';
import type { IntentName } from '../core/intents.js';
import { stratifiedFolds } from './evaluation/splits.js';
import { labelScores, type IntentModel } from './intent-model.js';
import { fitTemperature, type HeldOutScores } from './temperature.js';
import { quantizeWeights } from '../learn/quantize-weights.js';
import { trainNaiveBayes } from '../learn/naive-bayes-weights.js';
import { trainSoftmax } from '../learn/softmax-regression.js';
import { DEFAULT_FEATURE_OPTIONS, type FeatureOptions } from './text-features.js';
import { fitVocabulary, vectorize } from './tfidf-vectorizer.js';
import { clauseWords } from './understanding/message-text.js';
import type { UnderstandingContext } from '../core/types.js';
import { contextFeatureKeys } from './context-features.js';
import { factFeaturesOf } from './facts/fact-features.js';
import { defaultFactCatalogue, type FactCatalogue } from './facts/load-facts.js';
import { readWordNetLemmas } from '../text/english-words.js';

let lemmas: ReadonlySet<string> | undefined;
/** Read once per process: cross-validation trains many models. */
function englishWords(): ReadonlySet<string> {
  lemmas ??= new Set(readWordNetLemmas());
  return lemmas;
}

/** How often each plain word occurs in the training utterances, most common first. */
function countWords(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const clause of clauseWords(text)) for (const word of clause) counts.set(word, (counts.get(word) ?? 0) + 1);
  return new Map([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

/** One training row: the trainer learns `label` (a sub-intent) and reports on `intent`. */
export interface TrainingExample {
  text: string;
  intent: IntentName;
  label?: string;
  context?: UnderstandingContext | undefined;
}

export interface TrainIntentModelOptions {
  features?: Partial<FeatureOptions>;
  charMinDf?: number;
  /** Word pairs seen in fewer utterances than this are not features (they cost size and overfit). */
  ngramMinDf?: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** Weight examples so every intent carries the same total weight (0 = off, 1 = full balance). */
  balance?: number;
  outOfScopeBelow?: number;
  /** How much the naive Bayes log-probabilities add to the softmax scores (0 = softmax alone). */
  naiveBayesWeight?: number;
  /** Additive smoothing of the naive Bayes feature probabilities. */
  naiveBayesAlpha?: number;
  /** Conversation intents lose `conversationPerWord` of score per word beyond `conversationFreeWords`. */
  conversationFreeWords?: number;
  conversationPerWord?: number;
  /** Fit the temperature on this many internal held-out folds (0: temperature 1, uncalibrated). */
  calibrationFolds?: number;
  intentsHash?: string;
}

export const DEFAULT_TRAINING = {
  charMinDf: 3,
  ngramMinDf: 2,
  epochs: 12,
  learningRate: 0.5,
  l2: 1e-4,
  seed: 7,
  balance: 0,
  outOfScopeBelow: 0.4,
  naiveBayesWeight: 0.4,
  naiveBayesAlpha: 0.01,
  conversationFreeWords: 6,
  conversationPerWord: 1,
  calibrationFolds: 3,
};

/**
 * A short hash of the training settings (features and hyperparameters, defaults applied). Stored in
 * the model, so a model trained by an older version of this code counts as stale, like changed data.
 */
/**
 * Raise when how the training data is read changes (labels, folders) without any data file
 * changing: a model made the old way is then stale, not silently kept.
 */
const TRAINING_RECIPE = 3;

export function trainingFingerprint(options: TrainIntentModelOptions = {}): string {
  const { intentsHash: _ignored, ...rest } = options;
  const settings = { recipe: TRAINING_RECIPE, ...DEFAULT_TRAINING, ...rest, features: { ...DEFAULT_FEATURE_OPTIONS, ...options.features } };
  const canonical = JSON.stringify(Object.entries(settings).sort(([a], [b]) => (a < b ? -1 : 1)));
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16);
}

/**
 * Trains the softmax model over sub-intent labels from TF-IDF word and character n-grams, then
 * fits its temperature on internal held-out folds so the confidences are calibrated.
 */
export function trainIntentModel(examples: readonly TrainingExample[], options: TrainIntentModelOptions = {}, facts: FactCatalogue = defaultFactCatalogue()): IntentModel {
  const features: FeatureOptions = { ...DEFAULT_FEATURE_OPTIONS, ...options.features };
  // The facts of every utterance, read once: calibration trains the model several more times.
  const factsOf = features.facts ? factFeaturesOf(facts) : () => [];
  const extras = examples.map((e) => [...factsOf(e.text), ...(features.context ? contextFeatureKeys(e.context) : [])]);
  const model = trainUncalibrated(examples, extras, options);
  const folds = options.calibrationFolds ?? DEFAULT_TRAINING.calibrationFolds;
  if (folds >= 2 && examples.length >= folds * 4) model.temperature = fitTemperature(heldOutScores(examples, extras, folds, options));
  return model;
}

/** Scores of every example from a model trained without its fold. */
function heldOutScores(examples: readonly TrainingExample[], extras: ReadonlyArray<readonly string[]>, folds: number, options: TrainIntentModelOptions): HeldOutScores[] {
  const samples: HeldOutScores[] = [];
  for (const testIndices of stratifiedFolds(examples, folds, (e) => e.label ?? e.intent, options.seed ?? DEFAULT_TRAINING.seed)) {
    const inTest = new Set(testIndices);
    const keep = (_: unknown, i: number) => !inTest.has(i);
    const model = trainUncalibrated(examples.filter(keep), extras.filter(keep), options);
    for (const i of testIndices) {
      const example = examples[i];
      if (!example) continue;
      samples.push({ scores: labelScores(model, example.text, extras[i]), isGold: Uint8Array.from(model.labelIntents, (intent) => (intent === example.intent ? 1 : 0)) });
    }
  }
  return samples;
}

function trainUncalibrated(examples: readonly TrainingExample[], extras: ReadonlyArray<readonly string[]>, options: TrainIntentModelOptions): IntentModel {
  const features: FeatureOptions = { ...DEFAULT_FEATURE_OPTIONS, ...options.features };
  const settings = { ...DEFAULT_TRAINING, ...options };
  if (examples.length === 0) throw new Error('cannot train an intent model without examples');

  const labels: string[] = [];
  const labelIntents: IntentName[] = [];
  const labelIndex = new Map<string, number>();
  const y = examples.map((example) => {
    const label = example.label ?? example.intent;
    let k = labelIndex.get(label);
    if (k === undefined) {
      k = labels.length;
      labelIndex.set(label, k);
      labels.push(label);
      labelIntents.push(example.intent);
    }
    return k;
  });

  const texts = examples.map((e) => e.text);
  const vocabulary = fitVocabulary(texts, features, { charMinDf: settings.charMinDf, ngramMinDf: settings.ngramMinDf }, extras);
  const x = texts.map((text, i) => vectorize(text, vocabulary, features, extras[i]));

  // Partial balancing: an intent with many utterances should not drown one with few.
  const perIntent = new Map<IntentName, number>();
  for (const e of examples) perIntent.set(e.intent, (perIntent.get(e.intent) ?? 0) + 1);
  const mean = examples.length / perIntent.size;
  const sampleWeights = Float64Array.from(examples, (e) => Math.pow(mean / (perIntent.get(e.intent) ?? mean), settings.balance));

  const trained = trainSoftmax(x, y, vocabulary.idf.length, labels.length, {
    epochs: settings.epochs,
    learningRate: settings.learningRate,
    l2: settings.l2,
    seed: settings.seed,
    sampleWeights,
  });
  if (settings.naiveBayesWeight > 0) {
    const nb = trainNaiveBayes(x, y, vocabulary.idf.length, labels.length, settings.naiveBayesAlpha);
    for (let i = 0; i < trained.weights.length; i += 1) trained.weights[i] = (trained.weights[i] ?? 0) + settings.naiveBayesWeight * (nb.weights[i] ?? 0);
    for (let k = 0; k < labels.length; k += 1) trained.bias[k] = (trained.bias[k] ?? 0) + settings.naiveBayesWeight * (nb.bias[k] ?? 0);
  }
  // Quantised now, not at save time: the model in memory is exactly the one in the file.
  const quantized = quantizeWeights(trained.weights, vocabulary.idf.length, labels.length);
  return {
    intentsHash: options.intentsHash ?? '',
    trainingFingerprint: trainingFingerprint(options),
    createdAt: new Date().toISOString(),
    features,
    labels,
    labelIntents,
    vocabulary,
    weights: quantized.values,
    rowScales: quantized.rowScales,
    bias: trained.bias,
    outOfScopeBelow: settings.outOfScopeBelow,
    temperature: 1,
    conversationPrior: { freeWords: settings.conversationFreeWords, perWord: settings.conversationPerWord },
    lexicon: countWords(texts),
    englishWords: englishWords(),
  };
}
