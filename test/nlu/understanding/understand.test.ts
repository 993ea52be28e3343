/**
 * The shipped understanding on messages written the way people write them (our own examples, not
 * the evaluation sets): long with backstory, typos on key words, follow-ups that lean on the last
 * turn, other products, facts and status. `supportbot eval` measures the same on the real-style sets.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IntentClassifier } from '../../../src/core/ports.js';
import type { UnderstandingContext } from '../../../src/core/types.js';
import { createIntentClassifier } from '../../../src/nlu/create-classifier.js';
import { ensureModel } from '../../../src/nlu/ensure-model.js';
import { trainLearnedFacts } from '../../../src/nlu/learned-facts/train.js';
import { loadClassifier } from '../../../src/nlu/load-classifier.js';
import { TOY_SETTINGS, toyRows } from '../learned-facts/fixtures.js';

let nlu: IntentClassifier;
beforeAll(async () => {
  nlu = await loadClassifier();
});

/** Right after the bot asked or suggested something at a step of a guided flow. */
const step = (topic: UnderstandingContext['topic'], flow: string, at: string): UnderstandingContext => ({ topic, flow, step: at }) as UnderstandingContext;
const facts = (text: string, context?: UnderstandingContext) => nlu.parse(text, context).facts.map((f) => `${f.negated ? '!' : ''}${f.name}`);

describe('understanding whole messages', () => {
  it('reads a long message with backstory as the problem it carries, with its facts', () => {
    const result = nlu.parse('ok so basically im in spain and my santander debit wont go thru on alibaba, it says something about the issuer, i tried 3 times already today');
    expect(result.intent).toBe('payment_declined');
    expect(facts('ok so basically im in spain and my santander debit wont go thru on alibaba, it says something about the issuer, i tried 3 times already today')).toEqual(
      expect.arrayContaining(['card.debit', 'error.issuer_declined', 'attempt.repeated']),
    );
    expect(result.facts.find((f) => f.name === 'attempt.repeated')?.value).toBe('3');
  });

  it('does not let a greeting outvote the problem', () => {
    expect(nlu.parse('hi there, new here and sorry for my english. my mastercard keeps getting rejected when i pay the supplier').intent).toBe('payment_declined');
  });

  it('reads a card refused while paying, with no word of adding it, as a declined payment', () => {
    expect(nlu.parse('paying my order it says billing address invalid').intent).toBe('payment_declined');
    expect(nlu.parse('the order payment says card information incorrect').intent).toBe('payment_declined');
  });

  it('reads a card refused while linking as linking, not as a declined payment', () => {
    expect(nlu.parse('international payments are switched on for my Zenith visa, yet linking it to alipay fails every time with card not supported').intent).toBe('link_card');
    expect(nlu.parse('my Zenith visa keeps getting rejected when I pay for the order').intent).toBe('payment_declined');
  });

  it('keeps a refused card in the linking or declined-payment flow unless the message names the other task', () => {
    const linking = step('link_card', 'link_card', 'linking_error');
    const declined = step('payment_declined', 'payment_declined', 'fix_card');
    expect(nlu.parse('the numbers are all correct, I compared them with the card, and it still says something went wrong', linking).intent).toBe('link_card');
    expect(nlu.parse('typed it all again very carefully, same thing, card details incorrect', declined).intent).toBe('payment_declined');
    expect(nlu.parse('hold on, my order payment from this morning was declined too, can we look at that first', linking).intent).toBe('payment_declined');
    expect(nlu.parse('leave the payment for now, I need to add a different card to alipay first', declined).intent).toBe('link_card');
  });

  it('reads a message that ends with thanks after a success, or with a goodbye, as that closing move', () => {
    const declined = { topic: 'payment_declined' as const, flow: null, step: null };
    expect(nlu.parse('the app had a notice waiting, I approved it and the payment went through. thanks a lot', declined).intent).toBe('thanks');
    expect(nlu.parse('I have to catch my bus now, so I will stop here for today. goodbye and take care', declined).intent).toBe('goodbye');
    expect(nlu.parse('ok thanks, xayr', declined).status).toBe('leaving');
  });

  it('reads "I already have an account, but my card will not link" as linking, past the setup', () => {
    expect(nlu.parse('I already have my alipay account from last year, so setup is done. the problem: my Equity bank card is not linking at all').intent).toBe('link_card');
  });

  it('corrects a misspelling that a fact pattern also lists, so the patterns that list only the right spelling read it', () => {
    expect(facts('no need, I already have an acount')).toContain('!setup.no_account');
  });

  it('keeps a negation to its own clause when a pattern reads the whole message', () => {
    expect(facts('could not link it, the name is the same as on my ID')).toContain('!card.name_mismatch');
  });

  it('marks a fact told inside a question as such', () => {
    const asked = nlu.parse('also a question, after it is linked how much can I pay in one day? the order is 4000 dollars').facts.find((f) => f.name === 'setup.card_linked');
    expect(asked?.inQuestion).toBe(true);
    expect(nlu.parse('the card is linked now').facts.find((f) => f.name === 'setup.card_linked')?.inQuestion).toBeUndefined();
  });

  it('reads two typos on the key words', () => {
    expect(nlu.parse('my paymnet got rejeceted twice').intent).toBe('payment_declined');
  });

  it('leaves a word of a language people mix in as typed instead of correcting it to an English one', () => {
    const refunds = { topic: 'refunds' as const, flow: null, step: null };
    expect(nlu.parse('merci', refunds).intent).toBe('thanks');
    expect(nlu.parse('merci beaucoup, super utile', refunds).intent).toBe('thanks');
  });

  it('keeps other products out of our topics and flows', () => {
    expect(nlu.parse('can i buy bitcoin with my visa on binance').intent).toBe('out_of_scope');
    expect(nlu.parse('my paypal account is locked, how do i get back in').intent).toBe('out_of_scope');
  });

  it('gives a message it declines no checkout, setup or verification fact, though it names a supplier', () => {
    const result = nlu.parse('the parcel from my supplier is stuck in customs, how long does customs take');
    expect(result.intent).toBe('out_of_scope');
    expect(result.facts.map((f) => f.name)).not.toContain('checkout.supplier_order');
    expect(facts('the supplier wants the payment today and alipay keeps declining my card')).toContain('checkout.supplier_order');
  });

  it('counts tries in the languages people mix in', () => {
    expect(nlu.parse('tentei três vezes e nada').facts.find((f) => f.name === 'attempt.repeated')?.value).toBe('3');
    expect(nlu.parse('lo intenté dos veces con mi visa').facts.find((f) => f.name === 'attempt.repeated')?.value).toBe('2');
  });

  it('reads an emphatic "and no, it is not…" as the denial it is', () => {
    expect(facts('got refused again, and no its not a limit thing')).toContain('!error.limit_exceeded');
    expect(facts('got refused again, and no its not a limit thing')).not.toContain('error.limit_exceeded');
  });

  it('keeps a card switched off for foreign use in our domain, though nothing is declined yet', () => {
    for (const text of ['my card is for domestic use only', 'I never switched on payments abroad for my visa']) {
      expect(nlu.parse(text).intent).not.toBe('out_of_scope');
      expect(facts(text)).toContain('!card.international_enabled');
    }
  });

  it('reads a short follow-up against the topic just discussed', () => {
    const limits = { topic: 'limits' as const, flow: null, step: null };
    expect(nlu.parse('is there a way to go above that?', limits).intent).toBe('limits');
    const tourPass = { topic: 'tour_pass' as const, flow: null, step: null };
    expect(nlu.parse('what do I need to get one?', tourPass).intent).toBe('tour_pass');
  });

  it('reads what already happened and what the error said, negation included', () => {
    expect(facts('the sms code never arrives')).toContain('setup.sms_code_missing');
    expect(facts('international payments are already on')).toContain('card.international_enabled');
    expect(facts('I have the money, it is just a pricey order')).toContain('!error.insufficient_funds');
    expect(facts('there is no alipay option at checkout')).toContain('checkout.no_alipay_option');
    expect(facts('no error message at all')).not.toContain('error.technical');
  });

  it('reads the outcome the person reports', () => {
    expect(nlu.parse('it worked, thanks').status).toBe('solved');
    expect(nlu.parse('still failing, same error').status).toBe('still_failing');
    expect(nlu.parse("fine, I'll phone the card company tomorrow").status).toBe('will_act_elsewhere');
    expect(nlu.parse('is it going to work with a debit card?').status).toBeNull();
  });

  it('reads a short report right after a suggested step as its outcome', () => {
    expect(nlu.parse('there it is, just came', step('link_card', 'link_card', 'confirm_code')).status).toBe('solved');
    expect(nlu.parse('ok the money is in now', step('payment_declined', 'payment_declined', 'fix_funds')).status).toBe('solved');
    expect(nlu.parse('it still says invalid', step('account_setup', 'account_setup', 'number_not_accepted')).status).toBe('still_failing');
    expect(nlu.parse('same error', step('payment_declined', 'payment_declined', 'fix_card')).status).toBe('still_failing');
    expect(nlu.parse('declined again', step('payment_declined', 'payment_declined', 'fix_card')).status).toBe('still_failing');
  });

  it('reads a try reported with "same" mid-task as still failing, but not the same card or number', () => {
    const glitch = step('payment_declined', 'payment_declined', 'fix_glitch');
    expect(nlu.parse('cleared the cache and tried on the laptop, same', glitch).status).toBe('still_failing');
    expect(nlu.parse('refreshed twice already. same, wheel spinning', glitch).status).toBe('still_failing');
    expect(nlu.parse('emptied the browser data, same "server error"', glitch).status).toBe('still_failing');
    expect(nlu.parse('same one I use for my bank texts, and the wifi is fine', step('account_setup', 'account_setup', 'code_not_arriving')).status).toBeNull();
    expect(nlu.parse('i use the same card as before', glitch).status).toBeNull();
    // Outside a task nothing was tried yet: "same" there says nothing of an outcome.
    expect(nlu.parse('same, wheel spinning').status).toBeNull();
  });

  it('gives no outcome to a step answered, a first report at the pay step, or a name that "is in" someone else\'s', () => {
    const noCode = nlu.parse('no code has arrived yet', step('link_card', 'link_card', 'confirm_code'));
    expect(noCode.status).toBeNull();
    expect(facts('no code has arrived yet', step('link_card', 'link_card', 'confirm_code'))).toContain('setup.sms_code_missing');
    expect(nlu.parse('declined again', step('pay_on_alibaba', 'pay_on_alibaba', 'pay_now')).status).toBeNull();
    expect(nlu.parse("it is in my wife's name, could that be it?", { topic: 'payment_declined', flow: null, step: null }).status).toBeNull();
  });

  it('reads short answers at a step as the facts that step asks about', () => {
    expect(facts('rejected', step('verification', 'verification', 'identity_docs'))).toContain('verify.rejected');
    expect(facts('still blocked', step('verification', 'verification', 'flagged_payment'))).toContain('error.risk_flagged');
    expect(facts('it is still there, not refunded', step('verification', 'verification', 'card_check'))).toContain('verify.card_check_charge');
    expect(facts('no error at all', step('payment_declined', 'payment_declined', 'ask_cause'))).toContain('error.no_reason');
    // Without the step, "no error at all" says nothing failed.
    expect(facts('no error at all')).not.toContain('error.no_reason');
  });

  it('says whether the message asks something', () => {
    expect(nlu.parse('does linking cost anything').asksQuestion).toBe(true);
    expect(nlu.parse('the code never came').asksQuestion).toBe(false);
    expect(nlu.parse('ok, got to run now, have to pick up my kids').asksQuestion).toBe(false);
  });

  it('takes no plan from the words of an error message in quotes', () => {
    expect(nlu.parse('adding the card it says "binding failed, please try again later", 3 times now').status).toBeNull();
    expect(nlu.parse('it says "binding failed", ok I will try again later').status).toBe('will_act_elsewhere');
  });

  it('does not call a message a declined payment when nothing in it failed', () => {
    const nervous = nlu.parse('first order ever on alibaba, my mastercard is in alipay already and it went fine. im on the cart now and nervous, can you take me through paying?');
    expect(nervous.intent).not.toBe('payment_declined');
    expect(nlu.parse('my payment to the supplier keeps failing, tried my visa 3 times').intent).toBe('payment_declined');
  });

  it('reads thanks followed by a question as the question, and thanks with a plan as thanks', () => {
    const afterLimits = { topic: 'limits' as const, flow: null, step: null };
    expect(nlu.parse('Thanks a lot. And where do I change this cap inside the app?', afterLimits).intent).not.toBe('thanks');
    expect(nlu.parse('thanks, I will do the rest tomorrow', afterLimits).intent).toBe('thanks');
  });
});

describe('typos on key words', () => {
  // One typo (deleted, doubled, swapped or replaced letter) in the key word of each message.
  const messages: Array<[string, string, string]> = [
    ['my payment was declined at checkout', 'declined', 'payment_declined'],
    ['how do i link my mastercard to alipay', 'mastercard', 'link_card'],
    ['why do i need identity verification', 'verification', 'verification'],
    ['what are the fees for paying abroad', 'fees', 'fees_and_rates'],
    ['how do i get a refund for my order', 'refund', 'refunds'],
  ];
  const typo = (word: string) =>
    fc.tuple(fc.integer({ min: 1, max: word.length - 2 }), fc.integer({ min: 0, max: 3 })).map(([i, op]) => {
      const c = [...word];
      if (op === 0) c.splice(i, 1);
      else if (op === 1) c.splice(i, 0, c[i] ?? '');
      else if (op === 2) [c[i], c[i + 1]] = [c[i + 1] ?? '', c[i] ?? ''];
      else c[i] = c[i] === 'e' ? 'a' : 'e';
      return c.join('');
    });

  it.each(messages)('"%s" keeps its intent with a typo in "%s"', (message, word, intent) => {
    fc.assert(
      fc.property(typo(word), (misspelt) => {
        expect(nlu.parse(message.replace(word, misspelt)).intent).toBe(intent);
      }),
      { numRuns: 40, seed: 42 },
    );
  });
});

describe('the learned fact layer beside the patterns', () => {
  // A toy layer that finds every fact it models unlikely: its veto would drop them all.
  const vetoAll = async () =>
    createIntentClassifier((await ensureModel()).model, undefined, { learnedFacts: { ...trainLearnedFacts(toyRows(), TOY_SETTINGS), vetoBelow: 1 } });

  it('drops a reading the layer finds unlikely, but never one the app said in quotes', async () => {
    const layered = await vetoAll();
    const read = (text: string) => layered.parse(text).facts.map((f) => f.name);
    expect(read('the bank app says international payments are on but the supplier payment fails')).not.toContain('card.international_enabled');
    expect(read('the bank app says "international payments are on" but the supplier payment fails')).toContain('card.international_enabled');
  });

  it('leaves the reading of a step\'s answer to the patterns', async () => {
    const layered = await vetoAll();
    const answer = layered.parse('international payments are on', step('payment_declined', 'payment_declined', 'ask_cause'));
    expect(answer.facts.map((f) => f.name)).toContain('card.international_enabled');
  });
});
