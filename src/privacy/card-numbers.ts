import { passesLuhn } from './luhn.js';

/**
 * Payment card numbers: 13 to 19 digits, written whole or in groups split by one to three
 * separators (spaces, dashes, dots, slashes, underscores, bullets…).
 *
 * A run is a card number when its digits pass the Luhn check. Long numbers that fail it (Alibaba
 * order ids, tracking and transaction numbers) are left alone: people quote them to support, staff
 * need them in the handoff summary, and a Luhn failure means the digits cannot be charged as they
 * stand. One exception, on purpose: a 13-19 digit run next to card words ("my visa 4111 1111 1111
 * 1112") is redacted even when Luhn fails, because a card number with one mistyped digit still gives
 * away fifteen real digits, and next to card words an order id is unlikely. When an order/tracking
 * word is the nearer one ("card charged twice for order 1234…"), the run stays an order id.
 * Runs longer than 19 digits in one piece (Alipay trade numbers are 28) are never card numbers.
 *
 * Dots and the other "weak" separators join only groups of 3 to 6 digits, the way card numbers are
 * written: a Slack timestamp "1732245000.123456", an amount or dates "15.01.2024 - 16.01.2024" are
 * not cards.
 *
 * A message that ends with 8-12 digits right after card words ("my card number is 4111 1111 1111")
 * is the first part of a card number someone is typing over two messages: it is redacted too.
 */
export const CARD_PLACEHOLDER = '[card number]';

export const MIN_CARD_DIGITS = 13;
export const MAX_CARD_DIGITS = 19;
const MIN_PARTIAL_DIGITS = 8;
const WEAK_GROUP = /^\d{3,6}$/;

// A run of digit groups. Each separator gap is 1-3 characters that are never digits, so the pattern
// is unambiguous and one pass over the text finds every run (linear time). A leading '+' (a phone
// number) is matched so that its first group is never taken for a card.
const SEPARATOR = String.raw`[ \-\u2010-\u2015./\\_|·•]`;
const DIGIT_RUN = new RegExp(String.raw`(?<![\p{N}+])\+?\d+(?:${SEPARATOR}{1,3}\d+)*`, 'gu');
const GROUP = /\d+/g;
const WEAK_GAP = /[^ \-\u2010-\u2015]/;

const CARD_WORDS =
  /\b(?:cards?|cc|visa|master\s?card|mc|jcb|discover|amex|american\s+express|debit|credit|union\s?pay|maestro|diners|pan|tarjeta|carte|karte|kreditkarte|cart[aã]o|carta)\b|卡号|信用卡|银行卡|карт[аы]|\[card number\]/gi;
const ID_WORDS =
  /\b(?:orders?|tracking|transactions?|trade|txn|tx|ref|reference|invoice|receipt|id|shipment|waybill|parcel|imei|serial|phone|mobile|tel)\b/gi;
const SENTENCE_END = /[.!?]\s/g;

function lastIndexOf(pattern: RegExp, text: string): number {
  let last = -1;
  for (const m of text.matchAll(pattern)) last = m.index;
  return last;
}

/** Card words near the run (same sentence), and no order/tracking word nearer to it. */
export function hasCardContext(text: string, start: number, end: number): boolean {
  let before = text.slice(Math.max(0, start - 48), start);
  const cut = lastIndexOf(SENTENCE_END, before);
  if (cut >= 0) before = before.slice(cut + 1);
  const card = lastIndexOf(CARD_WORDS, before);
  const id = lastIndexOf(ID_WORDS, before);
  if (card > id) return true;
  if (id >= 0) return false;
  let after = text.slice(end, end + 32);
  const stop = after.search(/[.!?]\s/);
  if (stop >= 0) after = after.slice(0, stop);
  return lastIndexOf(CARD_WORDS, after) >= 0;
}

export interface DigitGroup {
  digits: string;
  start: number;
  end: number;
  /** The gap before this group holds a dot, slash or other weak separator. */
  weakGap: boolean;
}

export interface DigitRun {
  groups: DigitGroup[];
  plus: boolean;
}

/**
 * The runs of digit groups in `text` that are at least `minLength` characters long, each as its
 * groups; `plus` when it starts with '+'. Shorter runs (which cannot hold a card) cost nothing.
 */
export function digitRuns(text: string, minLength = 1): DigitRun[] {
  const runs: DigitRun[] = [];
  DIGIT_RUN.lastIndex = 0;
  for (let run = DIGIT_RUN.exec(text); run !== null; run = DIGIT_RUN.exec(text)) {
    if (run[0].length >= minLength) runs.push(runAt(text, run[0], run.index));
  }
  return runs;
}

/** The first and the last run of digit groups in `text`. */
export function outerDigitRuns(text: string): { first?: DigitRun; last?: DigitRun } {
  DIGIT_RUN.lastIndex = 0;
  const first = DIGIT_RUN.exec(text);
  if (first === null) return {};
  let last: RegExpExecArray = first;
  for (let run = DIGIT_RUN.exec(text); run !== null; run = DIGIT_RUN.exec(text)) last = run;
  return { first: runAt(text, first[0], first.index), last: runAt(text, last[0], last.index) };
}

function runAt(text: string, run: string, index: number): DigitRun {
  const groups: DigitGroup[] = [];
  let previousEnd = -1;
  for (const g of run.matchAll(GROUP)) {
    const start = index + g.index;
    groups.push({ digits: g[0], start, end: start + g[0].length, weakGap: previousEnd >= 0 && WEAK_GAP.test(text.slice(previousEnd, start)) });
    previousEnd = start + g[0].length;
  }
  return { groups, plus: run.startsWith('+') };
}

/** Whether group `j` may join the group before it in one card number. */
export function joins(groups: readonly DigitGroup[], j: number): boolean {
  const group = groups[j];
  const before = groups[j - 1];
  if (!group || !before) return false;
  return !group.weakGap || (WEAK_GROUP.test(group.digits) && WEAK_GROUP.test(before.digits));
}

/** Replaces every card number in `text` with the placeholder; returns how many were found. */
export function redactCardNumbers(text: string): { text: string; count: number } {
  const spans: Array<[number, number]> = [];
  const runs = digitRuns(text, MIN_PARTIAL_DIGITS);
  for (const { groups, plus } of runs) {
    // The first group after a '+' is a country code: a phone number, never the start of a card.
    const taken = groups.map((_, i) => i === 0 && plus);
    // Luhn-valid numbers first, wherever they start; then, near card words, card-length runs that fail it.
    for (const luhnOnly of [true, false]) {
      for (let i = 0; i < groups.length; i++) {
        const end = taken[i] ? undefined : longestCardAt(text, groups, taken, i, luhnOnly);
        if (end === undefined) continue;
        for (let k = i; k < end; k++) taken[k] = true;
        spans.push([groups[i]!.start, groups[end - 1]!.end]);
        i = end - 1;
      }
    }
  }
  const partial = partialCardAtEnd(text, runs.at(-1));
  if (partial && !spans.some(([start, end]) => start < partial[1] && partial[0] < end)) spans.push(partial);
  if (spans.length === 0) return { text, count: 0 };
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    out += text.slice(at, start) + CARD_PLACEHOLDER;
    at = end;
  }
  return { text: out + text.slice(at), count: spans.length };
}

/** The end (exclusive group index) of the longest card number starting at group `i`, if any. */
function longestCardAt(text: string, groups: DigitGroup[], taken: boolean[], i: number, luhnOnly: boolean): number | undefined {
  let digits = '';
  let found: number | undefined;
  for (let j = i; j < groups.length && !taken[j] && (j === i || joins(groups, j)); j++) {
    digits += groups[j]!.digits;
    if (digits.length > MAX_CARD_DIGITS) break;
    if (digits.length >= MIN_CARD_DIGITS && (!luhnOnly || passesLuhn(digits))) found = j + 1;
  }
  if (found === undefined || luhnOnly) return found;
  return hasCardContext(text, groups[i]!.start, groups[found - 1]!.end) ? found : undefined;
}

// What may follow the last digit of a message: a few spaces or punctuation marks.
const MESSAGE_END = /^[\s.,;:!?)-]{0,3}$/;

/** The trailing joined groups of the last run when they end the message, or undefined. */
export function trailingGroups(text: string, run: DigitRun | undefined): DigitGroup[] | undefined {
  if (!run || run.plus) return undefined;
  const last = run.groups.at(-1);
  if (!last || !MESSAGE_END.test(text.slice(last.end))) return undefined;
  let first = run.groups.length - 1;
  while (first > 0 && joins(run.groups, first)) first--;
  return run.groups.slice(first);
}

/** A message ending in the first 8-12 digits of a card right after card words (see above). */
function partialCardAtEnd(text: string, run: DigitRun | undefined): [number, number] | undefined {
  const groups = trailingGroups(text, run);
  if (!groups) return undefined;
  let digits = 0;
  let first = groups.length;
  while (first > 0 && digits + groups[first - 1]!.digits.length < MIN_CARD_DIGITS) digits += groups[--first]!.digits.length;
  if (digits < MIN_PARTIAL_DIGITS || first === groups.length) return undefined;
  const start = groups[first]!.start;
  const end = groups.at(-1)!.end;
  return hasCardContext(text, start, end) ? [start, end] : undefined;
}
