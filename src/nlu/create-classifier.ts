import type { IntentClassifier } from '../core/ports.js';
import type { NluResult } from '../core/types.js';
import { extractEntities } from './entities/extract-entities.js';
import { predictIntent, type IntentModel } from './intent-model.js';

/** The pipeline's NLU stage: intent, calibrated confidence, full ranking, sub-intent label, entities. */
export function createIntentClassifier(model: IntentModel): IntentClassifier {
  return {
    parse(text: string): NluResult {
      const prediction = predictIntent(model, text);
      return {
        intent: prediction.intent,
        confidence: prediction.confidence,
        ranking: prediction.ranking,
        entities: extractEntities(text),
        label: prediction.label,
      };
    },
  };
}
