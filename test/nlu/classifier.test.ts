import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IntentClassifier } from '../../src/core/ports.js';
import { createIntentClassifier } from '../../src/nlu/create-classifier.js';
import { loadIntents } from '../../src/nlu/load-intents.js';
import { trainIntentModel } from '../../src/nlu/train-intent-model.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'intents');
let classifier: IntentClassifier;

beforeAll(async () => {
  const { examples } = await loadIntents({ dir: FIXTURE });
  classifier = createIntentClassifier(trainIntentModel(examples));
});

describe('the intent classifier', () => {
  it.each([
    ['my card was declined at the shop', 'payment_declined'],
    ['hello there', 'greeting'],
    ['what is the limit per day', 'limits'],
    ['where can I find an atm', 'out_of_scope'],
    ['I still have not got my refund', 'refunds'],
  ])('classifies "%s" as %s', (text, intent) => {
    expect(classifier.parse(text).intent).toBe(intent);
  });

  it.each([
    ['my crad was delcined', 'payment_declined'],
    ['wher is my refnud', 'refunds'],
    ['whats the dialy limt', 'limits'],
  ])('still classifies the typo\'d "%s" as %s', (text, intent) => {
    expect(classifier.parse(text).intent).toBe(intent);
  });

  it('ranks every intent it knows, best first, with confidences that sum to about 1', () => {
    const result = classifier.parse('payment declined');
    expect(result.ranking.map((r) => r.intent).sort()).toEqual(['greeting', 'limits', 'out_of_scope', 'payment_declined', 'refunds']);
    const sum = result.ranking.reduce((total, r) => total + r.confidence, 0);
    expect(sum).toBeCloseTo(1, 6);
    for (let i = 1; i < result.ranking.length; i += 1) {
      expect(result.ranking[i - 1]?.confidence ?? 0).toBeGreaterThanOrEqual(result.ranking[i]?.confidence ?? 0);
    }
    expect(result.confidence).toBe(result.ranking[0]?.confidence);
  });

  it('sums the sub-intent labels into their intent and reports the best label', () => {
    const result = classifier.parse('the atm swallowed my card');
    expect(result.intent).toBe('out_of_scope');
    expect(result.label).toBe('out_of_scope.atm');
  });

  it('is more confident about a clear message than about a vague one', () => {
    const clear = classifier.parse('my card was declined');
    const vague = classifier.parse('card');
    expect(clear.confidence).toBeGreaterThan(vague.confidence);
  });

  it('answers empty, emoji-only and very long messages without throwing', () => {
    for (const text of ['', '   ', '🙂🙂', 'x'.repeat(5000), '!!!???']) {
      const result = classifier.parse(text);
      expect(result.ranking.reduce((t, r) => t + r.confidence, 0)).toBeCloseTo(1, 6);
    }
  });

  it('fills the entities of the message', () => {
    expect(classifier.parse('my visa was declined for $120').entities).toEqual({ cardNetwork: 'visa', amount: 120, currency: 'USD' });
  });
});
