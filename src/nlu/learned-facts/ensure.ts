/**
 * Keeps models/learned-facts.json in step with its training rows, as ensureModel does for the
 * intent model: trained at build time, retrained at start-up only when the rows or the settings
 * changed. Without any training rows (an install that ships only models/), the file is used as is.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';
import { readLearnedFactsFile, serializeLearnedFacts, deserializeLearnedFacts, writeLearnedFactsFile } from './file.js';
import type { LearnedFacts } from './model.js';
import { DEFAULT_LABELLED_SOURCES, hashLabelledSources, readLabelledSets, type LabelledSource } from './training-rows.js';
import { DEFAULT_LEARNED_FACT_SETTINGS, trainLearnedFacts, type LearnedFactSettings } from './train.js';

export const DEFAULT_LEARNED_FACTS_PATH = path.join(PACKAGE_ROOT, 'models', 'learned-facts.json');

export interface EnsureLearnedFactsOptions {
  path?: string;
  sources?: readonly LabelledSource[];
  settings?: LearnedFactSettings;
  force?: boolean;
}

export interface EnsuredLearnedFacts {
  /** Undefined when there is neither a file nor rows to train on: understanding then uses the patterns alone. */
  model: LearnedFacts | undefined;
  path: string;
  trained: boolean;
  writeError?: string;
}

export async function ensureLearnedFacts(options: EnsureLearnedFactsOptions = {}): Promise<EnsuredLearnedFacts> {
  const file = options.path ?? DEFAULT_LEARNED_FACTS_PATH;
  const settings = options.settings ?? DEFAULT_LEARNED_FACT_SETTINGS;
  let existing: LearnedFacts | undefined;
  if (!options.force) {
    try {
      existing = await readLearnedFactsFile(file);
    } catch {
      existing = undefined; // unusable: trained again below and rewritten
    }
  }
  const sources = options.sources ?? DEFAULT_LABELLED_SOURCES;
  const found = await hashLabelledSources(sources);
  if (found.files === 0) return { model: existing, path: file, trained: false };
  const hash = createHash('sha256').update(found.hash).update(JSON.stringify(settings)).digest('hex');
  if (existing && existing.trainingHash === hash) return { model: existing, path: file, trained: false };
  const rows = (await readLabelledSets(sources)).sets.flatMap((s) => s.rows);

  // Round-trip through the file format, so this process decides exactly as the next one will.
  const model = deserializeLearnedFacts(serializeLearnedFacts(trainLearnedFacts(rows, settings, hash)), file);
  const result: EnsuredLearnedFacts = { model, path: file, trained: true };
  try {
    await writeLearnedFactsFile(model, file);
  } catch (error) {
    result.writeError = error instanceof Error ? error.message : String(error);
  }
  return result;
}
