import { ensureModel, type EnsureModelOptions } from './ensure-model.js';

/** Trains the intent model from intents/ into models/intent-model.json (skipped when up to date). */
export async function buildModel(options: EnsureModelOptions = {}): Promise<{ path: string; trained: boolean }> {
  const result = await ensureModel(options);
  if (result.writeError) throw new Error(`could not write the intent model to ${result.path}: ${result.writeError}`);
  return { path: result.path, trained: result.trained };
}
