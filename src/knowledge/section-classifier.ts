import { z } from 'zod';
import { fitVocabulary, hasAfterMark, vectorize, type FeatureVocabulary } from './section-features.js';
import { softmaxInPlace, trainLinearModel } from './softmax-trainer.js';

/**
 * A section classifier: TF-IDF word and character n-grams, softmax regression plus naive Bayes,
 * int8 weights (the intent model's recipe) with one label per knowledge section, trained on the
 * questions each section answers (its `asks`) and its heading. It learns how people ask ("is
 * alipay taking a cut") where BM25 only sees which words a section shares with a question.
 */
export interface SectionClassifier {
  /** Number of labels: label k is section k of the index. */
  labels: number;
  vocabulary: FeatureVocabulary;
  /** Feature-major int8 weights: feature j's are [j*labels, (j+1)*labels), times rowScales[j]. */
  weights: Int8Array;
  rowScales: Float32Array;
  bias: Float64Array;
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
  /** A word pair must occur in this many training texts to be a feature. */
  pairMinDf?: number;
  seed?: number;
  /** Also learn from the section's own sentences (besides its heading and asks). */
  textSentences?: boolean;
  /**
   * How many times a follow-up (a training question with an after mark) is learned. Follow-ups are a
   * small share of the training questions but lean on one extra feature; learned once, the words of
   * the many standalone questions outvote the shown section.
   */
  followUpRepeat?: number;
}

/** The intent model's settings, except 5 epochs (10 measured no better here, and training is twice as fast). */
export const DEFAULT_CLASSIFIER_TRAINING: Required<TrainSectionClassifierOptions> = {
  epochs: 5,
  learningRate: 0.5,
  l2: 1e-4,
  naiveBayesWeight: 0.4,
  naiveBayesAlpha: 0.01,
  charMinDf: 2,
  pairMinDf: 3,
  seed: 11,
  textSentences: false,
  followUpRepeat: 2,
};

export function trainSectionClassifier(examples: readonly ClassifierExample[], labels: number, options: TrainSectionClassifierOptions = {}): SectionClassifier {
  const settings = { ...DEFAULT_CLASSIFIER_TRAINING, ...options };
  const texts = examples.map((e) => e.text);
  const vocabulary = fitVocabulary(texts, settings.charMinDf, settings.pairMinDf);
  const x = texts.map((text) => vectorize(text, vocabulary));
  const model = trainLinearModel(
    x,
    examples.map((e) => e.label),
    vocabulary.idf.length,
    labels,
    settings,
  );
  return { labels, vocabulary, ...model };
}

/** The training examples of a list of sections: each question it answers (asks and examples), and its heading. */
export function classifierExamples(
  sections: ReadonlyArray<{ title: string; text: string; asks?: readonly string[] | undefined; examples?: readonly string[] | undefined }>,
  options: TrainSectionClassifierOptions = {},
): ClassifierExample[] {
  const examples: ClassifierExample[] = [];
  sections.forEach((section, label) => {
    examples.push({ text: section.title, label });
    const repeat = options.followUpRepeat ?? DEFAULT_CLASSIFIER_TRAINING.followUpRepeat;
    for (const text of [...(section.asks ?? []), ...(section.examples ?? [])]) {
      for (let i = hasAfterMark(text) ? repeat : 1; i > 0; i--) examples.push({ text, label });
    }
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
  const vector = vectorize(text, model.vocabulary);
  for (let f = 0; f < vector.indices.length; f++) {
    const column = vector.indices[f] ?? 0;
    const value = (vector.values[f] ?? 0) * (rowScales[column] ?? 0);
    const base = column * labels;
    for (let k = 0; k < labels; k++) out[k] = (out[k] ?? 0) + value * (weights[base + k] ?? 0);
  }
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
  labels: z.number().int().positive(),
  /** Feature keys by column, one a line (`w:` word n-grams, `c:` character n-grams). */
  vocabulary: z.string(),
  /** base64 float32 per column. */
  idf: z.string(),
  /** base64: int8 per (feature, label), feature-major, and a float32 scale per feature. */
  weights: z.string(),
  rowScales: z.string(),
  bias: z.array(z.number()),
});
export type SectionClassifierFile = z.output<typeof sectionClassifierFileSchema>;

export function serializeSectionClassifier(model: SectionClassifier): SectionClassifierFile {
  const keys = new Array<string>(model.vocabulary.idf.length);
  for (const [key, column] of model.vocabulary.columns) keys[column] = key;
  return {
    labels: model.labels,
    vocabulary: keys.join('\n'),
    idf: toBase64(Float32Array.from(model.vocabulary.idf)),
    weights: toBase64(model.weights),
    rowScales: toBase64(model.rowScales),
    bias: [...model.bias],
  };
}

/** Undefined when the parts do not fit together (the caller then rebuilds the index). */
export function deserializeSectionClassifier(file: SectionClassifierFile): SectionClassifier | undefined {
  const keys = file.vocabulary ? file.vocabulary.split('\n') : [];
  const idf = Float64Array.from(new Float32Array(fromBase64(file.idf)));
  const weights = new Int8Array(fromBase64(file.weights));
  const rowScales = new Float32Array(fromBase64(file.rowScales));
  if (idf.length !== keys.length || rowScales.length !== keys.length || weights.length !== keys.length * file.labels || file.bias.length !== file.labels) return undefined;
  return { labels: file.labels, vocabulary: { columns: new Map(keys.map((key, column) => [key, column])), idf }, weights, rowScales, bias: Float64Array.from(file.bias) };
}
