import { describe, expect, it } from 'vitest';
import { NAV_BUTTONS } from '../../src/dialogue/button-values.js';
import { createConversation, nlu } from './conversation.js';

const contact = (confidence = 0.95) => nlu('contact_support', { confidence, asksQuestion: true });

describe('a question about contacting support', () => {
  it('puts what to send first when the question is what to send', () => {
    const c = createConversation();
    const t = c.say('what details should I include when I write to them', contact());
    expect(t.sections[0]).toBe('contact-support#what-to-include');
    expect(t.sections.length).toBeGreaterThan(1);
  });

  it('answers "my bank or Alipay?" with who handles what, when nothing said settles it', () => {
    const c = createConversation();
    const t = c.say('do I call my bank or alipay about this', contact());
    expect(t.sections).toEqual(['contact-support#who-to-contact', 'contact-support#what-to-include']);
  });

  it('still gives the one party a message names, channels first', () => {
    const c = createConversation();
    const t = c.say('how do I reach alipay customer service', contact());
    expect(t.sections).toEqual(['contact-support#alipay-support', 'contact-support#what-to-include']);
  });

  it('searches the contact sections in the context of the answer just shown when the question leans on it ("how do I reach them")', () => {
    const c = createConversation();
    c.showed(['payment-declined#still-declined']);
    const t = c.say('how do i reach them', nlu('contact_support', { confidence: 0.95, asksQuestion: true, followUp: 0.75 }));
    expect(t.effects[0]).toMatchObject({ type: 'answer', query: 'how do i reach them', intents: ['contact_support'], context: { sections: ['payment-declined#still-declined'] } });
    expect(t.buttons).toContain(NAV_BUTTONS.human.value);
  });

  it('keeps the party sections when the question names the party, whatever was shown', () => {
    const c = createConversation();
    c.showed(['payment-declined#still-declined']);
    const t = c.say('how do I reach alipay customer service', nlu('contact_support', { confidence: 0.95, asksQuestion: true, followUp: 0.75 }));
    expect(t.sections[0]).toBe('contact-support#alipay-support');
  });
});
