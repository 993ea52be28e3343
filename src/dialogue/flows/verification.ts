import type { FlowInput } from '../flow-schema.js';
import { contactOptions } from './contact-options.js';


/** Identity documents, the card check charge, codes that do not arrive, a flagged transaction. */
export const verificationFlow: FlowInput = {
  id: 'verification',
  title: 'your verification',
  label: 'Verification help',
  start: 'which_check',
  owns: ['verify.identity_requested', 'verify.rejected', 'verify.pending', 'verify.card_check_charge'],
  elsewhere: ['verification#verification-help', 'contact-support#what-to-include'],
  steps: {
    which_check: {
      say: "Let's get you verified.",
      ask: 'Which check are you dealing with?',
      // "Two small charges after linking, is this fraud?": the charge is the card check, whatever the word "fraud" says.
      skip: [{ to: 'flagged_payment', guards: [{ name: 'slot_is', arg: 'errorKind=flagged' }, { name: 'no_fact', arg: 'verify.card_check_charge' }] }],
      options: [
        { value: 'identity', label: 'Identity documents', synonyms: ['identity', 'passport', 'id', 'document', 'documents', 'kyc', 'selfie', 'upload'], match: { facts: ['verify.identity_requested'], implies: ['verify.rejected', 'verify.pending'] }, then: [{ to: 'identity_docs' }] },
        { value: 'card_check', label: 'The card check charge', synonyms: ['charge', 'test charge', 'small charge', 'card check', '1 dollar', 'one dollar', 'charged', 'refund'], match: { facts: ['verify.card_check_charge'] }, then: [{ to: 'card_check' }] },
        { value: 'code', label: "A code that doesn't arrive", synonyms: ['code', 'sms', 'otp', 'text message', "didn't arrive", 'not arriving', 'no code'], match: { facts: ['setup.sms_code_missing'] }, then: [{ to: 'code_missing' }] },
        { value: 'flagged', label: 'A payment was flagged', synonyms: ['flagged', 'suspicious', 'held', 'frozen', 'blocked', 'fraud', 'confirm a payment'], match: { errorKind: ['flagged'], facts: ['error.risk_flagged', 'security.unknown_charge'] }, then: [{ to: 'flagged_payment' }] },
      ],
    },
    identity_docs: {
      title: 'went through the identity check with documents ready',
      say: 'Verifying your identity unlocks the full account. Have these ready:',
      sections: ['verification#documents', 'verification#follow-the-prompts'],
      ask: 'How did it go?',
      options: [
        { value: 'done', label: "I'm verified", synonyms: ['verified', 'done', 'yes', 'worked', 'finished', 'all good', 'ok'], polarity: 'yes', match: { intents: ['affirm'], facts: ['!verify.rejected'], status: ['solved'] }, then: [{ to: 'verified' }] },
        { value: 'error', label: 'I got an error', synonyms: ['error', 'failed', 'rejected', "didn't work", 'problem', 'still', 'still says', 'not verified', 'stuck', 'no'], polarity: 'no', match: { intents: ['deny'], facts: ['verify.rejected'], status: ['still_failing'] }, then: [{ to: 'verification_errors' }] },
        { value: 'pending', label: "It's still under review", synonyms: ['pending', 'under review', 'in review', 'reviewing', 'waiting'], match: { facts: ['verify.pending'] }, then: [{ to: 'review_pending' }] },
      ],
    },
    verification_errors: {
      title: 'checked the notifications for a verification error',
      say: 'Sorry about that. This is what usually lies behind a failed check:',
      sections: ['verification#verification-errors'],
      ask: 'Did that sort it out?',
      options: [
        { value: 'solved', label: 'Yes, sorted', synonyms: ['yes', 'sorted', 'solved', 'worked', 'fixed', 'verified'], polarity: 'yes', match: { intents: ['affirm'] }, then: [{ to: 'verified' }] },
        { value: 'still', label: 'Still stuck', synonyms: ['still', 'stuck', 'no', 'nope', 'error'], polarity: 'no', match: { intents: ['deny'] }, then: [{ to: 'who_to_contact' }] },
      ],
    },
    review_pending: {
      title: 'was waiting for the identity review',
      say: 'A review can take a while. While you wait:',
      // Waiting: what the guides say (and do not) about how long it takes, and who can help.
      sections: ['verification#verification-time', 'verification#verification-help'],
      ask: 'Has it come through?',
      options: [
        { value: 'done', label: "I'm verified now", synonyms: ['verified', 'approved', 'yes', 'done'], polarity: 'yes', match: { intents: ['affirm'], status: ['solved'] }, then: [{ to: 'verified' }] },
        { value: 'still', label: 'Still waiting', synonyms: ['still', 'waiting', 'no', 'nope', 'pending'], polarity: 'no', match: { intents: ['deny'], status: ['still_failing'], facts: ['verify.pending'] }, then: [{ to: 'who_to_contact' }] },
      ],
    },
    card_check: {
      title: 'learned about the card check and its test charge',
      say: 'That is the card check:',
      sections: ['verification#card-verification', 'link-card#verification-charge'],
      ask: 'Does that answer it?',
      options: [
        { value: 'answered', label: 'Yes, thanks', synonyms: ['yes', 'thanks', 'thank you', 'got it', 'ok', 'okay', 'makes sense'], polarity: 'yes', match: { intents: ['affirm', 'thanks'] }, then: [{ to: 'answered' }] },
        { value: 'not_refunded', label: "It wasn't refunded", synonyms: ['not refunded', "wasn't refunded", 'no refund', 'still charged', 'never refunded', 'no'], polarity: 'no', match: { intents: ['deny', 'refunds'] }, then: [{ to: 'charge_not_refunded' }] },
      ],
    },
    // A test charge that has not come back: refund times and the card issuer, not verification help.
    charge_not_refunded: {
      title: 'was told who can trace a test charge that was not refunded',
      say: "Sorry it hasn't come back yet. Here is what we know about refund times, and who can trace the charge:",
      sections: ['refunds#refund-time', 'contact-support#card-issuer'],
      ask: 'Would you like a person here to help, or will you contact them yourself?',
      options: contactOptions(),
    },
    code_missing: {
      title: 'looked at a code that did not arrive',
      sections: ['create-account#code-not-arriving'],
      ask: 'Did the code come through?',
      options: [
        { value: 'arrived', label: 'Yes, it came', synonyms: ['yes', 'came', 'arrived', 'got it', 'worked'], polarity: 'yes', match: { intents: ['affirm'], implies: ['!setup.sms_code_missing'] }, then: [{ to: 'verified' }] },
        { value: 'still_nothing', label: 'Still nothing', synonyms: ['still', 'nothing', 'no', 'nope'], polarity: 'no', match: { intents: ['deny'] }, then: [{ to: 'who_to_contact' }] },
      ],
    },
    flagged_payment: {
      title: 'confirmed a flagged payment in the notifications',
      say: 'A flagged payment usually just needs you to confirm it:',
      sections: ['verification#flagged-transaction'],
      ask: 'Did that clear it?',
      options: [
        { value: 'cleared', label: 'Yes, cleared', synonyms: ['yes', 'cleared', 'worked', 'done', 'sorted', 'fixed'], polarity: 'yes', match: { intents: ['affirm'] }, then: [{ to: 'verified' }] },
        { value: 'not_mine', label: "I didn't make that payment", synonyms: ['not mine', "didn't make", 'did not make', 'not me', 'fraud', 'unauthorised', 'unauthorized', 'stolen'], match: { facts: ['security.unknown_charge'] }, then: [{ to: 'report_fraud' }] },
        { value: 'still', label: 'Still blocked', synonyms: ['still', 'blocked', 'no', 'nope'], polarity: 'no', match: { intents: ['deny'] }, then: [{ to: 'who_to_contact' }] },
      ],
    },
    report_fraud: {
      title: 'was told to report a payment they did not make',
      say: 'Please act on this now:',
      sections: ['contact-support#report-fraud'],
      ask: 'Would you like a person here to help as well?',
      options: contactOptions(),
    },
    who_to_contact: {
      title: 'was told who to contact and what to include',
      say: 'Then Alipay support is the right place:',
      sections: ['verification#verification-help', 'contact-support#what-to-include'],
      ask: 'Would you like a person here to help, or will you contact them yourself?',
      options: contactOptions(),
    },
    contact_done: {
      end: 'done',
      say: 'Good luck! Come back any time if you get stuck again.',
    },
    answered: {
      end: 'done',
      say: 'Glad that helped!',
      offer: [{ label: 'Link a card', value: 'flow:link_card' }],
    },
    verified: {
      end: 'done',
      say: "Great, you're through the check.",
      offer: [{ label: 'Pay on Alibaba', value: 'flow:pay_on_alibaba' }],
    },
  },
};
