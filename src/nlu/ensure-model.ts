import type { IntentModel } from './intent-model.js';
import { hashIntentsDir, loadIntents } from './load-intents.js';
import { readModelFile, writeModelFile } from './model-file.js';
import { DEFAULT_INTENTS_DIR, DEFAULT_MODEL_PATH } from './paths.js';
import { trainIntentModel, trainingFingerprint, type TrainIntentModelOptions } from './train-intent-model.js';

export interface EnsureModelOptions {
  modelPath?: string;
  intentsDir?: string;
  /** Retrain even when the model file is up to date. */
  force?: boolean;
  training?: TrainIntentModelOptions;
}

export interface EnsuredModel {
  model: IntentModel;
  path: string;
  /** True when the model was (re)trained now rather than read from its file. */
  trained: boolean;
  /** Why it was trained: missing, stale (intents/ or the training settings changed), unreadable, forced. */
  reason?: 'missing' | 'stale' | 'unreadable' | 'forced';
  /** Set when the trained model could not be written (e.g. a read-only install): it is used from memory. */
  writeError?: string;
  bytes?: number;
}

/** Trains the shipped model from intents/ (the only data it is ever trained on). */
export async function trainFromIntentsDir(intentsDir: string = DEFAULT_INTENTS_DIR, training: TrainIntentModelOptions = {}): Promise<IntentModel> {
  const loaded = await loadIntents({ dir: intentsDir });
  return trainIntentModel(loaded.examples, { ...training, intentsHash: loaded.hash });
}

/**
 * Reads the model file and checks it against intents/ by content hash; trains and rewrites it
 * when it is missing, stale or unreadable. Training happens at build time (`supportbot build`);
 * here it is the safety net that keeps a start-up after an edit of intents/ correct.
 */
export async function ensureModel(options: EnsureModelOptions = {}): Promise<EnsuredModel> {
  const modelPath = options.modelPath ?? DEFAULT_MODEL_PATH;
  const intentsDir = options.intentsDir ?? DEFAULT_INTENTS_DIR;
  let existing: IntentModel | undefined;
  let reason: EnsuredModel['reason'] = options.force ? 'forced' : 'missing';
  if (!options.force) {
    try {
      existing = await readModelFile(modelPath);
    } catch {
      reason = 'unreadable';
    }
  }
  let hash: string | undefined;
  try {
    hash = await hashIntentsDir(intentsDir);
  } catch (error) {
    // No intents/ to compare with (an install that ships only the model): use the model as it is.
    if (existing) return { model: existing, path: modelPath, trained: false };
    throw error;
  }
  const fresh = existing && existing.intentsHash === hash && existing.trainingFingerprint === trainingFingerprint(options.training);
  if (existing && fresh) return { model: existing, path: modelPath, trained: false };
  if (existing) reason = 'stale';

  const model = await trainFromIntentsDir(intentsDir, options.training);
  const result: EnsuredModel = { model, path: modelPath, trained: true, reason };
  try {
    result.bytes = await writeModelFile(model, modelPath);
  } catch (error) {
    result.writeError = error instanceof Error ? error.message : String(error);
  }
  return result;
}
