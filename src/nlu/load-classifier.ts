import path from 'node:path';
import type { IntentClassifier } from '../core/ports.js';
import { createIntentClassifier } from './create-classifier.js';
import { ensureModel } from './ensure-model.js';
import { DEFAULT_FACTS_DIR, loadFactCatalogue } from './facts/load-facts.js';
import { DEFAULT_MODEL_PATH } from './paths.js';
import { ensureLearnedFacts } from './learned-facts/ensure.js';

/** The compiled fact catalogue's file name, beside the model (see facts/catalogue-cache.ts). */
export const FACT_CATALOGUE_CACHE = 'fact-catalogue.json';

export interface LoadClassifierOptions {
  /** Where the trained model file lives (default models/intent-model.json). */
  modelPath?: string;
  /** The training data (default intents/). */
  intentsDir?: string;
  /** The fact catalogue (default intents/facts/). */
  factsDir?: string;
  /** The learned fact layer's file (default models/learned-facts.json); false: the patterns alone. */
  learnedFacts?: string | false;
}

/**
 * Loads the trained intent classifier from its model file, the fact catalogue, and the learned
 * fact layer. When a model file is missing, or its training data changed since it was trained
 * (content hash), it retrains and rewrites the file first.
 */
export async function loadClassifier(options: LoadClassifierOptions = {}): Promise<IntentClassifier> {
  const modelPath = options.modelPath ?? DEFAULT_MODEL_PATH;
  // Both read their files at once: start-up waits for the slower, not the sum.
  const [{ model }, learned] = await Promise.all([
    ensureModel({ modelPath, ...(options.intentsDir ? { intentsDir: options.intentsDir } : {}) }),
    options.learnedFacts === false ? undefined : ensureLearnedFacts(options.learnedFacts ? { path: options.learnedFacts } : {}).then((r) => r.model),
  ]);
  // The compiled catalogue is kept beside the model, where builds already write.
  const cacheFile = path.join(path.dirname(modelPath), FACT_CATALOGUE_CACHE);
  return createIntentClassifier(model, loadFactCatalogue(options.factsDir ?? DEFAULT_FACTS_DIR, { cacheFile }), learned ? { learnedFacts: learned } : {});
}
