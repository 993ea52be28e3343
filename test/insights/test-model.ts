import { textModel } from '../../src/cli/insights/report-context.js';
import type { TextModel } from '../../src/insights/misunderstood.js';
import { sharedBot } from './replay-into-insights.js';

/** The real grouping and suggestion model: the classifier's n-grams and its current reading. */
export async function realTextModel(): Promise<TextModel> {
  return textModel((await sharedBot()).parts.nlu);
}
