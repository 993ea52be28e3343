import type { IntentClassifier } from '../core/ports.js';
import { defaultFactCatalogue, type FactCatalogue } from './facts/load-facts.js';
import type { IntentModel } from './intent-model.js';
import { createUnderstanding, type UnderstandingOptions } from './understanding/understand.js';

/**
 * The pipeline's NLU stage: intent, calibrated confidence, full ranking, sub-intent label,
 * entities, and what the message states (facts, question, status, topic; see understanding/).
 */
export function createIntentClassifier(model: IntentModel, facts: FactCatalogue = defaultFactCatalogue(), options: Partial<UnderstandingOptions> = {}): IntentClassifier {
  const understanding = createUnderstanding(model, facts, options);
  return { parse: (text, context) => understanding.parse(text, context) };
}
