import { describe, expect, it } from 'vitest';
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
});
