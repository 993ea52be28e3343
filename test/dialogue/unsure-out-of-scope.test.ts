import { describe, expect, it } from 'vitest';
import { LINES } from '../../src/dialogue/bot-lines.js';
import { UNSURE_OUT_OF_SCOPE } from '../../src/dialogue/answers.js';
import { createConversation, nlu } from './conversation.js';

describe('an out-of-scope reading outside a task', () => {
  it('looks an unsure one up first, with the out-of-scope answer kept for when nothing answers it', () => {
    const c = createConversation();
    const t = c.say("what's a red envelope", nlu('out_of_scope', { confidence: UNSURE_OUT_OF_SCOPE - 0.3, asksQuestion: true }));
    expect(t.effects).toHaveLength(1);
    expect(t.effects[0]).toMatchObject({ type: 'answer', query: "what's a red envelope", otherwise: { text: LINES.outOfScope } });
    expect(t.flow).toBeNull();
  });

  it('says the out-of-scope answer at once when the reading is sure', () => {
    const c = createConversation();
    const t = c.say('tell me a joke', nlu('out_of_scope', { confidence: UNSURE_OUT_OF_SCOPE + 0.1 }));
    expect(t.effects.some((e) => e.type === 'answer')).toBe(false);
    expect(t.texts).toEqual([LINES.outOfScope]);
  });

  it('never looks up another product, however unsure the reading', () => {
    const c = createConversation();
    const t = c.say('can I pay my bills with paypal', { ...nlu('out_of_scope', { confidence: 0.2 }), label: 'out_of_scope.other_wallets' });
    expect(t.effects.some((e) => e.type === 'answer')).toBe(false);
    expect(t.texts).toEqual([LINES.outOfScopeOtherApp]);
  });
});
