import type { IntentClassifier } from '../core/ports.js';

export interface LoadClassifierOptions {
  /** Where the trained model file lives (default models/intent-model.json). */
  modelPath?: string;
  /** The training data (default intents/). */
  intentsDir?: string;
}

// PLACEHOLDER (issue 3 replaces this with the trained classifier).
export async function loadClassifier(_options: LoadClassifierOptions = {}): Promise<IntentClassifier> {
  return {
    parse(text) {
      const t = text.toLowerCase();
      const intent = /\b(hi|hello|hey)\b/.test(t) ? 'greeting' : /declin/.test(t) ? 'payment_declined' : 'out_of_scope';
      return { intent, confidence: 1, ranking: [{ intent, confidence: 1 }], entities: {} };
    },
  };
}
