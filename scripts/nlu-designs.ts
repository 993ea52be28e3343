/**
 * The numbers behind each classifier design we kept (README section nlu): 5-fold cross-validation
 * on intents/ with the real trainer (calibration and int8 weights included), the hand-written long
 * task messages, and — once per design, never to choose settings — the dev file.
 * Usage: npx tsx scripts/nlu-designs.ts [--design NAME]... [--test FILE.jsonl]
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { crossValidate, evaluateModel } from '../src/nlu/evaluation/evaluate.js';
import { readLabelledJsonl } from '../src/nlu/evaluation/read-jsonl.js';
import { loadIntents } from '../src/nlu/load-intents.js';
import { trainIntentModel, type TrainIntentModelOptions } from '../src/nlu/train-intent-model.js';

const DESIGNS: Record<string, TrainIntentModelOptions> = {
  softmax: { naiveBayesWeight: 0, conversationPerWord: 0 },
  'softmax+length-prior': { naiveBayesWeight: 0 },
  'softmax+length-prior+nb': {},
};

const { values: args } = parseArgs({
  options: { design: { type: 'string', multiple: true }, test: { type: 'string', default: '../shared/data/banking77-dev.jsonl' } },
});
const { examples } = await loadIntents();
const longMessages = await readLabelledJsonl(path.join(import.meta.dirname, '../test/nlu/fixtures/conversation-words-in-task-messages.jsonl'));
const dev = await readLabelledJsonl(args.test);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

for (const name of args.design ?? Object.keys(DESIGNS)) {
  const training = DESIGNS[name];
  if (!training) throw new Error(`unknown design ${name} (${Object.keys(DESIGNS).join(', ')})`);
  const cv = crossValidate(examples, 5, training);
  const model = trainIntentModel(examples, training);
  const held = evaluateModel(model, longMessages, 'long messages');
  const test = evaluateModel(model, dev, 'dev');
  console.log(
    `${name}: CV ${pct(cv.accuracy)} (macro-F1 ${pct(cv.macroF1)}) | long messages ${pct(held.accuracy)} | dev ${pct(test.accuracy)} (macro-F1 ${pct(test.macroF1)}, OOS P/R ${pct(test.outOfScope.precision)}/${pct(test.outOfScope.recall)}) | T=${model.temperature.toFixed(3)}`,
  );
}
