import { describe, expect, it } from 'vitest';
import { learnedFactProbabilities } from '../../../src/nlu/learned-facts/model.js';
import { trainLearnedFacts } from '../../../src/nlu/learned-facts/train.js';
import { TOY_SETTINGS, toyRows } from './fixtures.js';

describe('training the learned fact layer', () => {
  const model = trainLearnedFacts(toyRows(), TOY_SETTINGS);
  const p = (text: string, key: string) => learnedFactProbabilities(model, text)[model.keys.indexOf(key)] ?? NaN;

  it('learns only the facts with enough labelled rows', () => {
    expect(model.keys).toEqual(['card.international_enabled', 'verify.code_not_received']);
  });

  it('is sure of a fact in a phrasing close to its rows, and not of it elsewhere', () => {
    expect(p('hi, the sms code never came to me', 'verify.code_not_received')).toBeGreaterThan(0.8);
    expect(p('what are the fees for a debit card', 'verify.code_not_received')).toBeLessThan(0.2);
    expect(p('what are the fees for a debit card', 'card.international_enabled')).toBeLessThan(0.2);
  });

  it('keeps only the words that carry weight, each with its own weights', () => {
    expect(model.offsets.length).toBe(model.vocabulary.size + 1);
    expect(model.offsets[model.vocabulary.size]).toBe(model.weights.length);
    expect(model.vocabulary.has('never came')).toBe(true);
  });
});
