/**
 * What a message is, as a whole, before anyone reads its words as an answer or a topic: only a
 * pasted secret ("here it is [card number]"), a bare yes/no ("nope, not yet"), or a sentence that
 * merely contains a "no" ("my cvv is [cvv] and it still fails" says something, it is not a "no").
 */
import { normalise } from './button-values.js';

/** The privacy guard's placeholders: "[card number]", "[cvv]", "[code]", "[password]", … */
const PLACEHOLDER = /\[[a-z ]{1,30}\]/gi;

/** Words that only present a pasted secret: "here it is", "the number is", "my cvv is". */
const PRESENTING = new Set(
  (
    'here heres it its is are was this that thats the a an my mine our your card cards number numbers no num digits ' +
    'cvv cvc cvv2 security code codes password passcode pin expiry expiration date exp and of for you to is in ' +
    'ok okay so just full details detail as below above asked requested sure use try with i im ive got typed entered ' +
    'new old visa mastercard jcb discover amex which one same again also please pls thanks thank'
  ).split(' '),
);

export function hasPlaceholder(text: string): boolean {
  return new RegExp(PLACEHOLDER.source, 'i').test(text);
}

export function withoutPlaceholders(text: string): string {
  return normalise(text.replace(PLACEHOLDER, ' '));
}

/**
 * The message is a pasted secret and words that only present it: nothing in it answers a question
 * or names a problem, so it must never pick an option or start a topic.
 */
export function onlyPresentsSecret(text: string): boolean {
  if (!hasPlaceholder(text)) return false;
  return withoutPlaceholders(text)
    .split(' ')
    .every((word) => word === '' || PRESENTING.has(word));
}

const YES_NO_START = /^(yes|yeah|yep|yup|ya|sure|ok|okay|correct|right|no|nope|nah|not really|not yet|never|of course|absolutely|definitely)\b/;

/**
 * A reply-shaped yes or no: short, or opening with the yes/no word. Only such a message is read
 * as affirm/deny as a whole; a longer sentence with a "no" inside says something else.
 */
export function isBareReply(text: string): boolean {
  const plain = withoutPlaceholders(text);
  if (plain === '') return false;
  return plain.split(' ').length <= 4 || YES_NO_START.test(plain);
}

const YES_WORDS = new Set('yes yeah yep yup ya sure ok okay alright fine correct absolutely definitely course go ahead lets do it'.split(' '));
const NO_WORDS = new Set('no nope nah not now later'.split(' '));
const POLITE_WORDS = new Set('please pls thanks thank you of really right'.split(' '));

/**
 * Nothing but yes/no words ("yes please", "sure", "no thanks"): it answers the last yes/no question
 * the bot asked, whatever it was. Returns which, or undefined for any other message.
 */
export function bareYesOrNo(text: string): 'yes' | 'no' | undefined {
  const words = withoutPlaceholders(text).split(' ');
  if (words.length > 5 || !words.every((w) => YES_WORDS.has(w) || NO_WORDS.has(w) || POLITE_WORDS.has(w))) return undefined;
  if (words.some((w) => NO_WORDS.has(w))) return 'no';
  return words.some((w) => YES_WORDS.has(w)) ? 'yes' : undefined;
}

export function isOnlyYesOrNo(text: string): boolean {
  return bareYesOrNo(text) !== undefined;
}

/** "...", "?!": punctuation and symbols only, no words to read. */
export function hasNoWords(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text) && !/\p{Extended_Pictographic}/u.test(text);
}

/** A bank, also by a name that holds the word: "Landsbankinn", "Sberbank", "Bancolombia", "banco". */
const BANK = String.raw`bank|banks|banco|banque|[a-z]+bank(?:en|inn|a|i|o|s)?|banc[a-z]+`;
const BANK_OR_ISSUER = new RegExp(String.raw`\b(${BANK}|issuer|card company)\b`);
/** Someone to get in touch with: the bank, Alipay, support, the seller (not "my boss", not "the app"). */
const CONTACT = new RegExp(String.raw`\b(call|calling|phone|ring|contact|email|e-mail|write to|message|text|talk to|speak to|speak with|ask|visit|reach|get in touch with|check with|go to)\b.*\b(${BANK}|card company|card issuer|issuer|alipay|alibaba|support|supplier|seller|customer service|hotline|helpline|branch|them)\b`);

/** "I'll phone my bank" names someone to contact; "I'll check back tomorrow" only comes back. */
export function namesSomeoneToContact(text: string): boolean {
  return CONTACT.test(normalise(text));
}

/** The contact sections of the parties a message names, in a fixed order: "alibaba or my bank?" names two. */
export function namedParties(text: string): string[] {
  const t = normalise(text);
  const named: string[] = [];
  if (/\balipay\b/.test(t)) named.push('contact-support#alipay-support');
  if (/\b(alibaba|seller|supplier|order)\b/.test(t)) named.push('contact-support#alibaba-support');
  if (BANK_OR_ISSUER.test(t)) named.push('contact-support#card-issuer');
  return named;
}

/**
 * The question in a message that also says something else ("code came and I'm registered. can the
 * payment password be the same as my login one?"): its sentences that end with "?", when at least
 * one other sentence is not a question. Undefined when the message is all question or has none.
 */
export function questionBesideAnswer(text: string): string | undefined {
  const sentences = text.match(/[^.?!\n]+[.?!\n]*/g)?.map((s) => s.trim()).filter((s) => /[\p{L}\p{N}]/u.test(s)) ?? [];
  const questions = sentences.filter((s) => s.endsWith('?'));
  if (questions.length === 0 || questions.length === sentences.length) return undefined;
  const asked = questions.join(' ');
  // "ok, what next?" asks nothing the knowledge base could answer.
  return withoutPlaceholders(asked).split(' ').length >= 4 ? asked : undefined;
}

const SECRET_THING = /\b(card numbers?|full (card )?number|cvv2?|cvc|security code|pin|password|passcode|otp|one time (password|code)|verification code|sms code|the code|codes?)\b/;
const HANDING_OVER = /\b(send|sending|share|sharing|give|giving|put|include|including|tell|telling|type|write|email|e-mail|read (it )?out|read|paste|post|forward)\b/;
const ASKING_WHETHER = /\?|^(should|shall|can|could|do|must|is it|would|may)\b|\b(should i|can i|do i|must i|is it (ok|okay|safe|fine)|do they need|do you need|would it)\b/;
/** "I clicked it and put my login and password, what do I do now": already handed over, a report (a scam), not a question whether to. */
const ALREADY_HANDED = /\b(gave|typed|entered|shared|told|wrote|pasted|posted|forwarded|clicked|already (sent|put|given))\b|\b(and|then) (i )?(put|sent)\b|^i (just )?(put|sent)\b|\b(did not|didnt|never) (type|enter|give|share|send|put|write)\b/;

/**
 * "Should I put my card number and CVV in the email so they check faster?": asks whether to hand a
 * secret over. The answer is always no, in our own words, whatever else the message is about. Not
 * a report of someone asking for one (that is phishing), nor where to type it in the app.
 */
export function asksAboutSharingSecret(text: string): boolean {
  const t = normalise(text.replace(PLACEHOLDER, ' ')).trim();
  if (ALREADY_HANDED.test(t) || /\b(asked|asking|asks|wants|wanted|called|phoned|someone|somebody|scam)\b/.test(t) || /\b(in|into|on) (the )?(alipay )?(app|alipay)\b/.test(t)) return false;
  // One sentence must ask it: "Payment password done. Do I need to tell the bank something?" names a
  // secret in one sentence and asks about telling in another, which is no question about sharing it.
  const sentences = text.replace(PLACEHOLDER, ' ').match(/[^.?!\n]+[.?!]*/g) ?? [];
  return sentences.some((sentence) => {
    const words = normalise(sentence).trim();
    return SECRET_THING.test(words) && HANDING_OVER.test(words) && ASKING_WHETHER.test(sentence.toLowerCase().trim());
  });
}

/** "What does that mean?", "huh?", "I don't get it": asks about what was just said, naming nothing new. */
const ABOUT_THE_LAST_ANSWER = /^(so )?(what|wat|wht) (does|do|did) (that|it|this|they|those) (even |actually |really )?mean\??$|^(what do you mean|meaning|explain|explain (that|it|please|pls)|please explain|i (dont|do not|did not|didnt) (understand|get it|get that)|not clear|huh|sorry what|what)\??$/;

export function asksAboutTheLastAnswer(text: string): boolean {
  return ABOUT_THE_LAST_ANSWER.test(normalise(text).replace(/\s*\?+\s*$/, '?').trim());
}

/** The person looked at the Alipay side too: "in alipay history nothing", "alipay bills also nothing", "historial". */
const LOOKED_AT_HISTORY = /\b(history|historial|historico|bills|records|transactions|riwayat)\b/;

/** Whether a report is told as the result of a check: asking what it means, or the history looked at too. */
export function toldAsCheck(asksQuestion: boolean, text: string): boolean {
  return asksQuestion || LOOKED_AT_HISTORY.test(text.toLowerCase());
}

/** Checks reported done: "yes number is correct, wifi is ok also", "checked it twice". */
const CHECKS_REPORTED = /\b(is|are|s|was|were)\s+(correct|right|fine|ok|okay|good|working|normal)\b|\bchecked\b/;

export function reportsChecks(text: string): boolean {
  return CHECKS_REPORTED.test(text.toLowerCase());
}
