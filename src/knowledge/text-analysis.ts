import { foldAccents } from '../text/fold-accents.js';
import { MIXED_IN_WORDS } from '../text/mixed-in-words.js';
import { stem } from '../text/stem.js';

export { stem };

/** Words too common to tell sections apart, and chat fillers. "why", "who", "not" and "id" stay: they match headings and facts. */
const STOP_WORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for from with as is are was were be been being am do does did ' +
    'i me my mine you your yours we our us it its this that these those there here he she they them their his her ' +
    'what which whom when where can could would should will shall may might must have has had having ' +
    'just also very too than into onto about please hi hello thanks thank any some all each up out over again ' +
    'get got im ive one how want wants wanted need needs like know tell ' +
    'thing things something anything way ok okay yes keeps kept getting gets use using used ' +
    'really actually exactly basically literally anyway maybe perhaps kindly guys ' +
    // greetings, fillers and chat shorthand: how people talk, not what about
    'sir madam dear hey regards cheers bro thx ty pls plz lol omg wtf asap u ur ya yeah yep hmm um ah oh haha honestly seriously'
  )
    .split(' ')
    // The politeness and function words of the languages people mix in ("hola", "po", "soy estudiante en"):
    // they say nothing of the subject but would count as rare unknown words and sink the question's coverage.
    .concat(MIXED_IN_WORDS),
);

/**
 * One spelling per word before stemming, applied to sections and questions alike: British and
 * American spellings, and the negations ("can't", "cannot", "won't") that the sections write as "not".
 */
const SPELLING: Readonly<Record<string, string>> = {
  cant: 'not', cannot: 'not', dont: 'not', doesnt: 'not', didnt: 'not', isnt: 'not', wont: 'not', couldnt: 'not', shouldnt: 'not', wouldnt: 'not', arent: 'not', wasnt: 'not', werent: 'not', havent: 'not', hasnt: 'not',
  authorise: 'authorize', authorised: 'authorized', authorising: 'authorizing', authorisation: 'authorization',
  unauthorised: 'unauthorized', recognise: 'recognize', recognised: 'recognized', organise: 'organize', organised: 'organized',
  realise: 'realize', realised: 'realized', cancelled: 'canceled', cancelling: 'canceling', centre: 'center', centres: 'centers',
  licence: 'license', enrol: 'enroll', enrolment: 'enrollment', travelling: 'traveling', traveller: 'traveler', travellers: 'travelers',
  programme: 'program', programmes: 'programs', favourite: 'favorite', colour: 'color', cheque: 'check', cheques: 'checks',
  apologise: 'apologize', minimise: 'minimize', maximise: 'maximize', customise: 'customize', customised: 'customized',
  emphasise: 'emphasize', prioritise: 'prioritize', summarise: 'summarize', utilise: 'utilize', finalise: 'finalize',
  defence: 'defense', offence: 'offense', judgement: 'judgment', fulfil: 'fulfill', instalment: 'installment', instalments: 'installments',
  whats: 'what', wheres: 'where', hows: 'how', whys: 'why',
  // Negations in the languages people mix in read as "not", like English ones.
  nao: 'not', tidak: 'not', tdk: 'not', gak: 'not', nggak: 'not', nahi: 'not', nahin: 'not', wala: 'not', pas: 'not', degil: 'not',
  // "visa or master": the card network, however short.
  master: 'mastercard',
};

/** A word in its one spelling (see SPELLING). */
export function normalizeSpelling(word: string): string {
  return SPELLING[word] ?? word;
}

/** Symbols that are words: "3%" asks about a percentage, "¥500" about yuan. */
const SYMBOL_WORDS: Readonly<Record<string, string>> = { '%': 'percent', $: 'dollar', '€': 'euro', '£': 'pound', '¥': 'yuan', '₹': 'rupee', '₦': 'naira' };
const SYMBOLS = /[%$€£¥₹₦]/g;

/** Lower-cased words of a text: letters and digits, apostrophes dropped ("don't" → "dont"), money symbols as words. */
export function words(text: string): string[] {
  return foldAccents(text.toLowerCase().replace(SYMBOLS, (symbol) => ` ${SYMBOL_WORDS[symbol] ?? ''} `))
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** Whether a word is a bare number ("2", "8000"): an amount or a step, not a subject. */
export function isNumber(word: string): boolean {
  return /^\d+$/.test(word);
}

/** Whether a (lower-case, normalised) word is too common to search by. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

/** The words a text is searched by, in one spelling, without stop words (not yet stemmed). */
export function contentWords(text: string): string[] {
  const out: string[] = [];
  for (const word of readMaximum(foldDocumentCards(words(text).map(normalizeSpelling)))) {
    if (!STOP_WORDS.has(word)) out.push(word);
  }
  return out;
}

/**
 * An ID card is a document, not a payment card: "card" right after "id" or "identity" becomes
 * "idcard", so "is a german ID card ok?" is not read as a question about cards.
 */
export function foldDocumentCards(tokens: string[]): string[] {
  for (let i = 1; i < tokens.length; i++) {
    if ((tokens[i] === 'card' || tokens[i] === 'cards') && ID_WORDS.has(tokens[i - 1] ?? '')) tokens[i] = 'idcard';
  }
  return tokens;
}

const ID_WORDS = new Set(['id', 'identity', 'identification']);

/** People who can pay, send or spend: "how much can I pay" asks for a limit, "how much does it cost" does not. */
const PEOPLE = new Set(['i', 'we', 'you']);

/**
 * "The most I can pay", "at most", "how much can I send" ask for a maximum, which our sections
 * call a limit; "the most common cards" does not ("most" before a word of its own stays).
 */
export function readMaximum(tokens: string[]): string[] {
  for (let i = 1; i < tokens.length; i++) {
    const next = tokens[i + 1];
    const bareMost = tokens[i] === 'most' && (tokens[i - 1] === 'the' || tokens[i - 1] === 'at') && (next === undefined || STOP_WORDS.has(next) || isNumber(next));
    const howMuchCan = tokens[i] === 'much' && tokens[i - 1] === 'how' && tokens[i + 1] === 'can' && PEOPLE.has(tokens[i + 2] ?? '');
    if (bareMost || howMuchCan) tokens[i] = 'maximum';
  }
  return tokens;
}

/** The terms a text is indexed and searched by: words without stop words, stemmed. */
export function analyze(text: string): string[] {
  return contentWords(text).map(stem);
}
