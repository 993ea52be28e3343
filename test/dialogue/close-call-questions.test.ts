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

describe('a task whose goal the message says is reached', () => {
  const linkedThenVerify = [
    { name: 'setup.card_linked' },
    { name: 'error.verification_required' },
  ];

  it('gives way to the next task in the ranking that works on the rest of the message', () => {
    const c = createConversation();
    const ranked = [
      { intent: 'link_card' as const, confidence: 0.44 },
      { intent: 'payment_declined' as const, confidence: 0.28 },
      { intent: 'pay_on_alibaba' as const, confidence: 0.14 },
    ];
    const t = c.say('linked my visa yesterday, now paying says complete verification to continue', nlu('link_card', { confidence: 0.44, ranking: ranked, facts: linkedThenVerify }));
    expect(t.flow).toBe('payment_declined');
  });

  it('settles a close call against the task that is already done', () => {
    const c = createConversation();
    const close = [
      { intent: 'link_card' as const, confidence: 0.34 },
      { intent: 'payment_declined' as const, confidence: 0.32 },
      { intent: 'out_of_scope' as const, confidence: 0.02 },
    ];
    const t = c.say('card linked, the payment wants verification', nlu('link_card', { confidence: 0.34, ranking: close, facts: linkedThenVerify }));
    expect(t.texts).not.toContain(LINES.clarify);
    expect(t.flow).toBe('payment_declined');
  });

  it('keeps the task when the message states nothing else ("already linked one, how do I add a second?")', () => {
    const c = createConversation();
    const ranked = [
      { intent: 'link_card' as const, confidence: 0.8 },
      { intent: 'account_setup' as const, confidence: 0.1 },
    ];
    const t = c.say('I already linked my Visa, how do I add a second card?', nlu('link_card', { confidence: 0.8, ranking: ranked, facts: [{ name: 'setup.card_linked' }] }));
    expect(t.flow).toBe('link_card');
  });

  it('ends the task well at any step when the person says it worked and its goal is reached ("added the new card and it worked")', () => {
    const c = createConversation();
    c.say('i want to link my card', nlu('link_card'));
    c.click('answer:visa');
    const t = c.say('nvm, new card arrived, added it and it worked!!', nlu('link_card', { status: 'solved', facts: [{ name: 'setup.card_linked' }] }));
    // The task's own good ending, reported as the step the turn ended at.
    expect(t.effects.some((e) => e.type === 'say' && e.text.startsWith('Your card is linked'))).toBe(true);
    expect(c.state.frame).toBeNull();
  });

  it('ends it the same way when the goal is said outright, with no "it worked"', () => {
    const c = createConversation();
    c.say('i want to link my card', nlu('link_card'));
    c.click('answer:visa');
    c.say('yes it is enabled', nlu('affirm'));
    const t = c.say('card is showing in alipay now and i made it default', nlu('link_card', { facts: [{ name: 'setup.card_linked' }] }));
    expect(t.effects.some((e) => e.type === 'say' && e.text.startsWith('Your card is linked'))).toBe(true);
  });

  it('ends it too when the goal is told beside a question, and answers the question', () => {
    const c = createConversation();
    c.say('i want to link my card', nlu('link_card'));
    c.click('answer:visa');
    c.say('yes it is enabled', nlu('affirm'));
    const t = c.say('the card is there now. so I can pay on alibaba now?', nlu('link_card', { asksQuestion: true, facts: [{ name: 'setup.card_linked' }] }));
    expect(t.effects.some((e) => e.type === 'say' && e.text.startsWith('Your card is linked'))).toBe(true);
    expect(t.effects.some((e) => e.type === 'answer')).toBe(true);
  });

  it('does not end it when only a question names the goal ("after it is linked, how much can I pay?")', () => {
    const c = createConversation();
    c.say('i want to link my card', nlu('link_card'));
    c.click('answer:visa');
    const t = c.say('after it is linked how much can I pay a day? the order is 4000 dollars', nlu('limits', { asksQuestion: true, facts: [{ name: 'setup.card_linked', inQuestion: true }] }));
    expect(t.effects.some((e) => e.type === 'say' && e.text.startsWith('Your card is linked'))).toBe(false);
    expect(c.state.frame?.flow).toBe('link_card');
  });

  it('takes the task from the problem stated, not from how far the person got ("have the app and an account, my Maestro card cannot be added")', () => {
    const c = createConversation();
    const ranked = [
      { intent: 'account_setup' as const, confidence: 0.69 },
      { intent: 'link_card' as const, confidence: 0.25 },
      { intent: 'payment_declined' as const, confidence: 0.04 },
    ];
    const facts = [{ name: 'setup.app_installed' }, { name: 'setup.no_account', negated: true }, { name: 'card.unsupported_network' }, { name: 'error.card_not_supported' }];
    const t = c.say('I have the app and made an account. Now my Maestro girocard cannot be added', nlu('account_setup', { confidence: 0.69, ranking: ranked, facts }));
    expect(t.flow).toBe('link_card');
  });

  it('takes "it worked!" at a question whose yes is not about success to the flow\'s good ending', () => {
    const c = createConversation();
    c.say('i want to link my card', nlu('link_card'));
    expect(c.click('answer:visa').step).toBe('card_enabled');
    const t = c.say('ok i changed the billing address and it worked!', nlu('link_card', { status: 'solved' }));
    expect(t.flow).toBeNull();
    expect(t.texts.join(' ')).toContain('Your card is linked');
  });

  it('gives the task to the flow that owns the stated problem when the classifier also found it plausible', () => {
    const ranked = [
      { intent: 'account_setup' as const, confidence: 0.79 },
      { intent: 'verification' as const, confidence: 0.21 },
    ];
    const facts = [{ name: 'verify.rejected' }, { name: 'attempt.repeated' }];
    const t = createConversation().say('i want to verify my account but it keeps rejecting my passport photo', nlu('account_setup', { confidence: 0.79, ranking: ranked, facts }));
    expect(t.flow).toBe('verification');
    // Not when the owner is no reading of the message at all ("adding my Visa, it says not supported" stays linking).
    const linking = [
      { intent: 'link_card' as const, confidence: 0.95 },
      { intent: 'payment_declined' as const, confidence: 0.03 },
    ];
    expect(createConversation().say('adding my visa, it says card not supported', nlu('link_card', { confidence: 0.95, ranking: linking, facts: [{ name: 'error.card_not_supported' }] })).flow).toBe('link_card');
  });
});
