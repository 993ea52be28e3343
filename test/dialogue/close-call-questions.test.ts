import { describe, expect, it } from 'vitest';
import { LINES } from '../../src/dialogue/bot-lines.js';
import { createConversation, nlu } from './conversation.js';

const ranking = [
  { intent: 'pay_on_alibaba' as const, confidence: 0.34 },
  { intent: 'link_card' as const, confidence: 0.3 },
  { intent: 'out_of_scope' as const, confidence: 0.36 - 0.34 },
];

describe('two topics too close to call, outside a task', () => {
  it('answers a question from both topics and still offers the two', () => {
    const c = createConversation();
    const t = c.say('will it take my alipay balance or my card first?', nlu('pay_on_alibaba', { confidence: 0.34, ranking, asksQuestion: true }));
    expect(t.effects[0]).toMatchObject({ type: 'answer', query: 'will it take my alipay balance or my card first?', intents: ['pay_on_alibaba', 'link_card'] });
    expect(t.texts).toEqual([LINES.orDidYouMean]);
    expect(t.buttons).toEqual(expect.arrayContaining(['flow:pay_on_alibaba', 'flow:link_card']));
    expect(t.flow).toBeNull();
  });

  it('still asks which one for a message that asks nothing', () => {
    const c = createConversation();
    const t = c.say('alipay balance card thing', nlu('pay_on_alibaba', { confidence: 0.34, ranking }));
    expect(t.effects.some((e) => e.type === 'answer')).toBe(false);
    expect(t.texts).toEqual([LINES.clarify]);
  });

  it('lets a typed "the second one" pick after an answered close call', () => {
    const c = createConversation();
    c.say('will it take my alipay balance or my card first?', nlu('pay_on_alibaba', { confidence: 0.34, ranking, asksQuestion: true }));
    const t = c.say('the second one', nlu('out_of_scope', { confidence: 0.3 }));
    expect(t.flow).toBe('link_card');
  });
});
