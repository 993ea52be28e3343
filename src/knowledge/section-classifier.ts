import { z } from 'zod';
import { trainNaiveBayes } from '../nlu/naive-bayes-weights.js';
import { quantizeWeights } from '../nlu/quantize-weights.js';
import { softmaxInPlace, trainSoftmax } from '../nlu/softmax-regression.js';
import { DEFAULT_FEATURE_OPTIONS, featureOptionsSchema, type FeatureOptions } from '../nlu/text-features.js';
import { fitVocabulary, vectorize, vocabularyFromKeys, vocabularyKeys, type TfidfVocabulary } from '../nlu/tfidf-vectorizer.js';

/**
 * A section classifier: the intent model's recipe (TF-IDF word and character n-grams, softmax
 * regression plus naive Bayes, int8 weights) with one label per knowledge section, trained on
 * the questions each section answers (its `asks`) and its heading. It learns how people ask
 * ("is alipay taking a cut") where BM25 only sees which words a section shares with a question.
 */
export interface SectionClassifier {
  features: FeatureOptions;
  /** Number of labels: label k is section k of the index. */
  labels: number;
  vocabulary: TfidfVocabulary;
  /** Feature-major int8 weights: feature j's are [j*labels, (j+1)*labels), times rowScales[j]. */
  weights: Int8Array;
  rowScales: Float32Array;
  bias: Float64Array;
  /** Scores are divided by this before the softmax. */
  temperature: number;
}

export interface ClassifierExample {
  text: string;
  /** The section (index position) it belongs to. */
  label: number;
}

export interface TrainSectionClassifierOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  naiveBayesWeight?: number;
  naiveBayesAlpha?: number;
  charMinDf?: number;
  temperature?: number;
  seed?: number;
  /** Also learn from the section's own sentences (besides its heading and asks). */
  textSentences?: boolean;
}

/** The intent model's settings, except a lower temperature: 100 labels spread the mass thinner than 20 intents. */
export const DEFAULT_CLASSIFIER_TRAINING: Required<TrainSectionClassifierOptions> = {
  epochs: 5,
  learningRate: 0.5,
  l2: 1e-4,
  naiveBayesWeight: 0.4,
  naiveBayesAlpha: 0.01,
  charMinDf: 2,
  temperature: 1,
  seed: 11,
  textSentences: false,
};

export function trainSectionClassifier(examples: readonly ClassifierExample[], labels: number, options: TrainSectionClassifierOptions = {}): SectionClassifier {
  const settings = { ...DEFAULT_CLASSIFIER_TRAINING, ...options };
  const features = DEFAULT_FEATURE_OPTIONS;
  const texts = examples.map((e) => e.text);
  const y = examples.map((e) => e.label);
  const fitted = fitVocabulary(texts, features, { charMinDf: settings.charMinDf });
  // idf is stored as float32: round it now, so the model in memory is exactly the one in the file.
  const vocabulary = { ...fitted, idf: Float64Array.from(fitted.idf, Math.fround) };
  const x = texts.map((text) => vectorize(text, vocabulary, features));
  const width = vocabulary.idf.length;
  const trained = trainSoftmax(x, y, width, labels, { epochs: settings.epochs, learningRate: settings.learningRate, l2: settings.l2, seed: settings.seed });
  if (settings.naiveBayesWeight > 0) {
    const nb = trainNaiveBayes(x, y, width, labels, settings.naiveBayesAlpha);
    for (let i = 0; i < trained.weights.length; i += 1) trained.weights[i] = (trained.weights[i] ?? 0) + settings.naiveBayesWeight * (nb.weights[i] ?? 0);
    for (let k = 0; k < labels; k += 1) trained.bias[k] = (trained.bias[k] ?? 0) + settings.naiveBayesWeight * (nb.bias[k] ?? 0);
  }
  const quantized = quantizeWeights(trained.weights, width, labels);
  return { features, labels, vocabulary, weights: quantized.values, rowScales: quantized.rowScales, bias: trained.bias, temperature: settings.temperature };
}

/** The training examples of a list of sections: each question it answers, and its heading. */
export function classifierExamples(
  sections: ReadonlyArray<{ title: string; text: string; asks?: readonly string[] | undefined }>,
  options: TrainSectionClassifierOptions = {},
): ClassifierExample[] {
  const examples: ClassifierExample[] = [];
  sections.forEach((section, label) => {
    examples.push({ text: section.title, label });
    for (const ask of section.asks ?? []) examples.push({ text: ask, label });
    if (options.textSentences ?? DEFAULT_CLASSIFIER_TRAINING.textSentences) {
      for (const sentence of section.text.split(/(?<=[.!?:;])\s+|\n+/)) if (sentence.trim().length > 10) examples.push({ text: sentence, label });
    }
  });
  return examples;
}

/** Fills `out` (length `labels`) with the probability of each section for `text`. */
export function classifySections(model: SectionClassifier, text: string, out: Float64Array): void {
  const { labels, weights, rowScales } = model;
  out.set(model.bias);
  const vector = vectorize(text, model.vocabulary, model.features);
  for (let f = 0; f < vector.indices.length; f += 1) {
    const column = vector.indices[f] ?? 0;
    const value = (vector.values[f] ?? 0) * (rowScales[column] ?? 0);
    const base = column * labels;
    for (let k = 0; k < labels; k += 1) out[k] = (out[k] ?? 0) + value * (weights[base + k] ?? 0);
  }
  if (model.temperature !== 1) for (let k = 0; k < labels; k += 1) out[k] = (out[k] ?? 0) / model.temperature;
  softmaxInPlace(out);
}

const toBase64 = (array: ArrayBufferView): string => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
function fromBase64(text: string): ArrayBuffer {
  const bytes = Buffer.from(text, 'base64');
  // A fresh buffer: Buffer's pooled memory may not be aligned for typed arrays.
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return copy;
}

/** How the classifier sits in models/knowledge-index.json: typed arrays as base64. */
export const sectionClassifierFileSchema = z.object({
  features: featureOptionsSchema,
  labels: z.number().int().positive(),
  /** Feature names by column, one a line (`w:` word n-grams, `c:` character n-grams). */
  vocabulary: z.string(),
  /** base64 float32 per column. */
  idf: z.string(),
  /** base64: int8 per (feature, label), feature-major, and a float32 scale per feature. */
  weights: z.string(),
  rowScales: z.string(),
  bias: z.array(z.number()),
  temperature: z.number().positive(),
});
export type SectionClassifierFile = z.output<typeof sectionClassifierFileSchema>;

export function serializeSectionClassifier(model: SectionClassifier): SectionClassifierFile {
  return {
    features: model.features,
    labels: model.labels,
    vocabulary: vocabularyKeys(model.vocabulary).join('\n'),
    idf: toBase64(Float32Array.from(model.vocabulary.idf)),
    weights: toBase64(model.weights),
    rowScales: toBase64(model.rowScales),
    bias: [...model.bias],
    temperature: model.temperature,
  };
}

/** Undefined when the parts do not fit together (the caller then rebuilds the index). */
export function deserializeSectionClassifier(file: SectionClassifierFile): SectionClassifier | undefined {
  const keys = file.vocabulary ? file.vocabulary.split('\n') : [];
  const idf = Float64Array.from(new Float32Array(fromBase64(file.idf)));
  const weights = new Int8Array(fromBase64(file.weights));
  const rowScales = new Float32Array(fromBase64(file.rowScales));
  if (idf.length !== keys.length || rowScales.length !== keys.length || weights.length !== keys.length * file.labels || file.bias.length !== file.labels) return undefined;
  return {
    features: file.features,
    labels: file.labels,
    vocabulary: vocabularyFromKeys(keys, idf),
    weights,
    rowScales,
    bias: Float64Array.from(file.bias),
    temperature: file.temperature,
  };
}
