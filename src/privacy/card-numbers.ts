import { passesLuhn } from './luhn.js';

/**
 * Payment card numbers: 13 to 19 digits, written whole or in groups split by one space or dash.
 *
 * A run is a card number when its digits pass the Luhn check. Long numbers that fail it (Alibaba
 * order ids, tracking and transaction numbers) are left alone: people quote them to support, staff
 * need them in the handoff summary, and a Luhn failure means the digits cannot be charged as they
 * stand. One exception, on purpose: a 13-19 digit run next to card words ("my visa 4111 1111 1111
 * 1112") is redacted even when Luhn fails, because a card number with one mistyped digit still gives
 * away fifteen real digits, and next to card words an order id is unlikely. When an order/tracking
 * word is the nearer one ("card charged twice for order 1234…"), the run stays an order id.
 * Runs longer than 19 digits in one piece (Alipay trade numbers are 28) are never card numbers.
 */
export const CARD_PLACEHOLDER = '[card number]';

const MIN_DIGITS = 13;
const MAX_DIGITS = 19;

// A run of digit groups: `4111 1111 1111 1111`, `4111-1111-1111-1111`, `4111111111111111`.
// A leading '+' (a phone number) is matched so that its first group is never taken for a card.
// Not dots: "1732245000.123456" (a Slack timestamp) and amounts are not cards.
const DIGIT_RUN = /(?<![\p{N}+])\+?\d+(?:[ \-\u2010-\u2015]\d+)*/gu;
const GROUP = /\d+/g;

const CARD_WORDS =
  /\b(?:cards?|cc|visa|master\s?card|mc|jcb|discover|amex|american\s+express|debit|credit|union\s?pay|maestro|diners|pan)\b|\[card number\]/gi;
const ID_WORDS =
  /\b(?:orders?|tracking|transactions?|trade|txn|tx|ref|reference|invoice|receipt|id|shipment|waybill|parcel|imei|serial|phone|mobile|tel)\b/gi;
const SENTENCE_END = /[.!?]\s/g;

function lastIndexOf(pattern: RegExp, text: string): number {
  let last = -1;
  for (const m of text.matchAll(pattern)) last = m.index;
  return last;
}

/** Card words near the run (same sentence), and no order/tracking word nearer to it. */
function hasCardContext(text: string, start: number, end: number): boolean {
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

interface Group {
  digits: string;
  start: number;
  end: number;
}

/** Replaces every card number in `text` with the placeholder; returns how many were found. */
export function redactCardNumbers(text: string): { text: string; count: number } {
  const spans: Array<[number, number]> = [];
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups: Group[] = [];
    for (const g of run[0].matchAll(GROUP)) groups.push({ digits: g[0], start: run.index + g.index, end: run.index + g.index + g[0].length });
    // The first group after a '+' is a country code: a phone number, never the start of a card.
    const taken = groups.map((_, i) => i === 0 && run[0].startsWith('+'));
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
function longestCardAt(text: string, groups: Group[], taken: boolean[], i: number, luhnOnly: boolean): number | undefined {
  let digits = '';
  let found: number | undefined;
  for (let j = i; j < groups.length && !taken[j]; j++) {
    digits += groups[j]!.digits;
    if (digits.length > MAX_DIGITS) break;
    if (digits.length >= MIN_DIGITS && (!luhnOnly || passesLuhn(digits))) found = j + 1;
  }
  if (found === undefined || luhnOnly) return found;
  return hasCardContext(text, groups[i]!.start, groups[found - 1]!.end) ? found : undefined;
}
