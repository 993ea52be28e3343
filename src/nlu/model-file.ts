import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { DataFileError } from '../core/errors.js';
import { INTENTS } from '../core/intents.js';
import type { IntentModel } from './intent-model.js';
import { readJsonModelFile, writeJsonAtomically } from './json-model-file.js';
import { featureOptionsSchema } from './text-features.js';
import { vocabularyFromKeys, vocabularyKeys } from './tfidf-vectorizer.js';

export const MODEL_FORMAT = 'supportbot-intent-model';
export const MODEL_VERSION = 3;

/**
 * The model file: the vocabulary, idf, and the weights exactly as the model uses them — int8
 * (base64), one scale per feature row (see quantize-weights.ts). A few MB at most, fast to load.
 */
export const modelFileSchema = z.object({
  format: z.literal(MODEL_FORMAT),
  version: z.literal(MODEL_VERSION),
  intentsHash: z.string(),
  trainingFingerprint: z.string(),
  createdAt: z.string(),
  features: featureOptionsSchema,
  labels: z.array(z.string().min(1)).min(1),
  labelIntents: z.array(z.enum(INTENTS)).min(1),
  /** Feature names by column, one a line: `w:` word n-grams of stems, `c:` character n-grams. */
  vocabulary: z.string(),
  /** base64 float64 per column. */
  idf: z.string(),
  bias: z.array(z.number()),
  outOfScopeBelow: z.number().min(0).max(1),
  temperature: z.number().positive(),
  conversationPrior: z.object({ freeWords: z.number().int().nonnegative(), perWord: z.number().nonnegative() }),
  /** base64: float32 scale per feature row; int8 per (feature, label), feature-major. */
  weights: z.object({ rowScales: z.string(), values: z.string() }),
  /** The training words and their counts, `word count` a line (typo correction aims at these). */
  lexicon: z.string(),
  /** English lemmas, one a line, that typo correction never changes: gzip, then base64 (they compress 4×). */
  englishWords: z.string(),
});
export type ModelFile = z.output<typeof modelFileSchema>;

export const toBase64 = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
export function fromBase64<T>(text: string, make: (buffer: ArrayBuffer, length: number) => T, bytesPer: number): T {
  const bytes = Buffer.from(text, 'base64');
  // Copy into a fresh buffer: Buffer's pooled memory may not be aligned for typed arrays.
  const copy = new ArrayBuffer(bytes.length);
  new Uint8Array(copy).set(bytes);
  return make(copy, Math.floor(bytes.length / bytesPer));
}

export function serializeModel(model: IntentModel): ModelFile {
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    intentsHash: model.intentsHash,
    trainingFingerprint: model.trainingFingerprint,
    createdAt: model.createdAt,
    features: model.features,
    labels: model.labels,
    labelIntents: model.labelIntents,
    // One string, not an array: parses several times faster and features never contain a newline.
    vocabulary: vocabularyKeys(model.vocabulary).join('\n'),
    idf: toBase64(Float64Array.from(model.vocabulary.idf)),
    bias: [...model.bias],
    outOfScopeBelow: model.outOfScopeBelow,
    temperature: model.temperature,
    conversationPrior: model.conversationPrior,
    weights: { rowScales: toBase64(model.rowScales), values: toBase64(model.weights) },
    lexicon: [...model.lexicon].map(([word, count]) => `${word} ${count}`).join('\n'),
    englishWords: gzipSync([...model.englishWords].join('\n')).toString('base64'),
  };
}

/** Rebuilds the in-memory model; throws DataFileError when the parts do not fit together. */
export function deserializeModel(file: ModelFile, source = 'model'): IntentModel {
  const fail = (field: string, problem: string) => new DataFileError(source, field, problem);
  const labelCount = file.labels.length;
  if (file.labelIntents.length !== labelCount) throw fail('labelIntents', 'must have one intent per label');
  if (file.bias.length !== labelCount) throw fail('bias', 'must have one value per label');
  const keys = file.vocabulary === '' ? [] : file.vocabulary.split('\n');
  const featureCount = keys.length;
  const idf = fromBase64(file.idf, (b, n) => new Float64Array(b, 0, n), 8);
  const rowScales = fromBase64(file.weights.rowScales, (b, n) => new Float32Array(b, 0, n), 4);
  const values = fromBase64(file.weights.values, (b, n) => new Int8Array(b, 0, n), 1);
  if (idf.length !== featureCount) throw fail('idf', 'must have one value per vocabulary entry');
  if (rowScales.length !== featureCount) throw fail('weights.rowScales', 'must have one value per vocabulary entry');
  if (values.length !== featureCount * labelCount) throw fail('weights.values', 'must have one value per feature and label');

  return {
    intentsHash: file.intentsHash,
    trainingFingerprint: file.trainingFingerprint,
    createdAt: file.createdAt,
    features: file.features,
    labels: file.labels,
    labelIntents: file.labelIntents,
    vocabulary: vocabularyFromKeys(keys, idf),
    weights: values,
    rowScales,
    bias: Float64Array.from(file.bias),
    outOfScopeBelow: file.outOfScopeBelow,
    temperature: file.temperature,
    conversationPrior: file.conversationPrior,
    lexicon: parseLexicon(file.lexicon, fail),
    englishWords: readEnglishWords(file.englishWords, fail),
  };
}

function readEnglishWords(packed: string, fail: (field: string, problem: string) => Error): Set<string> {
  if (packed === '') return new Set();
  let text: string;
  try {
    text = gunzipSync(Buffer.from(packed, 'base64')).toString('utf8');
  } catch {
    throw fail('englishWords', 'must be gzip, base64-encoded');
  }
  return new Set(text === '' ? [] : text.split('\n'));
}

function parseLexicon(text: string, fail: (field: string, problem: string) => Error): Map<string, number> {
  const lexicon = new Map<string, number>();
  if (text === '') return lexicon;
  for (const line of text.split('\n')) {
    const space = line.lastIndexOf(' ');
    const count = Number(line.slice(space + 1));
    if (space <= 0 || !Number.isInteger(count) || count < 1) throw fail('lexicon', `malformed line "${line.slice(0, 40)}"`);
    lexicon.set(line.slice(0, space), count);
  }
  return lexicon;
}

/** Writes the model file atomically; returns its size in bytes. */
export async function writeModelFile(model: IntentModel, file: string): Promise<number> {
  return writeJsonAtomically(file, serializeModel(model));
}

/** Reads a model file; undefined when it does not exist, DataFileError when it is unusable. */
export async function readModelFile(file: string): Promise<IntentModel | undefined> {
  const read = await readJsonModelFile(file, modelFileSchema, 'model file');
  return read && deserializeModel(read.data, read.shown);
}
