import { feedbackButtons } from '../../src/core/feedback.js';
import { describe, expect, it } from 'vitest';
import { ACTIONS, handBackValue } from '../../src/core/actions.js';
import { LINES } from '../../src/dialogue/bot-lines.js';
import { createConversation, nlu } from './conversation.js';

describe('the dialogue policy: guided flows', () => {
  it('greets a new person and offers every guided flow and a person', () => {
    const c = createConversation();
    const t = c.say('hi', nlu('greeting'));
    expect(t.flow).toBeNull();
    expect(t.texts[0]).toBe(LINES.greeting);
    expect(t.buttons).toEqual(['flow:payment_declined', 'flow:link_card', 'flow:account_setup', 'flow:verification', 'flow:pay_on_alibaba', 'nav:human']);
  });

  it('starts the decline diagnosis from a typed problem and asks what happened', () => {
    const c = createConversation();
    const t = c.say('my card was declined', nlu('payment_declined'));
    expect([t.flow, t.step]).toEqual(['payment_declined', 'ask_cause']);
    expect(t.buttons).toContain('answer:funds');
    expect(t.buttons).toContain('nav:human');
  });

  it('skips the question when the first message already says the cause', () => {
    const c = createConversation();
    const t = c.say('declined, it says suspicious transaction', nlu('payment_declined', { entities: { errorKind: 'flagged' } }));
    expect(t.step).toBe('fix_flagged');
    expect(t.sections).toEqual(['payment-declined#declined-by-issuer', 'payment-declined#flagged-by-alipay']);
    // A skipped question is not a step to go back to.
    expect(t.buttons).not.toContain('nav:back');
  });

  it('fills the card network from free text by the button labels', () => {
    const c = createConversation();
    c.say('how do I link my card', nlu('link_card'));
    const t = c.say("it's a mastercard", nlu('link_card', { confidence: 0.4 }));
    expect(t.step).toBe('card_enabled');
    expect(c.state.frame?.slots['cardNetwork']).toBe('mastercard');
  });

  it('skips "which card" when the first message names an accepted network', () => {
    const c = createConversation();
    const t = c.say('link my visa card', nlu('link_card', { entities: { cardNetwork: 'visa' } }));
    expect(t.step).toBe('card_enabled');
  });

  it('takes an unsupported card network to what to do about it', () => {
    const c = createConversation();
    c.click('flow:link_card');
    const t = c.say('american express', nlu('link_card', { confidence: 0.5, entities: { cardNetwork: 'amex' } }));
    expect(t.step).toBe('unsupported_card');
    expect(t.sections).toContain('link-card#alternatives');
    expect(c.state.frame?.slots['cardNetwork']).toBe('amex');
  });

  it('walks a card all the way to linked, showing each fact from the knowledge base', () => {
    const c = createConversation();
    c.click('flow:link_card');
    for (const [action, step] of [
      ['answer:visa', 'card_enabled'],
      ['answer:yes', 'open_cards'],
      ['answer:found', 'add_card'],
      ['answer:entered', 'confirm_code'],
      ['answer:confirmed', 'test_charge'],
      ['answer:ok', 'accept_terms'],
      ['answer:agreed', 'default_method'],
    ] as const) {
      expect(c.click(action).step).toBe(step);
    }
    const done = c.click('answer:done');
    expect(done.flow).toBeNull();
    expect(done.buttons).toEqual(['flow:pay_on_alibaba', 'flow:verification', 'nav:menu', 'feedback:up', 'feedback:down']);
  });

  it('moves to the next likely cause when a fix does not work, and to who to contact after three', () => {
    const c = createConversation();
    c.say('payment declined', nlu('payment_declined'));
    expect(c.click('answer:glitch').step).toBe('fix_glitch');
    const second = c.click('answer:not_fixed');
    expect(second.step).toBe('fix_funds');
    expect(second.texts).toContain("Sorry, that wasn't it. Let's look at the next likely cause.");
    expect(c.click('answer:not_fixed').step).toBe('fix_flagged');
    const last = c.click('answer:not_fixed');
    expect(last.step).toBe('who_to_contact');
    expect(last.sections).toEqual(['contact-support#who-to-contact', 'contact-support#what-to-include']);
  });

  it('reads "no, it did not work" as not fixed and "yes it worked" as fixed', () => {
    const c = createConversation();
    c.say('declined', nlu('payment_declined', { entities: { errorKind: 'insufficient_funds' } }));
    expect(c.say('no it did not work', nlu('deny')).step).toBe('fix_flagged');
    const fixed = c.say('yes it worked now', nlu('affirm'));
    expect(fixed.flow).toBeNull();
    expect(fixed.texts).toContain('Great, glad it went through!');
  });

  it('does not read "yes, international is on" at "did that fix it?" as "it worked": the fact is kept and the question asked again', () => {
    const c = createConversation();
    c.say('payment declined', nlu('payment_declined'));
    c.click('answer:glitch');
    const t = c.say('yes international is open, bank confirm it', nlu('affirm', { facts: [{ name: 'card.international_enabled' }] }));
    expect(t.flow).toBe('payment_declined');
    expect(t.step).toBe('fix_glitch');
    expect(t.texts.join(' ')).not.toContain('glad it went through');
    expect(t.texts.join(' ')).toContain(LINES.noted);
    expect(t.texts.join(' ')).not.toContain(LINES.reprompt);
  });

  it('answers a question asked beside "I\'ll check it myself" before keeping the task for later', () => {
    const c = createConversation();
    c.say('payment declined', nlu('payment_declined'));
    c.click('answer:glitch');
    const text = 'ok i will check the notifications. what about the fee, do alipay charge me for this?';
    const t = c.say(text, nlu('fees_and_rates', { status: 'will_act_elsewhere', asksQuestion: true }));
    expect(t.effects[0]).toMatchObject({ type: 'answer', query: 'what about the fee, do alipay charge me for this?' });
    expect(t.flow).toBeNull();
    expect(t.buttons).toContain('nav:resume');
  });

  it('goes on with a kept task when the person comes back saying it still fails, instead of showing the same step again', () => {
    const c = createConversation();
    c.say('payment declined', nlu('payment_declined'));
    c.click('answer:glitch');
    c.say('ok i will try again later', nlu('payment_declined', { status: 'will_act_elsewhere' }));
    const t = c.say('tried again, still fails', nlu('payment_declined', { status: 'still_failing' }));
    expect(t.flow).toBe('payment_declined');
    expect(t.step).toBe('fix_funds');
    expect(t.texts).toContain("Sorry, that wasn't it. Let's look at the next likely cause.");
  });

  it('takes a late "it came now" at who to contact back to the question it answers, and goes on with the task', () => {
    const c = createConversation();
    c.say('adding my visa, the sms code does not come', nlu('link_card', { facts: [{ name: 'setup.sms_code_missing' }] }));
    expect(c.click('answer:still_no_code').step).toBe('who_to_contact');
    const t = c.say('ok it came now after 15 min', nlu('link_card', { status: 'solved' }));
    expect(t.flow).toBe('link_card');
    expect(t.step).toBe('test_charge');
    expect(t.texts.join(' ')).not.toContain(LINES.solved);
  });

  it('does not read an "ok" opening a long report as "yes, it worked"', () => {
    const c = createConversation();
    c.say('payment declined', nlu('payment_declined'));
    c.click('answer:glitch');
    const t = c.say('ok i think i go to the branch tomorrow and ask them about the card first', nlu('payment_declined'));
    expect(t.texts.join(' ')).not.toContain('glad it went through');
  });

  it('is glad it went through and then says who handles a shipping question asked beside it', () => {
    const c = createConversation();
    c.say('payment declined', nlu('payment_declined'));
    c.click('answer:glitch');
    const t = c.say('it went through now. but can you check where my goods are?', { ...nlu('out_of_scope', { status: 'solved', asksQuestion: true, confidence: 0.86 }), label: 'out_of_scope.orders_and_shipping' });
    expect(t.flow).toBeNull();
    expect(t.texts[0]).toContain('glad');
    expect(t.sections).toContain('contact-support#alibaba-support');
  });

  it('answers a question that mentions tries instead of reading the tries as "still not there"', () => {
    const c = createConversation();
    c.say('payment declined', nlu('payment_declined'));
    c.click('answer:glitch');
    const question = 'where exactly could the setting be? i looked 2 times';
    const t = c.say(question, nlu('payment_declined', { asksQuestion: true, facts: [{ name: 'attempt.repeated' }] }));
    expect(t.step).toBe('fix_glitch');
    expect(t.effects.some((e) => e.type === 'answer')).toBe(true);
  });

  it('sends the person to Alipay when they ask who to contact after their bank saw nothing', () => {
    const c = createConversation();
    c.say('declined with an error screen, and my bank sees no attempt', nlu('payment_declined', { entities: { errorKind: 'technical' }, facts: [{ name: 'card.bank_sees_nothing' }] }));
    const t = c.click('answer:contact');
    expect(t.step).toBe('contact_alipay');
    expect(t.sections[0]).toBe('contact-support#alipay-support');
    // Told after a fix that did not help, it moves on to Alipay as well, not to "one of three parties".
    const later = createConversation();
    later.say('payment declined', nlu('payment_declined'));
    later.click('answer:glitch');
    expect(later.say('also my bank says they see no attempt at all', nlu('payment_declined', { facts: [{ name: 'card.bank_sees_nothing' }] })).step).toBe('contact_alipay');
  });

  it('hands over at the end of a diagnosis with a summary of what was tried and nothing the person typed', () => {
    const c = createConversation();
    c.say('my visa was declined, secret-words-123', nlu('payment_declined', { entities: { errorKind: 'flagged', cardNetwork: 'visa' } }));
    c.click('answer:not_fixed');
    c.click('answer:contact');
    const t = c.click('answer:person');
    expect(t.handoff).toMatchObject({ flow: 'payment_declined', stepsTried: ['checked for a block by the bank or an Alipay flag', 'checked funds and card limits (shipping and fees included)', 'was told who to contact and what to include'] });
    expect(t.handoff?.problem).toContain('Card network: visa');
    expect(JSON.stringify(t.handoff)).not.toContain('secret-words-123');
    expect([t.flow, t.step]).toEqual(['contact_support', 'with_staff']);
    // who_to_contact has just shown who handles what: the handoff does not repeat it.
    expect(t.sections).toEqual([]);
    expect(t.texts).toEqual([LINES.handoff]);
  });
});

describe('the dialogue policy: conversation skills', () => {
  it('reprompts an answer that does not fit at most twice, then offers other ways', () => {
    const c = createConversation();
    c.click('flow:verification');
    const first = c.say('banana');
    expect(first.texts[0]).toContain(LINES.reprompt);
    expect(first.buttons).toContain('answer:identity');
    expect(c.say('purple').texts[0]).toContain(LINES.repromptAgain);
    const third = c.say('sky');
    expect(third.texts).toEqual([LINES.alternatives]);
    expect(third.buttons).toEqual(['nav:restart', 'nav:menu', 'nav:human']);
    expect(third.step).toBe('which_check');
  });

  it("looks up a question about the step, then asks only the step's question again", () => {
    const c = createConversation();
    c.click('flow:link_card');
    c.click('answer:visa');
    c.click('answer:yes');
    const t = c.say('where do I find the cards thing in the app', nlu('out_of_scope', { confidence: 0.3, asksQuestion: true }));
    expect(t.effects[0]).toMatchObject({ type: 'answer', query: 'where do I find the cards thing in the app', context: { sections: ['link-card#open-card-settings'] } });
    expect(t.texts).toEqual([`${LINES.backToTask('linking your card')} Have you found the cards section?`]);
    expect(t.buttons).toContain('answer:found');
    expect(t.step).toBe('open_cards');
  });

  it('counts more talk about the same problem without an answer towards the reprompt limit', () => {
    const c = createConversation();
    c.say('card declined', nlu('payment_declined'));
    // A restatement: it states a problem of ours ("same problem") that answers nothing asked here.
    const again = nlu('payment_declined', { facts: [{ name: 'error.unknown' }] });
    expect(c.say('this is so annoying, same problem with my payment', again).texts[0]).toBe(LINES.alreadyOnIt('your declined payment'));
    expect(c.say('ugh this payment', nlu('payment_declined')).texts[0]).toContain(LINES.repromptAgain);
    expect(c.say('payment payment', nlu('payment_declined')).texts).toEqual([LINES.alternatives]);
  });

  it('looks up a statement about the task that restates no problem, and says it is noted when nothing answers it', () => {
    const c = createConversation();
    c.say('card declined', nlu('payment_declined'));
    const t = c.say("i don't travel to china, i order from home", nlu('payment_declined'));
    expect(t.effects[0]).toMatchObject({ type: 'answer', query: "i don't travel to china, i order from home", context: { topic: 'payment_declined' }, otherwise: { text: LINES.noted } });
    expect(t.step).toBe('ask_cause');
    // It still counts towards the reprompt limit: the next one that answers nothing gets the second wording.
    expect(c.say('ugh this payment', nlu('payment_declined')).texts[0]).toContain(LINES.repromptAgain);
  });

  it('answers a question mid-flow, then resumes the same step', () => {
    const c = createConversation();
    c.click('flow:link_card');
    c.click('answer:visa');
    const digression = c.say('what fees will my bank charge for this?', nlu('fees_and_rates', { confidence: 0.8, asksQuestion: true }));
    expect(digression.effects[0]).toMatchObject({ type: 'answer', query: 'what fees will my bank charge for this?' });
    // Only the step's question and its choices come back, not the whole step again.
    expect(digression.texts).toEqual([`${LINES.backToTask('linking your card')} Is your card enabled for international and online payments? (Your bank can tell you.)`]);
    expect(digression.step).toBe('card_enabled');
    expect(digression.buttons).toContain('answer:yes');
    expect(digression.sections).toEqual([]);
    expect(c.click('answer:yes').step).toBe('open_cards');
  });

  it('treats a question that names an option as a question, and a short answer as the answer', () => {
    const c = createConversation();
    c.click('flow:link_card');
    const question = c.say('what fees does visa charge?', nlu('fees_and_rates', { confidence: 0.8, asksQuestion: true }));
    expect(question.effects[0]).toMatchObject({ type: 'answer', query: 'what fees does visa charge?' });
    expect(question.step).toBe('which_card');
    // The classifier is sure about the wrong thing; the words answer the question asked.
    const d = createConversation();
    d.click('flow:payment_declined');
    expect(d.say('the app froze', nlu('link_card', { confidence: 0.95 })).step).toBe('fix_glitch');
  });

  it('does not read redaction placeholders as an answer', () => {
    const c = createConversation();
    c.click('flow:verification');
    const t = c.say('the [code] is [code]', nlu('out_of_scope', { confidence: 0.3 }), { redactions: ['code'] });
    expect(t.texts[0]).toBe(LINES.privacy);
    expect(t.step).toBe('which_check');
    // Not a failed answer: no "sorry, I didn't get that", only the same question again.
    expect(t.texts[1]).not.toContain(LINES.reprompt);
    expect(t.buttons).toContain('answer:identity');
  });

  it('still takes a plain answer after a digression without "carry on"', () => {
    const c = createConversation();
    c.click('flow:link_card');
    c.click('answer:visa');
    c.say('is it safe to do this?', nlu('security', { confidence: 0.8 }));
    expect(c.say("yes it's enabled", nlu('affirm')).step).toBe('open_cards');
  });

  it('reads a bare "yes" after "Shall we carry on?" as carry on, not as the answer to the step', () => {
    const c = createConversation();
    c.click('flow:link_card');
    c.click('answer:visa');
    const digression = c.say('is it safe to do this?', nlu('security', { confidence: 0.8 }));
    expect(digression.texts.at(-1)).toBe(LINES.carryOn('linking your card'));
    const t = c.say('yes please', nlu('affirm'));
    expect(t.step).toBe('card_enabled');
    expect(t.texts[0]).toBe(LINES.resumed('linking your card'));
    expect(t.buttons).toContain('answer:yes');
    // Only right after the carry-on question: the next "yes" answers the step.
    expect(c.say('yes', nlu('affirm')).step).toBe('open_cards');
  });

  it('reads a bare "no" after "Shall we carry on?" as something else: the menu, with the flow kept to resume', () => {
    const c = createConversation();
    c.click('flow:link_card');
    c.click('answer:visa');
    c.say('what are the fees?', nlu('fees_and_rates', { confidence: 0.8 }));
    const t = c.say('no thanks', nlu('deny'));
    expect(t.flow).toBeNull();
    expect(t.buttons).toContain('nav:resume');
  });

  it('switches to a new task the person clearly asks for, and offers the old one back at the end', () => {
    const c = createConversation();
    c.click('flow:account_setup');
    const t = c.say('actually my card payment got declined just now', nlu('payment_declined', { confidence: 0.85 }));
    expect(t.flow).toBe('payment_declined');
    expect(t.texts[0]).toBe(LINES.switching('your declined payment'));
    c.click('answer:funds');
    const done = c.click('answer:fixed');
    expect(done.texts).toContain(LINES.backToEarlier('setting up your Alipay account'));
    const resumed = c.click('nav:resume');
    expect([resumed.flow, resumed.step]).toEqual(['account_setup', 'get_app']);
  });

  it('asks before switching when the other task is not clear', () => {
    const c = createConversation();
    c.click('flow:account_setup');
    const t = c.say('verification thing maybe', nlu('verification', { confidence: 0.45 }));
    expect(t.flow).toBe('account_setup');
    expect(t.buttons).toEqual(['flow:verification', 'nav:continue']);
  });

  it('asks "did you mean A or B?" when the top two intents are close, and takes a typed choice', () => {
    const c = createConversation();
    const ranking = [
      { intent: 'limits' as const, confidence: 0.41 },
      { intent: 'payment_declined' as const, confidence: 0.35 },
      { intent: 'fees_and_rates' as const, confidence: 0.1 },
    ];
    const t = c.say('my payment over the max', nlu('limits', { confidence: 0.41, ranking }));
    expect(t.texts).toEqual([LINES.clarify]);
    expect(t.buttons).toEqual(['info:limits', 'flow:payment_declined', 'nav:menu']);
    const picked = c.say('the second one', nlu('out_of_scope', { confidence: 0.3 }));
    expect(picked.flow).toBe('payment_declined');
  });

  it('starts the task picked from "did you mean A or B?" with the card the asking message named', () => {
    const c = createConversation();
    const ranking = [
      { intent: 'payment_declined' as const, confidence: 0.45 },
      { intent: 'link_card' as const, confidence: 0.4 },
    ];
    const t = c.say('quero linkar my visa, international is on', nlu('payment_declined', { confidence: 0.45, ranking, entities: { cardNetwork: 'visa' } }));
    expect(t.texts).toEqual([LINES.clarify]);
    // The Visa is known: "Which card do you want to link?" is not asked again.
    expect(c.click('flow:link_card').step).toBe('card_enabled');
  });

  it('does not ask when the top intent is well ahead', () => {
    const c = createConversation();
    const ranking = [
      { intent: 'limits' as const, confidence: 0.6 },
      { intent: 'payment_declined' as const, confidence: 0.3 },
    ];
    const t = c.say('what is my daily limit', nlu('limits', { confidence: 0.6, ranking }));
    expect(t.effects[0]).toMatchObject({ type: 'answer', intents: ['limits'] });
  });

  it.each([
    ['go back', 'back'],
    ['start over', 'restart'],
    ['cancel', 'cancel'],
    ['help', 'help'],
  ])('understands "%s" typed as a command', (text, command) => {
    const c = createConversation();
    c.click('flow:link_card');
    c.click('answer:visa');
    const t = c.say(text, nlu('out_of_scope', { confidence: 0.3 }));
    if (command === 'back') expect(t.step).toBe('which_card');
    if (command === 'restart') expect([t.step, t.texts[0]]).toEqual(['which_card', LINES.restarted('linking your card')]);
    if (command === 'cancel') expect(t.flow).toBeNull();
    if (command === 'help') expect(t.buttons).toEqual(expect.arrayContaining(['nav:restart', 'nav:cancel', 'nav:human', 'answer:yes']));
  });

  it('goes back one question at a time and says so at the first one', () => {
    const c = createConversation();
    c.click('flow:link_card');
    c.click('answer:visa');
    c.click('answer:yes');
    expect(c.click('nav:back').step).toBe('card_enabled');
    expect(c.click('nav:back').step).toBe('which_card');
    expect(c.click('nav:back').texts[0]).toContain(LINES.backAtStart);
  });

  it('hands over to a person from anywhere, stays quiet, and comes back when staff hand it back', () => {
    const c = createConversation();
    c.click('flow:verification');
    const t = c.click(ACTIONS.human);
    expect(t.handoff).toMatchObject({ flow: 'verification', reason: 'asked for a person during your verification' });
    expect(t.sections).toEqual(['contact-support#who-to-contact']);
    expect(c.say('hello? anyone?', nlu('greeting')).effects).toEqual([]);
    expect(c.click('answer:identity').effects).toEqual([]);
    expect(c.click(ACTIONS.human).effects).toEqual([]);
    const back = c.click(ACTIONS.handBack);
    // Back with the context it had: the task set aside at the handoff is offered first.
    expect(back.texts).toEqual([LINES.handBackResume('your verification')]);
    expect(back.buttons[0]).toBe('nav:resume');
    expect(back.flow).toBeNull();
    expect(c.state.handedBack).toMatchObject({ how: 'handed_back', note: null });
    // A greeting with the task still kept welcomes them back to it.
    const hi = c.say('hi', nlu('greeting'));
    expect(hi.texts).toEqual([LINES.resumeOffer('your verification')]);
    expect(hi.buttons[0]).toBe('nav:resume');
  });

  it('keeps staff\'s hand-back note in its state, and a plain "yes" carries on with the task set aside', () => {
    const c = createConversation();
    c.click('flow:verification');
    c.click(ACTIONS.human);
    c.click(handBackValue('documents explained; may ask about the face scan'));
    expect(c.state.handedBack).toMatchObject({ how: 'handed_back', note: 'documents explained; may ask about the face scan' });
    expect(c.state.handoff).toBeNull();
    const yes = c.say('yes', nlu('affirm'));
    expect(yes.flow).toBe('verification');
  });

  it('says "I\'m back" without a task to resume when nothing was set aside', () => {
    const c = createConversation();
    c.click(ACTIONS.human);
    expect(c.click(ACTIONS.handBack).texts).toEqual([LINES.handBack]);
  });

  it('comes back with nothing to resume when staff close the conversation', () => {
    const c = createConversation();
    c.click('flow:verification');
    c.click(ACTIONS.human);
    const closed = c.click(ACTIONS.close);
    expect(closed.texts).toEqual([LINES.closedByStaff]);
    expect(closed.buttons).not.toContain('nav:resume');
    expect(c.state).toMatchObject({ handoff: null, paused: null, frame: null, handedBack: { how: 'closed', note: null } });
  });

  it('says plainly that nobody was free, with the team\'s hours, and who to contact for the problem in hand', () => {
    const c = createConversation({ supportHours: 'Monday to Friday, 9:00-18:00 CET' });
    c.click('flow:link_card');
    c.click(ACTIONS.human);
    const timedOut = c.click(ACTIONS.timedOut);
    expect(timedOut.texts[0]).toBe(LINES.noStaff('Monday to Friday, 9:00-18:00 CET'));
    expect(timedOut.texts[0]).toContain("Our team's hours: Monday to Friday, 9:00-18:00 CET.");
    expect(timedOut.sections).toEqual(['contact-support#alipay-support', 'contact-support#card-issuer']);
    expect(timedOut.texts.at(-1)).toBe(LINES.afterNoStaffInFlow('linking your card'));
    expect(timedOut.buttons[0]).toBe('nav:resume');
    expect(c.state).toMatchObject({ handoff: null, handedBack: { how: 'timed_out' } });
  });

  it('offers Alipay and Alibaba when nobody was free and there was no task in hand, without hours when none are set', () => {
    const c = createConversation();
    c.click(ACTIONS.human);
    const timedOut = c.click(ACTIONS.timedOut);
    expect(timedOut.texts[0]).toBe(LINES.noStaff(undefined));
    expect(timedOut.texts[0]).not.toContain('hours');
    expect(timedOut.sections).toEqual(['contact-support#alipay-support', 'contact-support#alibaba-support']);
  });

  it('ignores a close or a timeout for a conversation that is not with staff', () => {
    const c = createConversation();
    c.click('flow:verification');
    expect(c.click(ACTIONS.close).effects).toEqual([]);
    expect(c.click(ACTIONS.timedOut).effects).toEqual([]);
    expect(c.state.frame?.flow).toBe('verification');
  });

  it('refers the person to support instead of going quiet where no staff watch the channel', () => {
    const c = createConversation();
    c.click('flow:verification');
    const t = c.turn({ action: ACTIONS.human }, null, { staffAvailable: false });
    expect(t.handoff).toMatchObject({ flow: 'verification' });
    expect(t.sections).toEqual(['contact-support#who-to-contact']);
    expect(t.texts).toContain(LINES.referral);
    expect(t.texts).not.toContain(LINES.handoff);
    expect(t.buttons).toContain('nav:resume');
    const next = c.turn({ text: 'hello?' }, nlu('greeting'), { staffAvailable: false });
    expect(next.texts).toEqual([LINES.resumeOffer('your verification')]);
  });

  it('hands over when the person asks for a person in words, and answers how to reach support otherwise', () => {
    const c = createConversation();
    const t = c.say('can I talk to a real person', nlu('out_of_scope', { confidence: 0.3 }));
    expect(t.handoff).toBeDefined();
    const contact = createConversation().say('is there a phone number for alipay?', nlu('contact_support', { asksQuestion: true }));
    expect(contact.handoff).toBeUndefined();
    expect(contact.sections).toEqual(['contact-support#alipay-support', 'contact-support#what-to-include']);
    expect(contact.buttons).toContain('nav:human');
  });

  it('warns about a pasted secret first, then goes on with the turn', () => {
    const c = createConversation();
    const t = c.say('my card [card number] was declined', nlu('payment_declined'), { redactions: ['card_number'] });
    expect(t.texts[0]).toBe(LINES.privacy);
    expect(t.step).toBe('ask_cause');
  });

  it('answers empty, non-English and emoji-only messages kindly and keeps the question', () => {
    const c = createConversation();
    expect(c.say('', null, { notes: ['empty'] }).texts).toEqual([LINES.empty]);
    c.click('flow:verification');
    const foreign = c.say('mi tarjeta', nlu('out_of_scope', { confidence: 0.2 }), { notes: ['non_english'] });
    expect(foreign.texts[0]).toBe(LINES.nonEnglish);
    expect(foreign.buttons).toContain('answer:identity');
    expect(c.say('👍', null, { notes: ['emoji_only'] }).texts[0]).toBe(LINES.emojiOnly);
    expect(c.state.frame?.misses).toBe(0);
  });

  it('says it read only the first part of a very long message', () => {
    const c = createConversation();
    const t = c.say('my payment was declined and ...', nlu('payment_declined'), { notes: ['truncated'] });
    expect(t.texts[0]).toBe(LINES.truncated);
    expect(t.step).toBe('ask_cause');
  });

  it('starts fresh after 30 idle minutes and a Resume button restores the step', () => {
    const c = createConversation();
    c.click('flow:link_card');
    c.click('answer:visa');
    c.wait(31 * 60 * 1000);
    const t = c.say('hello', nlu('greeting'));
    expect(t.flow).toBeNull();
    expect(t.texts[0]).toBe(LINES.resumeOffer('linking your card'));
    expect(t.buttons).toContain('nav:resume');
    const resumed = c.click('nav:resume');
    expect([resumed.flow, resumed.step]).toEqual(['link_card', 'card_enabled']);
  });

  it('keeps the flow when the person comes back within the idle time (configurable)', () => {
    const c = createConversation({ idleMs: 5 * 60 * 1000 });
    c.click('flow:link_card');
    c.wait(4 * 60 * 1000);
    expect(c.say('visa', nlu('link_card', { confidence: 0.4 })).step).toBe('card_enabled');
    c.wait(6 * 60 * 1000);
    expect(c.click('answer:yes').flow).toBeNull();
  });

  it('answers out-of-scope politely with what it can do, and reprompts instead inside a flow', () => {
    const c = createConversation();
    const t = c.say('what is the weather', nlu('out_of_scope'));
    expect(t.texts).toEqual([LINES.outOfScope]);
    expect(t.buttons).toContain('flow:link_card');
    c.click('flow:verification');
    expect(c.say('what is the weather', nlu('out_of_scope')).texts[0]).toContain(LINES.reprompt);
  });

  it('takes thanks and goodbye gracefully in and out of a flow', () => {
    const c = createConversation();
    expect(c.say('thanks', nlu('thanks')).texts).toEqual([LINES.thanks]);
    c.click('flow:pay_on_alibaba');
    // Mid-task, thanks closes politely and keeps the place; it does not ask the question again.
    const thanks = c.say('thank you', nlu('thanks'));
    expect(thanks.texts).toEqual([LINES.thanksInFlow('paying on Alibaba')]);
    expect(thanks.flow).toBeNull();
    expect(thanks.buttons).toEqual(['nav:resume', 'nav:menu']);
    c.click('nav:resume');
    const bye = c.say('bye', nlu('goodbye'));
    expect(bye.flow).toBeNull();
    expect(bye.texts).toEqual([LINES.goodbyeInFlow('paying on Alibaba')]);
    expect(bye.buttons).toEqual(['nav:resume', 'nav:menu']);
  });

  it('answers an information question from the knowledge base and offers the related flow', () => {
    const c = createConversation();
    const typed = c.say('how do I raise my limit', nlu('limits'));
    expect(typed.effects).toEqual([
      { type: 'answer', query: 'how do I raise my limit', intents: ['limits'], context: { topic: 'limits' }, buttons: [{ label: 'Verify my identity', value: 'flow:verification' }, { label: 'Something else', value: 'nav:menu' }, ...feedbackButtons()] },
    ]);
    const clicked = c.click('info:tour_pass');
    expect(clicked.sections).toEqual(['tour-pass#what-it-is', 'tour-pass#how-it-works']);
    expect(clicked.buttons).toContain('flow:link_card');
  });

  it('says a button from an earlier question is stale and asks the current one again', () => {
    const c = createConversation();
    c.click('flow:payment_declined');
    const t = c.click('answer:visa');
    expect(t.texts[0]).toBe(LINES.staleButton);
    expect(t.step).toBe('ask_cause');
    expect(c.click('flow:nonsense').texts[0]).toBe(LINES.unknownButton);
  });

  it('never echoes what the person typed', () => {
    const c = createConversation();
    const marker = 'zebra-quartz-7781';
    const turns = [
      c.say(`hi ${marker}`, nlu('greeting')),
      c.say(`declined ${marker}`, nlu('payment_declined')),
      c.say(`${marker}`),
      c.say(`what about fees ${marker}`, nlu('fees_and_rates')),
      c.say(`${marker} bye`, nlu('goodbye')),
    ];
    for (const t of turns) {
      for (const e of t.effects) {
        if (e.type === 'answer') continue; // the query goes to the knowledge search, not to the person
        expect(JSON.stringify(e)).not.toContain(marker);
      }
    }
  });
});

describe('the dialogue policy: information topics', () => {
  it.each([
    ['refunds', 'I sent the goods back, how do I get my money for the order'],
    ['pending_payment', 'the payment has said processing since yesterday'],
  ] as const)('searches a typed question about %s, and shows the topic\'s sections for a click', (intent, question) => {
    const typed = createConversation().say(question, nlu(intent));
    expect(typed.effects[0]).toMatchObject({ type: 'answer', query: question, intents: [intent] });
    expect(typed.sections).toEqual([]);
    const clicked = createConversation().click(`info:${intent}`);
    expect(clicked.sections.length).toBeGreaterThan(0);
  });

  it('answers a question that leans on the answer just shown in its context, and offers the walkthrough instead of starting it', () => {
    const c = createConversation();
    c.showed(['payment-declined#still-declined']);
    const question = 'is there some other way to pay then?';
    const t = c.say(question, nlu('payment_declined', { asksQuestion: true, followUp: 0.8 }));
    expect(t.flow).toBeNull();
    expect(t.effects[0]).toMatchObject({ type: 'answer', query: question, context: { sections: ['payment-declined#still-declined'] } });
    expect(t.buttons).toContain('flow:payment_declined');
    // The same question with nothing shown before it starts the diagnosis, as a typed problem does.
    expect(createConversation().say(question, nlu('payment_declined', { asksQuestion: true, followUp: 0.8 })).flow).toBe('payment_declined');
  });

  it('hands the facts a question states to its search, a denied one as its denial', () => {
    const question = 'there is a payment of 45 usd to some shop i dont know, can i get it back?';
    const t = createConversation().say(question, nlu('security', { asksQuestion: true, facts: [{ name: 'security.unknown_charge' }, { name: 'error.technical', negated: true }] }));
    expect(t.effects[0]).toMatchObject({ type: 'answer', query: question, facts: ['security.unknown_charge', '!error.technical'] });
  });

  it('picks a task up at the step whose answer was just shown when the person reports on it ("still nothing")', () => {
    const c = createConversation();
    c.showed(['create-account#code-not-arriving']);
    const t = c.say('waited 10 min, still nothing', nlu('account_setup', { status: 'still_failing' }));
    // "Still no code" at "did it work this time?": on to who can help, not back to installing the app.
    expect(t.flow).toBe('account_setup');
    expect(t.step).toBe('who_to_contact');
    expect(t.sections).not.toContain('create-account#download-the-app');
  });

  it('asks that step\'s question when the report answers none of its choices', () => {
    const c = createConversation();
    c.showed(['create-account#code-not-arriving']);
    const t = c.say('the code goes somewhere i guess', nlu('account_setup'));
    expect(t.step).toBe('code_not_arriving');
    expect(t.texts.join(' ')).toContain('Did it work this time?');
    expect(t.texts.join(' ')).not.toContain(LINES.reprompt);
  });

  it('starts a task at its first question when what was just shown is not one of its steps', () => {
    const c = createConversation();
    c.showed(['fees-and-rates#alipay-fees']);
    expect(c.say('i want to set up alipay', nlu('account_setup')).step).toBe(createConversation().say('i want to set up alipay', nlu('account_setup')).step);
  });
});
