import type { FlowInput } from '../flow-schema.js';
import { contactOptions } from './contact-options.js';
import { ACCEPTED_NETWORKS } from '../guards-and-actions.js';

/**
 * Another card: what we knew about the old one (its network, "not accepted") no longer holds, or
 * which_card's skip rules would send the person straight back to the old card's problem.
 */
const FORGET_CARD = [
  { name: 'clear_slot', arg: 'cardNetwork' },
  { name: 'clear_slot', arg: 'errorKind' },
  { name: 'forget_fact', arg: 'card.unsupported_network' },
  { name: 'forget_fact', arg: 'error.card_not_supported' },
] as const satisfies NonNullable<NonNullable<FlowInput['steps'][string]['always']>[number]['actions']>;

const GOT_IT = ['yes', 'yep', 'done', 'ok', 'okay', 'got it', 'next', 'ready', 'finished'];

/** Linking a foreign card: which network, enabled abroad, where in the app, details, code, test charge, terms, default. */
export const linkCardFlow: FlowInput = {
  id: 'link_card',
  title: 'linking your card',
  label: 'Link a card',
  start: 'which_card',
  owns: ['setup.cant_find_cards', 'card.unsupported_network'],
  // "I linked it yesterday and now checkout asks for verification" is about the payment.
  reachedBy: ['setup.card_linked'],
  solved: 'card_linked',
  // "I'll ask my bank to switch it on": what to ask the card issuer.
  elsewhere: ['contact-support#card-issuer', 'link-card#before-you-start'],
  steps: {
    which_card: {
      say: "Let's link your card to Alipay.",
      sections: ['link-card#accepted-cards'],
      ask: 'Which card do you want to link?',
      // "it's a mastercard" in the first message already answers this.
      skip: [
        { to: 'card_not_accepted', guard: { name: 'slot_is', arg: 'errorKind=card_not_supported' } },
        // "I can't find where to add a card": straight to why the cards section may be missing.
        { to: 'update_app', guard: { name: 'fact', arg: 'setup.cant_find_cards' } },
        { to: 'code_not_arriving', guard: { name: 'fact', arg: 'setup.sms_code_missing' } },
        // "Adding my Mastercard, it says error": they are past the first steps already.
        { to: 'check_details', guard: { name: 'fact', arg: 'error.wrong_details' } },
        { to: 'linking_error', guard: { name: 'fact', arg: 'error.technical' } },
        { to: 'card_enabled', guard: { name: 'card_accepted' } },
        { to: 'unsupported_card', guard: { name: 'slot_set', arg: 'cardNetwork' } },
      ],
      options: [
        { value: 'visa', label: 'Visa', match: { cardNetwork: ['visa'] }, then: [{ to: 'card_enabled' }] },
        { value: 'mastercard', label: 'Mastercard', synonyms: ['master card', 'mc'], match: { cardNetwork: ['mastercard', 'maestro'] }, then: [{ to: 'card_enabled' }] },
        { value: 'jcb', label: 'JCB', match: { cardNetwork: ['jcb'] }, then: [{ to: 'card_enabled' }] },
        { value: 'discover', label: 'Discover', match: { cardNetwork: ['discover'] }, then: [{ to: 'card_enabled' }] },
        {
          value: 'other',
          label: 'Another card',
          synonyms: ['amex', 'american express', 'unionpay', 'union pay', 'diners', 'other', 'another', 'something else', "don't know", 'not sure'],
          match: { cardNetwork: ['amex', 'unionpay', 'diners', 'other'], facts: ['card.unsupported_network'] },
          then: [{ to: 'unsupported_card' }],
        },
      ],
    },
    unsupported_card: {
      title: 'checked whether the card network is accepted',
      // Say which networks do link: the person then knows what another card must be.
      say: 'That card may not link to Alipay directly: the networks our guides name are Visa, Mastercard, JCB and Discover. These are other ways to pay with Alipay:',
      sections: ['link-card#alternatives'],
      ask: 'What would you like to do?',
      options: [
        {
          value: 'other_card',
          label: 'Use a different card',
          synonyms: ['different card', 'another card', 'other card'],
          // "Can I use my Visa debit instead?" names the other card: on with that one.
          match: { cardNetwork: [...ACCEPTED_NETWORKS] },
          then: [{ to: 'which_card', actions: FORGET_CARD }],
        },
        { value: 'try_anyway', label: 'Try this card anyway', synonyms: ['try anyway', 'try it', 'anyway'], then: [{ to: 'card_enabled' }] },
        { value: 'tour_pass', label: 'Tell me about the Tour Pass', synonyms: ['tour pass', 'tourpass', 'visitor'], then: [{ to: 'tour_pass_info' }] },
      ],
    },
    tour_pass_info: {
      end: 'done',
      say: 'Here is how the Tour Pass works:',
      sections: ['tour-pass#how-it-works', 'tour-pass#when-to-use'],
      offer: [{ label: 'Link a different card', value: 'flow:link_card' }],
    },
    card_enabled: {
      ask: 'Is your card enabled for international and online payments? (Your bank can tell you.)',
      options: [
        { value: 'yes', label: "Yes, it's enabled", synonyms: ['yes', 'yep', 'enabled', 'it is', 'already'], polarity: 'yes', match: { intents: ['affirm'], facts: ['card.international_enabled'] }, then: [{ to: 'open_cards' }] },
        { value: 'not_sure', label: 'Not sure / no', synonyms: ['not sure', 'no', 'nope', "don't know", 'dunno', 'maybe', 'no idea'], polarity: 'no', match: { intents: ['deny'], facts: ['!card.international_enabled'] }, then: [{ to: 'enable_card' }] },
      ],
    },
    enable_card: {
      title: 'asked the bank to enable international and online payments',
      say: 'Worth checking first, it is the most common reason linking fails:',
      sections: ['link-card#before-you-start', 'contact-support#card-issuer'],
      ask: "Let me know once it's enabled.",
      options: [
        { value: 'enabled', label: "It's enabled now", synonyms: ['enabled', 'done', 'yes', 'ok', 'okay', 'ready'], polarity: 'yes', match: { intents: ['affirm'], facts: ['card.international_enabled'], status: ['solved'] }, then: [{ to: 'open_cards' }] },
        { value: 'later', label: "I'll call my bank later", synonyms: ['later', 'not now', 'call later', 'tomorrow'], match: { status: ['will_act_elsewhere'] }, then: [{ to: 'paused_later' }] },
      ],
    },
    open_cards: {
      title: 'opened the cards section of the app',
      say: 'Now, in the Alipay app:',
      sections: ['link-card#open-card-settings'],
      ask: 'Have you found the cards section?',
      options: [
        { value: 'found', label: 'Found it', synonyms: ['found', 'found it', 'yes', 'got it', 'there', 'ok', 'okay', 'done'], polarity: 'yes', match: { intents: ['affirm'], facts: ['!setup.cant_find_cards'] }, then: [{ to: 'add_card' }] },
        { value: 'cant_find', label: "I can't find it", synonyms: ["can't find", 'cannot find', 'not there', 'no', "don't see", 'missing'], polarity: 'no', match: { intents: ['deny'], facts: ['setup.cant_find_cards'] }, then: [{ to: 'update_app' }] },
      ],
    },
    update_app: {
      // "Where is it? I don't see it": where it usually is first, then why it may look different.
      say: 'Here is where it usually is; an old version of the app can look different:',
      sections: ['link-card#open-card-settings', 'security#keep-app-updated'],
      ask: 'After updating, can you see it?',
      options: [
        { value: 'found', label: 'Yes, found it', synonyms: ['found', 'yes', 'got it', 'ok', 'okay'], polarity: 'yes', match: { intents: ['affirm'], facts: ['!setup.cant_find_cards'] }, then: [{ to: 'add_card' }] },
        { value: 'still_cant', label: 'Still not there', synonyms: ['still', 'no', 'nope', "can't", 'not there'], polarity: 'no', match: { intents: ['deny'], facts: ['setup.cant_find_cards'] }, then: [{ to: 'who_to_contact' }] },
      ],
    },
    add_card: {
      title: 'entered the card details in the app',
      say: 'Type these into the Alipay app only, never into this chat:',
      sections: ['link-card#add-a-card', 'link-card#why-card-details'],
      ask: 'Have you entered the details?',
      options: [
        // "Put the number, expiry, CVV and address; now it says a code was sent but nothing came": past this step.
        { value: 'entered', label: 'Done', synonyms: GOT_IT, polarity: 'yes', match: { intents: ['affirm'], implies: ['setup.sms_code_missing', '!setup.sms_code_missing'] }, then: [{ to: 'confirm_code' }] },
        { value: 'error', label: 'I got an error', synonyms: ['error', 'failed', 'invalid', 'wrong', "didn't work", 'problem'], match: { facts: ['error.wrong_details', 'error.technical', 'card.name_mismatch'] }, then: [{ to: 'check_details' }] },
        { value: 'not_accepted', label: "It says my card isn't accepted", synonyms: ['not accepted', 'not supported', "isn't accepted", 'rejected', 'refused', 'declined'], match: { errorKind: ['card_not_supported'], facts: ['error.card_not_supported'] }, then: [{ to: 'card_not_accepted' }] },
      ],
    },
    check_details: {
      title: 'checked the card details for typos',
      sections: ['link-card#check-card-details'],
      ask: 'Try once more: did it go through?',
      options: [
        { value: 'entered', label: 'Yes, it went through', synonyms: ['yes', 'yep', 'worked', 'went through', 'done', 'ok'], polarity: 'yes', match: { intents: ['affirm'] }, then: [{ to: 'confirm_code' }] },
        { value: 'not_accepted', label: 'Still not accepted', synonyms: ['still', 'no', 'nope', 'not accepted', 'error', 'failed'], polarity: 'no', match: { intents: ['deny'], status: ['still_failing'], facts: ['!error.wrong_details'] }, then: [{ to: 'card_not_accepted' }] },
      ],
    },
    confirm_code: {
      title: 'confirmed it was them with a code',
      say: 'Next, Alipay checks it is really you:',
      sections: ['link-card#confirm-identity'],
      ask: 'Did you get through the check?',
      options: [
        // "Got the sms code and accepted the terms": a code that came means the check went through.
        { value: 'confirmed', label: 'Yes, confirmed', synonyms: ['confirmed', 'yes', 'yep', 'done', 'ok', 'okay', 'worked', 'got it'], polarity: 'yes', match: { intents: ['affirm'], implies: ['!setup.sms_code_missing', 'setup.terms_accepted'] }, then: [{ to: 'test_charge' }] },
        { value: 'no_code', label: 'No code arrived', synonyms: ['no code', "didn't arrive", 'did not arrive', 'no sms', 'not received', 'never got', "didn't get", "haven't got", "haven't received", 'never came', 'no', 'nope'], polarity: 'no', match: { intents: ['deny'], facts: ['setup.sms_code_missing'] }, then: [{ to: 'code_not_arriving' }] },
      ],
    },
    code_not_arriving: {
      title: 'looked at a code that did not arrive',
      sections: ['create-account#code-not-arriving'],
      ask: 'Did the code come through this time?',
      options: [
        { value: 'confirmed', label: 'Yes, it came', synonyms: ['yes', 'yep', 'came', 'arrived', 'got it', 'worked', 'confirmed'], polarity: 'yes', match: { intents: ['affirm'], implies: ['!setup.sms_code_missing'] }, then: [{ to: 'test_charge' }] },
        { value: 'still_no_code', label: 'Still nothing', synonyms: ['still', 'nothing', 'no', 'nope'], polarity: 'no', match: { intents: ['deny'], facts: ['setup.sms_code_missing'] }, then: [{ to: 'who_to_contact' }] },
      ],
    },
    test_charge: {
      title: 'learned about the small test charge',
      say: "Don't be surprised by this one:",
      sections: ['link-card#verification-charge'],
      // Terms already accepted ("got the code and accepted the terms"): the person is past this step.
      options: [{ value: 'ok', label: 'Got it', synonyms: GOT_IT, polarity: 'yes', match: { intents: ['affirm', 'thanks'], implies: ['setup.terms_accepted'] }, then: [{ to: 'accept_terms' }] }],
    },
    accept_terms: {
      title: 'accepted the terms',
      sections: ['link-card#accept-terms'],
      ask: 'Done?',
      options: [
        { value: 'agreed', label: 'Agreed', synonyms: ['agreed', 'accepted', 'agree', 'accept', ...GOT_IT], polarity: 'yes', match: { intents: ['affirm'], facts: ['setup.terms_accepted'] }, then: [{ to: 'default_method' }] },
        { value: 'not_accepted', label: "My card wasn't accepted", synonyms: ['not accepted', 'rejected', 'declined', 'failed', 'error'], match: { errorKind: ['card_not_supported'] }, then: [{ to: 'card_not_accepted' }] },
      ],
    },
    default_method: {
      say: 'Almost there. You can make this card your default way to pay:',
      sections: ['link-card#payment-preferences'],
      ask: 'All done?',
      options: [
        { value: 'done', label: 'All done', synonyms: ['all done', 'skip', 'later', ...GOT_IT], polarity: 'yes', match: { intents: ['affirm', 'thanks'] }, then: [{ to: 'card_linked' }] },
      ],
    },
    linking_error: {
      title: 'went through the usual causes of a linking error',
      say: 'Sorry about the error. These are the usual causes when adding a card fails:',
      sections: ['link-card#linking-problems'],
      ask: 'Try once more after checking these: did it go through?',
      options: [
        { value: 'entered', label: 'Yes, it went through', synonyms: ['yes', 'yep', 'worked', 'went through', 'done', 'linked'], polarity: 'yes', match: { intents: ['affirm'], facts: ['setup.card_linked'] }, then: [{ to: 'confirm_code' }] },
        { value: 'still_error', label: 'Still an error', synonyms: ['still', 'no', 'nope', 'error', 'failed', 'same'], polarity: 'no', match: { intents: ['deny'], status: ['still_failing'], facts: ['!error.wrong_details', 'card.international_enabled'] }, then: [{ to: 'who_to_contact' }] },
      ],
    },
    card_not_accepted: {
      title: 'checked why the card was not accepted',
      say: "Sorry about that. Let's work out why the card isn't accepted:",
      sections: ['payment-declined#card-not-accepted', 'link-card#linking-problems'],
      ask: 'Did that sort it out?',
      options: [
        { value: 'fixed', label: 'Yes, it worked', synonyms: ['yes', 'yep', 'worked', 'it worked', 'fixed', 'sorted', 'linked'], polarity: 'yes', match: { intents: ['affirm'] }, then: [{ to: 'confirm_code' }] },
        { value: 'still_not_accepted', label: 'Still not accepted', synonyms: ['still', 'no', 'nope', 'not accepted'], polarity: 'no', match: { intents: ['deny'] }, then: [{ to: 'card_alternatives' }] },
      ],
    },
    card_alternatives: {
      title: 'looked at other ways to fund Alipay',
      say: 'Then there are other ways to pay with Alipay:',
      sections: ['link-card#alternatives'],
      ask: 'What would you like to do?',
      options: [
        { value: 'tour_pass', label: 'Tell me about the Tour Pass', synonyms: ['tour pass', 'tourpass', 'visitor'], then: [{ to: 'tour_pass_info' }] },
        { value: 'other_card', label: 'Try a different card', synonyms: ['different card', 'another card', 'other card'], then: [{ to: 'which_card', actions: FORGET_CARD }] },
        { value: 'contact', label: 'Who can help?', synonyms: ['who can help', 'contact', 'support', 'help'], then: [{ to: 'who_to_contact' }] },
      ],
    },
    who_to_contact: {
      title: 'was told who to contact',
      say: 'The people who can see what is blocking the card can help:',
      sections: ['contact-support#card-issuer', 'contact-support#alipay-support', 'contact-support#what-to-include'],
      ask: 'Would you like a person here to help, or will you contact them yourself?',
      options: contactOptions(),
    },
    contact_done: {
      end: 'done',
      say: 'Good luck! When it is sorted, come back and we will finish linking the card.',
      offer: [{ label: 'Link a card', value: 'flow:link_card' }],
    },
    paused_later: {
      end: 'pause',
      say: 'No problem. Once your bank has enabled the card, come back and we will carry on from there.',
    },
    card_linked: {
      end: 'done',
      say: 'Your card is linked. You are ready to pay on Alibaba.',
      offer: [
        { label: 'Pay on Alibaba', value: 'flow:pay_on_alibaba' },
        { label: 'Verify my identity', value: 'flow:verification' },
      ],
    },
  },
};
