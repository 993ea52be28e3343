import type { IntentClassifier } from '../core/ports.js';
import { createIntentClassifier } from './create-classifier.js';
import { ensureModel } from './ensure-model.js';
import { DEFAULT_FACTS_DIR, loadFactCatalogue } from './facts/load-facts.js';

export interface LoadClassifierOptions {
  /** Where the trained model file lives (default models/intent-model.json). */
  modelPath?: string;
  /** The training data (default intents/). */
  intentsDir?: string;
  /** The fact catalogue (default intents/facts/). */
  factsDir?: string;
}

/**
 * Loads the trained intent classifier from its model file, and the fact catalogue beside it. When
 * the model file is missing, or intents/ changed since it was trained (content hash), it retrains
 * and rewrites the file first.
 */
export async function loadClassifier(options: LoadClassifierOptions = {}): Promise<IntentClassifier> {
  const { model } = await ensureModel({
    ...(options.modelPath ? { modelPath: options.modelPath } : {}),
    ...(options.intentsDir ? { intentsDir: options.intentsDir } : {}),
  });
  return createIntentClassifier(model, loadFactCatalogue(options.factsDir ?? DEFAULT_FACTS_DIR));
}
