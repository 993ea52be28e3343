/**
 * The learned fact layer's file (models/learned-facts.json): the vocabulary and, per feature, the
 * weights that survived pruning, int8 with one scale per key. Read back exactly as it is used, so a
 * freshly trained layer and a loaded one decide alike.
 */
import { z } from 'zod';
import { DataFileError } from '../../core/errors.js';
import { readJsonModelFile, writeJsonAtomically } from '../json-model-file.js';
import { fromBase64, toBase64 } from '../model-file.js';
import type { LearnedFacts } from './model.js';

export const LEARNED_FACTS_FORMAT = 'supportbot-learned-facts';
export const LEARNED_FACTS_VERSION = 1;

export const learnedFactsFileSchema = z.object({
  format: z.literal(LEARNED_FACTS_FORMAT),
  version: z.literal(LEARNED_FACTS_VERSION),
  trainingHash: z.string(),
  createdAt: z.string(),
  keys: z.array(z.string().min(1)).min(1),
  /** Features by column, one a line: a word, or two words and a space. */
  vocabulary: z.string(),
  /** base64 uint32, one more than the vocabulary: where each feature's weights start. */
  offsets: z.string(),
  /** base64 uint16 per weight: its key. */
  keyIndex: z.string(),
  /** base64 int8 per weight; multiplied by its key's scale. */
  values: z.string(),
  scales: z.array(z.number()),
  bias: z.array(z.number()),
  addAbove: z.number().min(0).max(1),
  vetoBelow: z.number().min(0).max(1),
});
export type LearnedFactsFile = z.output<typeof learnedFactsFileSchema>;

export function serializeLearnedFacts(model: LearnedFacts): LearnedFactsFile {
  const scales = model.keys.map(() => 0);
  model.weights.forEach((w, e) => {
    const k = model.keyIndex[e] ?? 0;
    scales[k] = Math.max(scales[k] ?? 0, Math.abs(w) / 127);
  });
  const values = Int8Array.from(model.weights, (w, e) => Math.round(w / (scales[model.keyIndex[e] ?? 0] || 1)));
  return {
    format: LEARNED_FACTS_FORMAT,
    version: LEARNED_FACTS_VERSION,
    trainingHash: model.trainingHash,
    createdAt: model.createdAt,
    keys: model.keys,
    vocabulary: [...model.vocabulary.keys()].join('\n'),
    offsets: toBase64(model.offsets),
    keyIndex: toBase64(model.keyIndex),
    values: toBase64(values),
    scales,
    bias: [...model.bias],
    addAbove: model.addAbove,
    vetoBelow: model.vetoBelow,
  };
}

export function deserializeLearnedFacts(file: LearnedFactsFile, source = 'learned facts'): LearnedFacts {
  const fail = (field: string, problem: string) => new DataFileError(source, field, problem);
  const words = file.vocabulary === '' ? [] : file.vocabulary.split('\n');
  const offsets = fromBase64(file.offsets, (b, n) => new Uint32Array(b, 0, n), 4);
  const keyIndex = fromBase64(file.keyIndex, (b, n) => new Uint16Array(b, 0, n), 2);
  const values = fromBase64(file.values, (b, n) => new Int8Array(b, 0, n), 1);
  if (file.bias.length !== file.keys.length) throw fail('bias', 'must have one value per key');
  if (file.scales.length !== file.keys.length) throw fail('scales', 'must have one value per key');
  if (offsets.length !== words.length + 1) throw fail('offsets', 'must have one more value than the vocabulary');
  if (keyIndex.length !== values.length || (offsets[words.length] ?? -1) !== values.length) throw fail('values', 'must have one key and one value per weight');
  // Plain loops: typed-array helpers with a callback cost tens of milliseconds at start-up here.
  const weights = new Float32Array(values.length);
  for (let e = 0; e < values.length; e += 1) {
    const k = keyIndex[e] ?? 0;
    if (k >= file.keys.length) throw fail('keyIndex', 'names a key that does not exist');
    weights[e] = (values[e] ?? 0) * (file.scales[k] ?? 0);
  }
  const vocabulary = new Map<string, number>();
  for (let j = 0; j < words.length; j += 1) vocabulary.set(words[j] ?? '', j);
  return {
    keys: file.keys,
    vocabulary,
    offsets,
    keyIndex,
    weights,
    bias: Float64Array.from(file.bias),
    addAbove: file.addAbove,
    vetoBelow: file.vetoBelow,
    trainingHash: file.trainingHash,
    createdAt: file.createdAt,
  };
}

/** Writes the layer's file atomically; returns its size in bytes. */
export async function writeLearnedFactsFile(model: LearnedFacts, file: string): Promise<number> {
  return writeJsonAtomically(file, serializeLearnedFacts(model));
}

/** Undefined when the file does not exist; DataFileError naming file and field when it is unusable. */
export async function readLearnedFactsFile(file: string): Promise<LearnedFacts | undefined> {
  const read = await readJsonModelFile(file, learnedFactsFileSchema, 'learned facts file');
  return read && deserializeLearnedFacts(read.data, read.shown);
}
