import type { FlowInput, FlowOption } from '../flow-schema.js';
import { contactOptions } from './contact-options.js';

/**
 * The causes, most likely first; "did that fix it?" moves to the next one not tried yet. A limit
 * is checked together with the funds, and on its own only when the person says the money is there.
 */
const CAUSES = ['funds', 'flagged', 'verification', 'glitch', 'card', 'currency'] as const;
type Cause = (typeof CAUSES)[number] | 'limit';
const ALL_CAUSES: readonly Cause[] = [...CAUSES, 'limit'];

/** The facts that say a cause is not it ("I have the money"): they answer "did that fix it?" with no. */
const RULED_OUT: Readonly<Record<Cause, readonly string[]>> = {
  funds: ['!error.insufficient_funds'],
  limit: ['!error.limit_exceeded'],
  flagged: ['!error.risk_flagged', '!error.issuer_declined'],
  verification: ['!error.verification_required', '!verify.rejected'],
  glitch: ['!error.technical', '!checkout.page_hangs'],
  card: ['!error.card_not_supported'],
  currency: ['!error.currency'],
};
/**
 * The errors that name a cause ("system busy" is a glitch). When the fix for the cause the error
 * named did not help, the other causes are not the next guess: the people who can see it are.
 * A limit is checked in the funds step, which is what marks it tried.
 */
const NAMED_BY: Readonly<Record<Cause, readonly string[]>> = {
  funds: ['error.insufficient_funds', 'error.limit_exceeded'],
  limit: [],
  flagged: ['error.risk_flagged', 'error.issuer_declined'],
  verification: ['error.verification_required'],
  glitch: ['error.technical', 'checkout.page_hangs'],
  card: ['error.card_not_supported'],
  currency: [],
};
/** After this many causes without luck, it is time for the people who can see the payment. */
const MAX_CAUSES = 3;

const didItWork = (cause: Cause, notFixed: FlowOption['then'] = [{ to: 'next_cause' }]): FlowOption[] => [
  { value: 'fixed', label: 'Yes, it worked', synonyms: ['yes', 'yep', 'worked', 'it worked', 'fixed', 'went through', 'sorted', 'paid'], polarity: 'yes', match: { intents: ['affirm'], status: ['solved'] }, then: [{ to: 'fixed' }] },
  {
    value: 'not_fixed',
    label: 'No, still declined',
    synonyms: ['no', 'nope', 'still', 'still declined', 'still failing', "didn't work", 'not yet'],
    polarity: 'no',
    match: { intents: ['deny'], status: ['still_failing'], facts: [...RULED_OUT[cause]] },
    then: notFixed,
  },
  {
    value: 'contact',
    label: 'Who should I contact?',
    synonyms: ['who should i contact', 'contact', 'support', 'who can help'],
    // The bank said it saw nothing: Alipay is the one to ask, not "one of three parties".
    then: [{ to: 'contact_alipay', guard: { name: 'fact', arg: 'card.bank_sees_nothing' } }, { to: 'who_to_contact' }],
  },
];

/** A diagnosis, not a lecture: what happened → steps for that cause → did that fix it? → next cause → who to contact. */
export const paymentDeclinedFlow: FlowInput = {
  id: 'payment_declined',
  title: 'your declined payment',
  label: 'My payment was declined',
  start: 'ask_cause',
  diagnosis: true,
  solved: 'fixed',
  owns: ['error.insufficient_funds', 'error.limit_exceeded', 'error.issuer_declined', 'error.risk_flagged', 'error.card_not_supported', 'error.no_reason', 'card.bank_sees_nothing'],
  // What the person rules out is not suggested again: "I have the money" skips the funds check.
  onFacts: [
    ...ALL_CAUSES.flatMap((cause) => RULED_OUT[cause].map((fact) => ({ fact, actions: [{ name: 'mark_tried' as const, arg: cause }] }))),
    // The bank never saw the attempt: nothing on the card's side (money, limit) stopped it.
    { fact: 'card.bank_sees_nothing', actions: [{ name: 'mark_tried' as const, arg: 'funds' }, { name: 'mark_tried' as const, arg: 'limit' }] },
  ],
  // "I'll phone my bank": what to ask them, and what to have ready.
  elsewhere: ['contact-support#card-issuer', 'contact-support#what-to-include'],
  steps: {
    ask_cause: {
      say: "Sorry your payment didn't go through. Let's find out why.",
      ask: 'What happened, or what does the message say?',
      // The first message often says it already ("insufficient funds", "flagged as suspicious").
      skip: [
        { to: 'fix_funds', guard: { name: 'slot_is', arg: 'errorKind=insufficient_funds' } },
        { to: 'fix_limit', guard: { name: 'slot_is', arg: 'errorKind=limit' } },
        { to: 'fix_flagged', guard: { name: 'slot_is', arg: 'errorKind=flagged' } },
        { to: 'fix_verification', guard: { name: 'slot_is', arg: 'errorKind=verification_required' } },
        { to: 'fix_card', guard: { name: 'slot_is', arg: 'errorKind=card_not_supported' } },
        { to: 'fix_glitch', guard: { name: 'slot_is', arg: 'errorKind=technical' } },
        { to: 'fix_currency', guard: { name: 'slot_is', arg: 'errorKind=currency' } },
      ],
      options: [
        {
          value: 'funds',
          label: 'Not enough funds or a limit',
          synonyms: ['insufficient', 'not enough', 'funds', 'balance', 'limit', 'exceeds', 'exceeded', 'over the limit', 'credit limit', 'maximum', 'too much'],
          // "I have the money, it's a big order": with the funds ruled out, a limit is the next suspect.
          match: { errorKind: ['insufficient_funds', 'limit'], facts: ['error.insufficient_funds', 'error.limit_exceeded'], implies: ['!error.insufficient_funds'] },
          then: [
            { to: 'fix_limit', guard: { name: 'fact', arg: 'error.limit_exceeded' } },
            { to: 'fix_limit', guard: { name: 'slot_is', arg: 'errorKind=limit' } },
            { to: 'fix_limit', guard: { name: 'fact', arg: '!error.insufficient_funds' } },
            { to: 'fix_funds' },
          ],
        },
        {
          value: 'flagged',
          label: 'My bank or Alipay blocked it',
          synonyms: ['blocked', 'flagged', 'suspicious', 'fraud', 'security', 'risk', 'bank declined', 'bank blocked', 'held'],
          // The bank says all is fine or sees nothing: Alipay's own checks are the likely reason.
          match: { errorKind: ['flagged'], facts: ['error.issuer_declined', 'error.risk_flagged', 'card.bank_sees_nothing'] },
          // A bank that saw nothing has not blocked it: Alipay's side, not "call your card issuer".
          then: [{ to: 'fix_alipay_side', guard: { name: 'fact', arg: 'card.bank_sees_nothing' } }, { to: 'fix_flagged' }],
        },
        {
          value: 'verification',
          label: 'It asks me to verify',
          synonyms: ['verify', 'verification', 'identity', 'passport', 'id', 'confirm', 'authenticate', 'kyc'],
          match: { errorKind: ['verification_required'], facts: ['error.verification_required', 'verify.identity_requested', 'verify.rejected'] },
          then: [{ to: 'fix_verification' }],
        },
        {
          value: 'card',
          label: 'Card not accepted',
          synonyms: ['not accepted', 'not supported', 'unsupported', 'card type', "doesn't accept", 'does not accept', 'invalid card'],
          match: { errorKind: ['card_not_supported'], facts: ['error.card_not_supported', 'card.unsupported_network', 'error.wrong_details', '!card.international_enabled'] },
          then: [{ to: 'fix_card' }],
        },
        {
          value: 'glitch',
          label: 'An error or the app froze',
          synonyms: ['error', 'glitch', 'froze', 'frozen', 'crash', 'crashed', 'timeout', 'timed out', 'loading', 'network', 'connection', 'stuck', 'bug'],
          match: { errorKind: ['technical'], facts: ['error.technical', 'checkout.page_hangs'] },
          then: [{ to: 'fix_glitch' }],
        },
        {
          value: 'currency',
          label: 'The amount looks wrong',
          synonyms: ['currency', 'exchange', 'exchange rate', 'rate', 'amount', 'wrong amount', 'charged more', 'conversion', 'different amount'],
          match: { errorKind: ['currency'], facts: ['error.currency'] },
          then: [{ to: 'fix_currency' }],
        },
        {
          value: 'unknown',
          label: 'No reason given',
          synonyms: ['not sure', 'no reason', 'no message', 'no idea', "don't know", 'idk', 'dunno', 'just declined', 'just says', 'payment failed', 'transaction failed', 'failed', 'declined', "doesn't say", 'nothing', 'it just failed', 'unknown'],
          match: { facts: ['error.no_reason'] },
          then: [{ to: 'fix_funds', guard: { name: 'not_tried', arg: 'funds' } }, { to: 'next_cause' }],
        },
      ],
    },
    fix_funds: {
      title: 'checked funds and card limits (shipping and fees included)',
      onEnter: [{ name: 'mark_tried', arg: 'funds' }],
      say: 'The most common cause is the money available on the card, or a limit. Please check:',
      sections: ['payment-declined#insufficient-funds', 'payment-declined#card-limit'],
      ask: 'Did that fix it?',
      // "I have the money" answers half of it: then the limits, Alipay's own included.
      options: didItWork('funds', [
        { to: 'fix_limit', guards: [{ name: 'fact', arg: '!error.insufficient_funds' }, { name: 'no_fact', arg: '!error.limit_exceeded' }] },
        { to: 'next_cause' },
      ]),
    },
    fix_limit: {
      title: 'checked the card and Alipay limits',
      onEnter: [{ name: 'mark_tried', arg: 'funds' }],
      say: 'A limit can stop a payment even when the money is there:',
      sections: ['payment-declined#card-limit', 'transaction-limits#alipay-limits'],
      ask: 'Did that fix it?',
      options: didItWork('limit'),
      elsewhere: ['contact-support#card-issuer', 'transaction-limits#raise-limits'],
    },
    fix_flagged: {
      title: 'checked for a block by the bank or an Alipay flag',
      onEnter: [{ name: 'mark_tried', arg: 'flagged' }],
      say: 'Banks and Alipay sometimes stop a payment that looks unusual. Here is what to do:',
      sections: ['payment-declined#declined-by-issuer', 'payment-declined#flagged-by-alipay'],
      ask: 'Did that fix it?',
      options: didItWork('flagged'),
      elsewhere: ['contact-support#card-issuer', 'contact-support#what-to-include'],
    },
    fix_alipay_side: {
      title: "checked Alipay's side, as the bank saw nothing",
      onEnter: [{ name: 'mark_tried', arg: 'flagged' }],
      say: 'Your bank saw nothing, so the stop most likely happened on the Alipay side:',
      sections: ['payment-declined#bank-sees-no-decline', 'payment-declined#flagged-by-alipay'],
      ask: 'Did that fix it?',
      options: didItWork('flagged'),
      elsewhere: ['contact-support#alipay-support', 'contact-support#what-to-include'],
    },
    fix_verification: {
      title: 'finished a pending verification',
      onEnter: [{ name: 'mark_tried', arg: 'verification' }],
      say: 'A check that is not finished can stop a payment:',
      sections: ['payment-declined#verification-incomplete', 'verification#documents'],
      ask: 'Did that fix it?',
      options: didItWork('verification'),
    },
    fix_card: {
      title: 'checked the card network and that it is enabled abroad',
      onEnter: [{ name: 'mark_tried', arg: 'card' }],
      say: "Let's check the card itself:",
      sections: ['payment-declined#card-not-accepted', 'link-card#alternatives'],
      ask: 'Did that fix it?',
      options: didItWork('card'),
    },
    fix_glitch: {
      title: 'retried after a technical glitch',
      onEnter: [{ name: 'mark_tried', arg: 'glitch' }],
      say: 'It may have been a short glitch. Try these:',
      sections: ['payment-declined#technical-glitch', 'payment-declined#screenshot-the-error'],
      ask: 'Did that fix it?',
      options: didItWork('glitch'),
      // The advice says to check the Alipay history and the card statement before paying again.
      checks: ['card.bank_sees_nothing'],
    },
    fix_currency: {
      title: 'checked the currency and exchange rate',
      onEnter: [{ name: 'mark_tried', arg: 'currency' }],
      say: 'An amount that looks off is usually the currency conversion:',
      sections: ['payment-declined#currency-confusion', 'fees-and-rates#exchange-rates'],
      ask: 'Did that clear it up?',
      options: didItWork('currency'),
    },
    next_cause: {
      say: "Sorry, that wasn't it. Let's look at the next likely cause.",
      always: [
        // The bank never saw the payment and the Alipay flag was looked at: only Alipay can say more.
        { to: 'contact_alipay', guards: [{ name: 'fact', arg: 'card.bank_sees_nothing' }, { name: 'tried', arg: 'flagged' }] },
        { to: 'contact_alipay', guards: [{ name: 'fact', arg: 'card.bank_sees_nothing' }, { name: 'tried_at_least', arg: String(MAX_CAUSES) }] },
        { to: 'who_to_contact', guard: { name: 'tried_at_least', arg: String(MAX_CAUSES) } },
        ...ALL_CAUSES.flatMap((cause) => NAMED_BY[cause].map((fact) => ({ to: 'who_to_contact', guards: [{ name: 'fact' as const, arg: fact }, { name: 'tried' as const, arg: cause }] }))),
        ...CAUSES.map((cause) => ({ to: `fix_${cause}`, guard: { name: 'not_tried' as const, arg: cause } })),
        { to: 'who_to_contact' },
      ],
    },
    who_to_contact: {
      title: 'was told who to contact and what to include',
      say: 'Then the people who can see the payment should look at it. Who to contact depends on the problem:',
      sections: ['contact-support#who-to-contact', 'contact-support#what-to-include'],
      ask: 'Would you like a person here to help, or will you contact them yourself?',
      options: contactOptions(),
    },
    contact_alipay: {
      title: 'was sent to Alipay, as the bank saw nothing wrong',
      say: 'Your bank sees nothing wrong on its side, so the payment most likely stopped at Alipay, and Alipay support is the one to ask:',
      sections: ['contact-support#alipay-support', 'contact-support#what-to-include'],
      ask: 'Would you like a person here to help, or will you contact Alipay yourself?',
      options: contactOptions(),
    },
    contact_done: {
      end: 'done',
      say: 'Good luck! Keep the screenshot of the error handy when you write to them.',
      offer: [{ label: 'Pay on Alibaba', value: 'flow:pay_on_alibaba' }],
    },
    fixed: {
      end: 'done',
      say: 'Great, glad it went through!',
      offer: [{ label: 'Paying on Alibaba', value: 'flow:pay_on_alibaba' }],
    },
  },
};
