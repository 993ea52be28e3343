/**
 * The conversation bugs found by replaying transcripts, each
 * pinned with hand-built NLU results, including the classifier's wrong readings that caused them.
 */
import { describe, expect, it } from 'vitest';
import { asksForWalkthrough } from '../../src/dialogue/answers.js';
import { LINES } from '../../src/dialogue/bot-lines.js';
import { asksToContinue, commandInText } from '../../src/dialogue/button-values.js';
import { namesOnlyTheTopic } from '../../src/dialogue/topic-names.js';
import { asksAboutSharingSecret, asksAboutTheLastAnswer, isBareReply, isOnlyYesOrNo, onlyPresentsSecret, questionBesideAnswer } from '../../src/dialogue/message-shape.js';
import { createConversation, nlu } from './conversation.js';

/** Link a Visa, then ask about fees: the bot answers and asks "Shall we carry on with linking your card?". */
function afterDigression() {
  const c = createConversation();
  c.click('flow:link_card');
  c.click('answer:visa');
  const t = c.say('what are the fees for a foreign card?', nlu('fees_and_rates', { confidence: 0.8 }));
  expect(t.texts.at(-1)).toBe(LINES.carryOn('linking your card'));
  return c;
}

describe('carrying on after a digression (finding 1)', () => {
  it.each(['continue', "ok let's continue", 'carry on', 'yes, carry on please', "let's go on", 'resume', 'continue with linking my card'])(
    'resumes the step for "%s", even when the classifier reads it as cancel',
    (text) => {
      const c = afterDigression();
      const t = c.say(text, nlu('cancel', { confidence: 0.96 }));
      expect(t.flow).toBe('link_card');
      expect(t.step).toBe('card_enabled');
      expect(t.texts[0]).toBe(LINES.resumed('linking your card'));
      expect(t.texts.join(' ')).not.toContain('stopped');
    },
  );

  it('still cancels when the person says cancel or stop', () => {
    const c = afterDigression();
    expect(c.say('stop', nlu('cancel')).flow).toBeNull();
    const d = afterDigression();
    expect(d.say("please don't continue with this", nlu('cancel')).flow).toBeNull();
  });

  it('reads "continue" as a command and "I continued to checkout" as no command', () => {
    expect(commandInText('continue')).toBe('continue');
    expect(commandInText("OK let's continue")).toBe('continue');
    expect(commandInText('carry on')).toBe('continue');
    expect(commandInText('I continued to the checkout page')).toBeUndefined();
    expect(asksToContinue('yes continue with the card')).toBe(true);
    expect(asksToContinue("don't continue")).toBe(false);
    expect(asksToContinue("cancel, I don't want to continue")).toBe(false);
    expect(asksToContinue('stop, no need to go on')).toBe(false);
  });

  it('resumes a paused flow when "continue" is typed outside a flow', () => {
    const c = createConversation();
    c.click('flow:verification');
    c.click('nav:menu');
    const t = c.say('continue', nlu('cancel', { confidence: 1 }));
    expect([t.flow, t.step]).toEqual(['verification', 'which_check']);
  });
});

describe("a bare yes or no answers the bot's own last yes/no question", () => {
  it('takes "yes" to "Would you like to leave … and look at … instead?" as switching, and "no" as carrying on', () => {
    const c = createConversation();
    c.click('flow:account_setup');
    const ask = c.say('what about paying', nlu('pay_on_alibaba', { confidence: 0.5 }));
    expect(ask.texts).toEqual([LINES.confirmSwitch('setting up your Alipay account', 'paying on Alibaba')]);
    expect(c.say('yes please', nlu('affirm')).flow).toBe('pay_on_alibaba');
    const d = createConversation();
    d.click('flow:account_setup');
    d.say('what about paying', nlu('pay_on_alibaba', { confidence: 0.5 }));
    const no = d.say('no', nlu('deny'));
    expect([no.flow, no.step, no.texts[0]]).toEqual(['account_setup', 'get_app', LINES.resumed('setting up your Alipay account')]);
  });

  it('takes "yes" to "Would you like to go back to …?" as resuming the earlier task', () => {
    const c = createConversation();
    c.click('flow:account_setup');
    c.say('actually my card payment got declined just now', nlu('payment_declined', { confidence: 0.85 }));
    c.click('answer:funds');
    const done = c.click('answer:fixed');
    expect(done.texts).toContain(LINES.backToEarlier('setting up your Alipay account'));
    const t = c.say('yes', nlu('affirm'));
    expect([t.flow, t.step]).toEqual(['account_setup', 'get_app']);
  });

  it('forgets the question once another turn came between', () => {
    const c = afterDigression();
    c.say('how much can I spend?', nlu('limits', { confidence: 0.8 }));
    c.click('nav:continue');
    // The last reply was the step itself: "yes" answers it.
    expect(c.say('yes', nlu('affirm')).step).toBe('open_cards');
  });
});

describe('choosing a different card after "not accepted" (finding 2)', () => {
  it('asks which card again instead of going back to "card not accepted"', () => {
    const c = createConversation();
    c.click('flow:link_card');
    c.click('answer:discover');
    c.click('answer:yes');
    c.click('answer:found');
    expect(c.click('answer:not_accepted').step).toBe('card_not_accepted');
    expect(c.click('answer:still_not_accepted').step).toBe('card_alternatives');
    const t = c.click('answer:other_card');
    expect(t.step).toBe('which_card');
    expect(c.state.frame?.slots['errorKind']).toBeUndefined();
    expect(c.state.frame?.slots['cardNetwork']).toBeUndefined();
    expect(c.click('answer:visa').step).toBe('card_enabled');
  });

  it('asks which card again after an unsupported card, when the person started with "not accepted"', () => {
    const c = createConversation();
    c.say('my amex card is not accepted', nlu('link_card', { entities: { cardNetwork: 'amex', errorKind: 'card_not_supported' } }));
    expect(c.state.frame?.step).toBe('card_not_accepted');
    c.click('answer:still_not_accepted');
    expect(c.click('answer:other_card').step).toBe('which_card');
  });
});

describe('a pasted secret is never an answer or a topic (finding 3)', () => {
  it.each([
    ['here it is [card number]', 'out_of_scope', 0.23],
    ['the number is [card number]', 'security', 0.77],
    ['my card is [card number]', 'payment_declined', 0.88],
    ['[cvv]', 'out_of_scope', 0.3],
  ] as const)('warns and asks the same question again for "%s" (read as %s)', (text, intent, confidence) => {
    const c = createConversation();
    c.click('flow:link_card');
    c.click('answer:visa');
    const t = c.say(text, nlu(intent, { confidence }), { redactions: ['card_number'] });
    expect(t.texts[0]).toBe(LINES.privacy);
    expect([t.flow, t.step]).toEqual(['link_card', 'card_enabled']);
    expect(t.buttons).toContain('answer:yes');
    expect(t.sections).toEqual([]);
    expect(t.effects.some((e) => e.type === 'answer')).toBe(false);
  });

  it('starts nothing outside a flow, and says no card details are needed', () => {
    const c = createConversation();
    const t = c.say('my card is [card number]', nlu('payment_declined', { confidence: 0.88 }), { redactions: ['card_number'] });
    expect(t.texts).toEqual([LINES.privacy, LINES.secretOnly]);
    expect(t.flow).toBeNull();
  });

  it('still reads the words around a secret when they say something', () => {
    expect(onlyPresentsSecret('here it is [card number]')).toBe(true);
    expect(onlyPresentsSecret('my card [card number] was declined')).toBe(false);
    expect(onlyPresentsSecret('here it is')).toBe(false);
    const c = createConversation();
    expect(c.say('my card [card number] was declined', nlu('payment_declined'), { redactions: ['card_number'] }).step).toBe('ask_cause');
  });
});

describe('yes and no are about the whole message (finding 4)', () => {
  it('does not answer "Alright!" to a sentence the classifier read as deny', () => {
    const c = createConversation();
    const t = c.say('my cvv is [cvv] and it still fails', nlu('deny', { confidence: 0.98 }), { redactions: ['cvv'] });
    expect(t.texts).not.toContain(LINES.denyNoFlow);
    expect(t.texts).toEqual([LINES.privacy, LINES.whatProblem]);
    expect(t.buttons).toContain('flow:payment_declined');
  });

  it('follows the next topic the classifier saw, when there is one', () => {
    const c = createConversation();
    const ranking = [
      { intent: 'deny', confidence: 0.6 },
      { intent: 'payment_declined', confidence: 0.3 },
    ] as const;
    const t = c.say('my cvv is [cvv] and it still fails', nlu('deny', { confidence: 0.6, ranking: [...ranking] }), { redactions: ['cvv'] });
    expect(t.flow).toBe('payment_declined');
  });

  it('still takes a short "no" as no', () => {
    const c = createConversation();
    expect(c.say('no thanks', nlu('deny')).texts).toEqual([LINES.denyNoFlow]);
    expect(isBareReply('nope, still failing after I topped up the card')).toBe(true);
    expect(isBareReply('my cvv is [cvv] and it still fails')).toBe(false);
    expect(isOnlyYesOrNo('yes please')).toBe(true);
    expect(isOnlyYesOrNo("yes it's enabled")).toBe(false);
  });
});

describe('a flagged payment is diagnosed (finding 8)', () => {
  it('starts the decline diagnosis at the flagged fix when an information intent carries errorKind=flagged', () => {
    const c = createConversation();
    const t = c.say('alipay says my payment was flagged as suspicious', nlu('security', { confidence: 0.75, entities: { errorKind: 'flagged' } }));
    expect([t.flow, t.step]).toEqual(['payment_declined', 'fix_flagged']);
    expect(t.sections).toContain('payment-declined#flagged-by-alipay');
  });

  it('still answers a question about it from the knowledge base', () => {
    const c = createConversation();
    const t = c.say('what does it mean when a payment is flagged?', nlu('security', { confidence: 0.75, entities: { errorKind: 'flagged' }, asksQuestion: true }));
    expect(t.flow).toBeNull();
    expect(t.effects[0]).toMatchObject({ type: 'answer', intents: ['security'] });
  });

  it('switches to the diagnosis from another flow', () => {
    const c = createConversation();
    c.click('flow:account_setup');
    const t = c.say('wait, my payment on alibaba was flagged as suspicious', nlu('security', { confidence: 0.8, entities: { errorKind: 'flagged' } }));
    expect([t.flow, t.step]).toEqual(['payment_declined', 'fix_flagged']);
  });
});

describe('emoji, dots and the Resume button (findings 9 and 10)', () => {
  it('answers every emoji-only message with the same neutral line', () => {
    for (const emoji of ['😡😡😡', '👋', '👍']) {
      const t = createConversation().say(emoji, null, { notes: ['emoji_only'] });
      expect(t.texts).toEqual([LINES.emojiOnly]);
    }
    expect(LINES.emojiOnly).not.toMatch(/nice|🙂|great/i);
  });

  it('reads "..." as a message without text', () => {
    expect(createConversation().say('...', nlu('out_of_scope', { confidence: 0.1 })).texts).toEqual([LINES.empty]);
    // "?" alone is still a call for help.
    expect(createConversation().say('?', nlu('out_of_scope', { confidence: 0.1 })).texts).toEqual([LINES.help]);
  });

  it('offers Resume once after an idle timeout and a greeting', () => {
    const c = createConversation();
    c.click('flow:link_card');
    c.wait(31 * 60 * 1000);
    const t = c.say('hello again', nlu('greeting'));
    expect(t.buttons.filter((b) => b === 'nav:resume')).toHaveLength(1);
    expect(c.click('nav:resume').step).toBe('which_card');
  });

  it('offers Resume once after an idle timeout and a message that gets the menu', () => {
    const c = createConversation();
    c.click('flow:link_card');
    c.wait(31 * 60 * 1000);
    const t = c.say('what is the weather', nlu('out_of_scope', { confidence: 0.9 }));
    expect(t.texts).toEqual([LINES.resumeOffer('linking your card'), LINES.outOfScope]);
    expect(t.buttons.filter((b) => b === 'nav:resume')).toHaveLength(1);
  });
});

describe('switching to a declined payment when the classifier is unsure (finding 11)', () => {
  it('offers both likely tasks and carrying on', () => {
    const c = createConversation();
    c.click('flow:account_setup');
    const ranking = [
      { intent: 'pay_on_alibaba', confidence: 0.52 },
      { intent: 'payment_declined', confidence: 0.25 },
    ] as const;
    const t = c.say('actually my payment just got declined on alibaba and I need help with that first', nlu('pay_on_alibaba', { confidence: 0.52, ranking: [...ranking] }));
    expect(t.flow).toBe('account_setup');
    expect(t.texts).toEqual([LINES.confirmSwitchEither('setting up your Alipay account')]);
    expect(t.buttons).toEqual(['flow:pay_on_alibaba', 'flow:payment_declined', 'nav:continue']);
    expect(c.click('flow:payment_declined').step).toBe('ask_cause');
  });

  it('offers carrying on too when it asks "which of these did you mean?" mid-flow', () => {
    const c = createConversation();
    c.click('flow:account_setup');
    const ranking = [
      { intent: 'pay_on_alibaba', confidence: 0.45 },
      { intent: 'payment_declined', confidence: 0.4 },
    ] as const;
    const t = c.say('actually my payment just got declined on alibaba and I need help with that first', nlu('pay_on_alibaba', { confidence: 0.45, ranking: [...ranking] }));
    expect(t.buttons).toEqual(['flow:pay_on_alibaba', 'flow:payment_declined', 'nav:continue', 'nav:menu']);
    expect(c.click('nav:continue').step).toBe('get_app');
  });

  it('asks about one task when the runner-up is not a task', () => {
    const c = createConversation();
    c.click('flow:account_setup');
    const t = c.say('what about paying', nlu('pay_on_alibaba', { confidence: 0.5 }));
    expect(t.buttons).toEqual(['flow:pay_on_alibaba', 'nav:continue']);
  });
});

describe('a secret pasted during a handoff (finding 12)', () => {
  it('sends only the privacy warning, and stays quiet otherwise', () => {
    const c = createConversation();
    c.click('flow:verification');
    c.say('talk to a person', nlu('contact_support'));
    const t = c.say('my card is [card number]', nlu('payment_declined'), { redactions: ['card_number'] });
    expect(t.texts).toEqual([LINES.privacy]);
    expect(t.buttons).toEqual([]);
    expect(c.say('hello?', nlu('greeting')).effects).toEqual([]);
    expect(c.policy.position(c.state)).toEqual({ flow: 'contact_support', step: 'with_staff' });
  });
});

describe('a question asked beside an answer', () => {
  it('is the question sentences of a message that also says something else', () => {
    expect(questionBesideAnswer("code came and i'm registered. can the payment password be my login one?")).toBe('can the payment password be my login one?');
  });

  it('is nothing for a message that is all question, has none, or asks only "what next?"', () => {
    expect(questionBesideAnswer('can I use my visa?')).toBeUndefined();
    expect(questionBesideAnswer("yes it's enabled")).toBeUndefined();
    expect(questionBesideAnswer('done. what next?')).toBeUndefined();
  });
});

describe('a question about handing over a secret', () => {
  it.each([
    'should i also put my card number and cvv in the email so they can check faster?',
    'can I just type the card number here so you add it for me',
    'do I read the sms code out to the support agent when they call?',
  ])('is recognised: "%s"', (text) => {
    expect(asksAboutSharingSecret(text)).toBe(true);
  });

  it.each([
    'someone called and asked me for my sms code, is that a scam?',
    'where do I type the card number in the app?',
    'the code never arrives',
    'i got an email to verify here and i clicked it and put my alipay login and password, what do i do now',
    'I typed my card number into a fake site, should I call my bank?',
    "do i need to tell my bank too? i didn't type my card number on that page",
  ])('is not read into "%s"', (text) => {
    expect(asksAboutSharingSecret(text)).toBe(false);
  });
});

describe('a question that only names its topic', () => {
  it('asks for the topic as a whole', () => {
    expect(namesOnlyTheTopic('what are the fees?', 'fees_and_rates')).toBe(true);
    expect(namesOnlyTheTopic('limits?', 'limits')).toBe(true);
  });

  it('is not a question with a subject of its own', () => {
    expect(namesOnlyTheTopic('what is the exchange rate', 'fees_and_rates')).toBe(false);
    expect(namesOnlyTheTopic('how do I avoid the fees', 'fees_and_rates')).toBe(false);
    expect(namesOnlyTheTopic('what are the fees on a debit card', 'fees_and_rates')).toBe(false);
  });

  it("is not a question about Alipay's own fee, safety or limits, which have sections of their own", () => {
    expect(namesOnlyTheTopic('alipay fee?', 'fees_and_rates')).toBe(false);
    expect(namesOnlyTheTopic('is alipay safe', 'security')).toBe(false);
    expect(namesOnlyTheTopic('alipay limits', 'limits')).toBe(false);
  });
});

describe('a question about the answer just given', () => {
  it.each(['what does that even mean?', 'what does it mean', "I don't understand", 'huh?', 'explain please'])('is "%s"', (text) => {
    expect(asksAboutTheLastAnswer(text)).toBe(true);
  });

  it.each(['what does do not honor mean', 'what is a payment password', 'what about debit cards?'])('is not "%s"', (text) => {
    expect(asksAboutTheLastAnswer(text)).toBe(false);
  });
});

describe('a request to be walked through a task', () => {
  it.each(['how do I link my card?', 'how to instal alipay app and make acount', 'how can i pay my supplier', 'help me verify', 'step by step please'])('is "%s"', (text) => {
    expect(asksForWalkthrough(text)).toBe(true);
  });

  it.each(['how to get invoice for my alibaba purchase, need it for VAT', 'How do I get it unflagged?', 'how long does verification take'])(
    'is not "%s", which asks one thing a section answers',
    (text) => {
      expect(asksForWalkthrough(text)).toBe(false);
    },
  );
});

describe('reports in the middle of a task', () => {
  it('shows the linking-error advice first when the first message says the bank already opened the card', () => {
    const c = createConversation();
    const t = c.say(
      'adding my visa says binding failed, tried 3 times, my bank says the card is open for international',
      nlu('link_card', { entities: { cardNetwork: 'visa' }, facts: [{ name: 'error.technical' }, { name: 'attempt.repeated' }, { name: 'card.international_enabled' }] }),
    );
    expect(t.step).toBe('linking_error');
    expect(t.sections).toContain('link-card#linking-problems');
  });

  it('gives the step its advice again, after a thanks, when a report rules out causes and nothing else answers it', () => {
    const c = createConversation();
    c.say('the sign-up code never comes', nlu('account_setup', { facts: [{ name: 'setup.sms_code_missing' }] }));
    const t = c.say('the number is right and the wifi works', nlu('account_setup', { facts: [{ name: 'error.wrong_details', negated: true }] }));
    const answer = t.effects.find((e) => e.type === 'answer');
    expect(answer?.type === 'answer' && answer.otherwise).toEqual({ text: LINES.notedRestOfStep, section: 'create-account#code-not-arriving' });
  });

  it('reads "yes, the number is correct, wifi is ok" at "did the code come?" as checks done, not as the code arriving', () => {
    const c = createConversation();
    c.say('the sign-up code never comes', nlu('account_setup', { facts: [{ name: 'setup.sms_code_missing' }] }));
    const t = c.say('yes the number is right, it is the one on my account, and the wifi is fine', nlu('affirm'));
    expect(t.step).toBe('code_not_arriving');
    const answer = t.effects.find((e) => e.type === 'answer');
    expect(answer?.type === 'answer' && answer.otherwise).toEqual({ text: LINES.notedRestOfStep, section: 'create-account#code-not-arriving' });
  });

  it('notes "the bank app shows nothing, so it did not go?" after the glitch advice as the check it asked for, not as a new cause', () => {
    const c = createConversation();
    c.say('paid and the app froze on a white screen, afraid to pay twice', nlu('payment_declined', { facts: [{ name: 'error.technical' }] }));
    const t = c.say('checked both: my bank lists nothing for today and my alipay history is empty. does that mean it failed?', nlu('payment_declined', { asksQuestion: true, facts: [{ name: 'card.bank_sees_nothing' }] }));
    expect(t.step).toBe('fix_glitch');
    expect(t.sections).toEqual(['payment-declined#technical-glitch']);
    expect(t.texts[0]).toContain(LINES.notedRestOfStep);
  });

  it('notes the same check at a payment page that hung, in paying on Alibaba', () => {
    const c = createConversation();
    c.say('the payment page froze on a white screen', nlu('pay_on_alibaba', { facts: [{ name: 'checkout.page_hangs' }, { name: 'error.technical' }] }));
    const t = c.say('my alipay history is empty and the bank lists nothing either. so nothing was taken?', nlu('pay_on_alibaba', { asksQuestion: true, facts: [{ name: 'card.bank_sees_nothing' }] }));
    expect(t.step).toBe('page_hangs');
    expect(t.sections).toEqual(['payment-declined#technical-glitch']);
  });

  it('hands over on "connect me with an alipay person"', () => {
    const c = createConversation();
    c.say('someone took 185 dollars from my alipay', nlu('security'));
    expect(c.say('can you connect me with an alipay person, I want someone to look at my account', nlu('contact_support')).flow).toBe('contact_support');
  });

  it('gives the people to contact again when it is still failing at "a person, or will you contact them?"', () => {
    const c = createConversation();
    c.say('my card was declined', nlu('payment_declined', { facts: [{ name: 'error.technical' }] }));
    c.say('still the same', nlu('deny', { status: 'still_failing' }));
    const t = c.say('did it again on my laptop, same system busy', nlu('payment_declined', { status: 'still_failing' }));
    expect(t.step).toBe('who_to_contact');
    expect(t.sections).toEqual(['contact-support#who-to-contact']);
    expect(t.texts[0]).toBe(LINES.stillFailing);
  });


  it('goes to who to contact, not to another cause, when the fix for the error they named did not help', () => {
    const c = createConversation();
    const first = c.say('payment says system busy', nlu('payment_declined', { facts: [{ name: 'error.technical' }] }));
    expect(first.step).toBe('fix_glitch');
    const t = c.say('cleared the cache, same', nlu('payment_declined', { status: 'still_failing' }));
    expect(t.step).toBe('who_to_contact');
  });
});

describe('an error named in the middle of a diagnosis', () => {
  it('starts the help for the cause it names when that help was not given yet', () => {
    const c = createConversation();
    const first = c.say('declined twice, I have the money', nlu('payment_declined', { facts: [{ name: 'error.insufficient_funds', negated: true }] }));
    expect(first.step).toBe('fix_limit');
    const t = c.say('the message only says "payment failed, please contact your card issuer"', nlu('payment_declined', { facts: [{ name: 'error.issuer_declined' }] }));
    expect(t.step).toBe('fix_flagged');
    expect(t.sections).toContain('payment-declined#declined-by-issuer');
  });

  it('does not go back to a cause already looked at', () => {
    const c = createConversation();
    c.say('it says system busy', nlu('payment_declined', { facts: [{ name: 'error.technical' }] }));
    c.say('no, still declined', nlu('deny', { status: 'still_failing' }));
    const t = c.say('it says system busy', nlu('payment_declined', { facts: [{ name: 'error.technical' }] }));
    expect(t.step).not.toBe('fix_glitch');
  });
});

describe('a report that what stopped it was lifted', () => {
  it('asks for a new try at the question whether it worked, even from who to contact', () => {
    const c = createConversation();
    c.say('my bank blocked it as fraud', nlu('payment_declined', { facts: [{ name: 'error.risk_flagged' }] }));
    c.say('who should I contact?', nlu('contact_support'));
    c.click('answer:contact');
    const t = c.say('called them, they unblocked it now', nlu('payment_declined', { facts: [{ name: 'attempt.block_lifted' }] }));
    expect(t.texts[0]).toBe(LINES.tryAgainNow);
    expect(t.step).toBe('fix_flagged');
  });
});

describe('a question read as contact that asks to reach nobody', () => {
  it('is searched as the question it is', () => {
    const c = createConversation();
    const t = c.say('what exactly is alipay', nlu('contact_support', { asksQuestion: true, ranking: [{ intent: 'contact_support', confidence: 0.66 }, { intent: 'help', confidence: 0.09 }] }));
    expect(t.effects[0]).toMatchObject({ type: 'answer', query: 'what exactly is alipay' });
    expect(t.sections).toEqual([]);
  });

  it('still gets the support channels when it names a way to reach someone or a party', () => {
    const c = createConversation();
    expect(c.say('how do i call alipay', nlu('contact_support', { asksQuestion: true })).sections).toContain('contact-support#alipay-support');
    const d = createConversation();
    expect(d.say('what do I tell my bank', nlu('contact_support', { asksQuestion: true })).sections).toContain('contact-support#card-issuer');
  });
});

describe('safety before diagnosis', () => {
  it('answers a clicked scam link as a safety matter, even when the message also reads as flagged', () => {
    const c = createConversation();
    const t = c.say('i already clicked it and typed my password before i got wary', nlu('security', { facts: [{ name: 'security.clicked_link' }, { name: 'error.risk_flagged' }] }));
    expect(t.flow).toBeNull();
    expect(t.effects.some((e) => e.type === 'answer')).toBe(true);
  });

  it('takes a plan to act elsewhere, with thanks, as a plan and not as a new question', () => {
    const c = createConversation();
    c.say('i clicked a scam link', nlu('security', { facts: [{ name: 'security.clicked_link' }] }));
    const t = c.say('ok changing the password now and calling the bank after', nlu('security', { status: 'will_act_elsewhere' }));
    expect(t.effects.some((e) => e.type === 'answer')).toBe(false);
  });
});

describe('a question whether to share a secret', () => {
  it('needs the secret and the handing over in one asking sentence', () => {
    expect(asksAboutSharingSecret('should I email them my card number and CVV?')).toBe(true);
    expect(asksAboutSharingSecret('payment password done. for the visa, do i need to tell the bank something before i add it?')).toBe(false);
    expect(asksAboutSharingSecret('after i put the payment password the app kept loading and closed. the order still says awaiting payment, what do i do?')).toBe(false);
  });
});

describe('a report mid-diagnosis that only denies another task', () => {
  it('stays in the task in hand instead of switching to the one it denies', () => {
    const c = createConversation();
    c.say('alipay flagged my payment', nlu('payment_declined', { facts: [{ name: 'error.risk_flagged' }] }));
    const t = c.say('nothing in the notifications about verifying anything', nlu('verification', { confidence: 0.93, facts: [{ name: 'error.verification_required', negated: true }] }));
    expect(t.flow).toBe('payment_declined');
  });

  it('asks for a new try when the bank lifted the cap and they say they will try again', () => {
    const c = createConversation();
    c.say('the payment is over my limit', nlu('payment_declined', { facts: [{ name: 'error.limit_exceeded' }] }));
    const t = c.say('the rep raised it for 48 hours, gonna try again', nlu('payment_declined', { status: 'will_act_elsewhere', facts: [{ name: 'attempt.block_lifted' }] }));
    expect(t.texts[0]).toBe(LINES.tryAgainNow);
    expect(t.flow).toBe('payment_declined');
  });
});

describe('the problem told again at "did that sort it out?"', () => {
  it('is a no, and the task moves on', () => {
    const c = createConversation();
    const first = c.say('verification failed, information does not match', nlu('verification', { facts: [{ name: 'verify.rejected' }] }));
    const t = c.say('it goes to the same passport page again and fails', nlu('verification', { facts: [{ name: 'verify.rejected' }] }));
    expect(t.step).not.toBe(first.step);
  });
});
