import { describe, expect, it } from 'vitest';
import { contextFeatureKeys } from '../../src/nlu/context-features.js';
import { trainIntentModel } from '../../src/nlu/train-intent-model.js';
import { predictIntent } from '../../src/nlu/intent-model.js';

describe('the conversation as a classifier feature', () => {
  it('names the task in progress first, else the last topic, else nothing', () => {
    expect(contextFeatureKeys({ topic: 'limits', flow: 'payment_declined', step: 'ask_cause' })).toEqual(['ctx:flow:payment_declined']);
    expect(contextFeatureKeys({ topic: 'limits', flow: null, step: null })).toEqual(['ctx:topic:limits']);
    expect(contextFeatureKeys(undefined)).toEqual([]);
  });

  it('lets a model learn that the same words mean another intent inside a task', () => {
    const plain = ['what is a debit card', 'explain debit cards', 'debit card meaning', 'tell me about debit cards'].map((text) => ({ text, intent: 'out_of_scope' as const }));
    const inTask = ['it is a debit card', 'a debit card from my bank', 'regular debit card', 'my debit card'].map((text) => ({
      text,
      intent: 'payment_declined' as const,
      context: { topic: 'payment_declined' as const, flow: 'payment_declined', step: 'ask_cause' },
    }));
    const others = ['hello', 'hi there', 'good morning', 'hey'].map((text) => ({ text, intent: 'greeting' as const }));
    const model = trainIntentModel([...plain, ...inTask, ...others], { calibrationFolds: 0, features: { facts: false } });
    const inFlow = predictIntent(model, 'a debit card', contextFeatureKeys({ topic: null, flow: 'payment_declined', step: null }));
    const alone = predictIntent(model, 'a debit card');
    const share = (p: typeof alone) => p.ranking.find((r) => r.intent === 'payment_declined')?.confidence ?? 0;
    expect(share(inFlow)).toBeGreaterThan(share(alone) + 0.2);
  });
});
