import type { FlowInput } from '../flow-schema.js';
import { contactOptions } from './contact-options.js';

/** New to Alipay: the app, signing up with a phone number and its code, a payment password, a card, identity. */
export const accountSetupFlow: FlowInput = {
  id: 'account_setup',
  title: 'setting up your Alipay account',
  label: 'Set up Alipay',
  start: 'get_app',
  intro: "Let's set up your Alipay account together, one step at a time.",
  owns: ['setup.phone_not_accepted', 'setup.no_account'],
  elsewhere: ['contact-support#alipay-support', 'contact-support#what-to-include'],
  steps: {
    get_app: {
      title: 'installed the official Alipay app',
      say: "Let's set up your Alipay account together, one step at a time. First, the app:",
      sections: ['create-account#download-the-app'],
      ask: 'Do you have the Alipay app on your phone?',
      options: [
        // A code that does not come or a number refused at sign-up: the app is there already.
        { value: 'installed', label: "Yes, it's installed", synonyms: ['installed', 'yes', 'yep', 'done', 'got it', 'have it', 'downloaded'], polarity: 'yes', match: { intents: ['affirm'], facts: ['setup.app_installed'], implies: ['setup.sms_code_missing', 'setup.phone_not_accepted', 'setup.signed_up'] }, then: [{ to: 'sign_up' }] },
        { value: 'have_account', label: 'I already have an account', synonyms: ['already have an account', 'already have one', 'already signed up', 'already registered', 'have an account', 'log in', 'login'], match: { facts: ['!setup.no_account'] }, then: [{ to: 'log_in' }] },
        { value: 'not_yet', label: 'Not yet', synonyms: ['not yet', 'no', 'nope', "can't find", 'cannot find'], polarity: 'no', match: { intents: ['deny'], implies: ['setup.no_account'] }, then: [{ to: 'install_app' }] },
      ],
    },
    install_app: {
      say: 'Take your time. Please only use the official app:',
      sections: ['security#official-app'],
      ask: "Tell me when it's installed.",
      options: [
        { value: 'installed', label: "It's installed", synonyms: ['installed', 'yes', 'done', 'got it', 'ready', 'ok', 'okay'], polarity: 'yes', match: { intents: ['affirm'], facts: ['setup.app_installed'], implies: ['setup.signed_up'] }, then: [{ to: 'sign_up' }] },
        { value: 'later', label: "I'll do it later", synonyms: ['later', 'not now', 'another time'], then: [{ to: 'paused_later' }] },
      ],
    },
    log_in: {
      title: 'logged in to an existing account',
      say: 'Good, that saves a step.',
      sections: ['create-account#log-in'],
      ask: "Once you're logged in, let's check the rest of your setup. Do you have a payment password?",
      options: [
        // "I have an account and the payment password is set": answered in the first message.
        { value: 'has_password', label: 'Yes, I have one', synonyms: ['yes', 'yep', 'i do', 'have one', 'already'], polarity: 'yes', match: { intents: ['affirm'], facts: ['setup.payment_password_set'] }, then: [{ to: 'link_card' }] },
        { value: 'no_password', label: 'No, not yet', synonyms: ['no', 'nope', 'not yet'], polarity: 'no', match: { intents: ['deny'], facts: ['!setup.payment_password_set'] }, then: [{ to: 'payment_password' }] },
      ],
    },
    sign_up: {
      title: 'signed up with a phone number and its code',
      say: 'Next, create your account with your phone number:',
      sections: ['create-account#sign-up-with-phone', 'create-account#phone-code'],
      ask: 'Did the code arrive, and are you signed up?',
      options: [
        // "The code came, now it wants a payment password": a code that arrived means signed up.
        { value: 'signed_up', label: "Yes, I'm signed up", synonyms: ['signed up', 'yes', 'yep', 'done', 'it worked', 'got it', 'arrived', 'registered'], polarity: 'yes', match: { intents: ['affirm'], facts: ['setup.signed_up'], implies: ['!setup.sms_code_missing'] }, then: [{ to: 'payment_password' }] },
        { value: 'no_code', label: "The code didn't arrive", synonyms: ['no code', "didn't arrive", 'did not arrive', 'never arrived', 'no sms', 'not received', 'never got', "didn't get", "haven't got", "haven't received", 'never came', 'no', 'nope'], polarity: 'no', match: { intents: ['deny'], facts: ['setup.sms_code_missing'] }, then: [{ to: 'code_not_arriving' }] },
        { value: 'number_refused', label: "My number isn't accepted", synonyms: ['number', 'not accepted', 'invalid number', 'phone number'], match: { facts: ['setup.phone_not_accepted'] }, then: [{ to: 'number_not_accepted' }] },
      ],
    },
    code_not_arriving: {
      title: 'looked at a code that did not arrive',
      say: "Let's sort out the code:",
      sections: ['create-account#code-not-arriving'],
      ask: 'Did it work this time?',
      options: [
        { value: 'signed_up', label: 'Yes, it worked', synonyms: ['yes', 'yep', 'worked', 'it worked', 'arrived', 'got it', 'signed up', 'done'], polarity: 'yes', match: { intents: ['affirm'], facts: ['setup.signed_up'], implies: ['!setup.sms_code_missing'] }, then: [{ to: 'payment_password' }] },
        { value: 'still_no_code', label: 'Still no code', synonyms: ['still no code', 'still nothing', 'no', 'nope', 'not yet', 'still'], polarity: 'no', match: { intents: ['deny'] }, then: [{ to: 'who_to_contact' }] },
      ],
    },
    number_not_accepted: {
      title: 'looked at a phone number that was not accepted',
      say: 'A foreign number usually works, with a couple of things to check:',
      sections: ['create-account#international-users', 'create-account#sign-up-with-phone'],
      ask: 'Did it accept your number this time?',
      options: [
        { value: 'signed_up', label: 'Yes, it worked', synonyms: ['yes', 'worked', 'accepted', 'signed up', 'done'], polarity: 'yes', match: { intents: ['affirm'], status: ['solved'] }, then: [{ to: 'payment_password' }] },
        { value: 'still_refused', label: 'Still not accepted', synonyms: ['still', 'no', 'nope', 'not accepted', 'invalid'], polarity: 'no', match: { intents: ['deny'], status: ['still_failing'], facts: ['setup.phone_not_accepted'] }, then: [{ to: 'who_to_contact' }] },
      ],
    },
    payment_password: {
      title: 'set a payment password',
      say: 'Now your payment password:',
      sections: ['create-account#payment-password'],
      ask: "Tell me when it's set (just say done; never type the password here).",
      options: [
        { value: 'password_set', label: "It's set", synonyms: ['set', 'done', 'yes', 'ok', 'okay', 'finished', 'ready', 'next'], polarity: 'yes', match: { intents: ['affirm'], facts: ['setup.payment_password_set'] }, then: [{ to: 'link_card' }] },
      ],
    },
    link_card: {
      title: 'talked about linking a card',
      say: 'Next comes a card to pay with:',
      sections: ['create-account#international-users'],
      ask: 'Shall I walk you through linking your card?',
      options: [
        { value: 'walk_me', label: 'Yes, link a card', synonyms: ['yes', 'yep', 'sure', 'please', 'walk me', 'link a card', 'link my card', 'ok', 'okay'], polarity: 'yes', match: { intents: ['affirm'] }, then: [{ to: 'flow:link_card' }] },
        { value: 'already_linked', label: 'My card is already linked', synonyms: ['already linked', 'already done', 'already have a card', 'linked'], match: { facts: ['setup.card_linked'] }, then: [{ to: 'verify_identity' }] },
        { value: 'skip', label: 'Skip for now', synonyms: ['skip', 'later', 'not now', 'no', 'nope'], polarity: 'no', match: { intents: ['deny'] }, then: [{ to: 'verify_identity' }] },
      ],
    },
    verify_identity: {
      title: 'looked at identity verification for higher limits',
      say: 'Last, verifying your identity unlocks higher limits:',
      sections: ['verification#passport-for-limits', 'verification#follow-the-prompts'],
      ask: 'How would you like to go on?',
      options: [
        { value: 'verified', label: "I'm verified", synonyms: ['verified', 'done', 'yes', 'finished', 'all done'], polarity: 'yes', match: { intents: ['affirm'] }, then: [{ to: 'all_set' }] },
        { value: 'later', label: "I'll do it later", synonyms: ['later', 'skip', 'not now', 'no'], polarity: 'no', match: { intents: ['deny'] }, then: [{ to: 'all_set' }] },
        { value: 'stuck', label: "I'm stuck on it", synonyms: ['stuck', 'error', 'problem', 'failed', "doesn't work", 'not working', 'help'], match: { facts: ['verify.rejected', 'verify.pending'] }, then: [{ to: 'flow:verification' }] },
      ],
    },
    who_to_contact: {
      title: 'was told who to contact',
      say: 'Then the people who can look at your account should help:',
      sections: ['contact-support#alipay-support', 'contact-support#what-to-include'],
      ask: 'Would you like a person here to help, or will you contact Alipay yourself?',
      options: contactOptions(),
    },
    contact_done: {
      end: 'done',
      say: "Good luck! Come back any time and we'll carry on with your setup.",
      offer: [{ label: 'Set up Alipay again', value: 'flow:account_setup' }],
    },
    paused_later: {
      end: 'pause',
      say: 'No problem. Come back when the app is installed and we will pick it up from there.',
    },
    all_set: {
      end: 'done',
      say: "That's it: your Alipay account is ready. One last tip:",
      sections: ['create-account#keep-it-secure'],
      offer: [{ label: 'Pay on Alibaba', value: 'flow:pay_on_alibaba' }],
    },
  },
};
