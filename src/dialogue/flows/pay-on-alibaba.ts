import type { FlowInput } from '../flow-schema.js';
import { PASS_TO_PERSON } from './contact-options.js';

/** Checkout, choosing Alipay, checking the order, password or biometrics, balance. */
export const payOnAlibabaFlow: FlowInput = {
  id: 'pay_on_alibaba',
  title: 'paying on Alibaba',
  label: 'Pay on Alibaba',
  start: 'ready_check',
  // "Done, paid, the order says payment successful" at any step: the payment went through.
  solved: 'paid',
  owns: ['checkout.no_alipay_option', 'checkout.page_hangs'],
  steps: {
    ready_check: {
      say: "Let's pay for your Alibaba order with Alipay.",
      ask: 'First: are your Alipay account and card set up?',
      options: [
        { value: 'ready', label: 'Yes, all set', synonyms: ['yes', 'yep', 'all set', 'ready', 'set up', 'done'], polarity: 'yes', match: { intents: ['affirm'], facts: ['setup.card_linked'], implies: ['checkout.no_alipay_option', 'checkout.page_hangs'] }, then: [{ to: 'checkout' }] },
        { value: 'no_account', label: 'I have no Alipay account', synonyms: ['no account', "don't have an account", 'no alipay', 'not set up', 'no'], polarity: 'no', match: { intents: ['deny'], facts: ['setup.no_account'] }, then: [{ to: 'flow:account_setup' }] },
        { value: 'no_card', label: 'I still need to link a card', synonyms: ['link a card', 'no card', 'card not linked', 'need to link'], match: { facts: ['!setup.card_linked'] }, then: [{ to: 'flow:link_card' }] },
      ],
    },
    checkout: {
      title: 'went to checkout and looked for Alipay',
      sections: ['pay-on-alibaba#go-to-checkout', 'pay-on-alibaba#choose-alipay'],
      ask: 'Can you see Alipay among the ways to pay?',
      options: [
        { value: 'found', label: 'Yes, I picked Alipay', synonyms: ['yes', 'found', 'picked', 'selected', 'chose', 'see it', 'got it', 'ok'], polarity: 'yes', match: { intents: ['affirm'], facts: ['!checkout.no_alipay_option'] }, then: [{ to: 'confirm_order' }] },
        { value: 'not_offered', label: "Alipay isn't there", synonyms: ['not there', "isn't there", 'not offered', "can't find", 'cannot find', "don't see", "can't see", 'not showing', 'not listed', 'no alipay', 'missing', 'no', 'nope'], polarity: 'no', match: { intents: ['deny'], facts: ['checkout.no_alipay_option'] }, then: [{ to: 'alipay_missing' }] },
        { value: 'hangs', label: 'The payment page hangs', synonyms: ['hangs', 'spins', 'spinning', 'loading', 'frozen', 'stuck', 'freezes'], match: { facts: ['checkout.page_hangs'] }, then: [{ to: 'page_hangs' }] },
      ],
    },
    alipay_missing: {
      title: 'checked the seller’s payment instructions',
      sections: ['pay-on-alibaba#alipay-not-offered'],
      ask: 'Did you find it?',
      options: [
        { value: 'found', label: 'Found it now', synonyms: ['found', 'yes', 'got it', 'there'], polarity: 'yes', match: { intents: ['affirm'], facts: ['!checkout.no_alipay_option'] }, then: [{ to: 'confirm_order' }] },
        { value: 'contact', label: 'Still not there', synonyms: ['still', 'no', 'nope', 'not there'], polarity: 'no', match: { intents: ['deny'] }, then: [{ to: 'who_to_contact' }] },
      ],
    },
    confirm_order: {
      title: 'checked the order and its total',
      say: 'Before paying, a quick check:',
      sections: ['pay-on-alibaba#confirm-order', 'fees-and-rates#total-cost'],
      ask: 'Does everything look right?',
      options: [
        { value: 'looks_right', label: 'Looks right', synonyms: ['looks right', 'yes', 'correct', 'fine', 'good', 'ok', 'okay', 'done'], polarity: 'yes', match: { intents: ['affirm'] }, then: [{ to: 'pay_now' }] },
        { value: 'amount_wrong', label: 'The amount looks wrong', synonyms: ['wrong', 'amount', 'currency', 'exchange', 'too much', 'more than'], match: { facts: ['error.currency'] }, then: [{ to: 'amount_check' }] },
      ],
    },
    amount_check: {
      title: 'checked the currency and exchange rate',
      sections: ['payment-declined#currency-confusion', 'fees-and-rates#exchange-rates'],
      ask: 'Ready to pay?',
      options: [
        { value: 'looks_right', label: 'Yes, go on', synonyms: ['yes', 'go on', 'ready', 'ok', 'okay', 'fine'], polarity: 'yes', match: { intents: ['affirm'] }, then: [{ to: 'pay_now' }] },
      ],
    },
    pay_now: {
      title: 'paid and approved with the payment password or biometrics',
      sections: ['pay-on-alibaba#pay-now', 'pay-on-alibaba#authorise-payment', 'pay-on-alibaba#balance-first'],
      ask: 'Did the payment go through?',
      options: [
        { value: 'paid', label: 'Yes, paid', synonyms: ['yes', 'paid', 'went through', 'worked', 'done', 'success', 'successful'], polarity: 'yes', match: { intents: ['affirm'], status: ['solved'] }, then: [{ to: 'paid' }] },
        {
          value: 'declined',
          label: 'It was declined',
          synonyms: ['declined', 'failed', 'rejected', 'error', "didn't go through", 'did not go through', 'no'],
          polarity: 'no',
          match: { intents: ['deny', 'payment_declined'], facts: ['error.insufficient_funds', 'error.issuer_declined', 'error.risk_flagged', 'error.limit_exceeded', 'error.card_not_supported', 'error.no_reason', 'error.verification_required'] },
          then: [{ to: 'flow:payment_declined' }],
        },
        { value: 'hangs', label: 'The page hangs', synonyms: ['hangs', 'spins', 'spinning', 'loading', 'frozen', 'stuck'], match: { facts: ['checkout.page_hangs', 'error.technical'] }, then: [{ to: 'page_hangs' }] },
      ],
    },
    page_hangs: {
      title: 'retried a payment page that hung',
      say: 'A page that hangs is usually a short glitch:',
      sections: ['payment-declined#technical-glitch', 'security#keep-app-updated'],
      ask: 'Did it go through this time?',
      options: [
        { value: 'paid', label: 'Yes, paid', synonyms: ['yes', 'paid', 'went through', 'worked'], polarity: 'yes', match: { intents: ['affirm'], status: ['solved'] }, then: [{ to: 'paid' }] },
        { value: 'still', label: 'Still stuck', synonyms: ['still', 'no', 'nope', 'stuck', 'same'], polarity: 'no', match: { intents: ['deny'], status: ['still_failing'] }, then: [{ to: 'who_to_contact' }] },
      ],
      // The glitch advice says to check the Alipay history and the card statement before paying again.
      checks: ['card.bank_sees_nothing'],
    },
    who_to_contact: {
      title: 'was told to ask the seller or Alibaba',
      sections: ['contact-support#alibaba-support', 'contact-support#what-to-include'],
      ask: 'Would you like a person here to help, or will you ask them yourself?',
      options: [
        PASS_TO_PERSON,
        { value: 'self', label: "I'll ask them", synonyms: ["i'll ask", 'myself', 'ask them', 'no', 'ok', 'okay', 'thanks'], polarity: 'no', match: { intents: ['deny', 'thanks'], status: ['will_act_elsewhere'] }, then: [{ to: 'contact_done' }] },
      ],
    },
    contact_done: {
      end: 'done',
      say: 'Good luck with your order!',
    },
    paid: {
      end: 'done',
      say: 'Payment done. Enjoy your order!',
    },
  },
};
