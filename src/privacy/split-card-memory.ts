import type { PrivacyGuard, Redaction } from '../core/ports.js';
import { CARD_PLACEHOLDER, hasCardContext, joins, MAX_CARD_DIGITS, MIN_CARD_DIGITS, outerDigitRuns, trailingGroups, type DigitGroup, type DigitRun } from './card-numbers.js';
import { luhnSums } from './luhn.js';
import { normaliseForMatching } from './normalise-text.js';

/**
 * A card number typed over two (or more) consecutive messages: "my card is 4111 1111" then
 * "1111 1111". Each message alone is harmless; together they are a card. The guard treats the end of
 * a conversation's previous message and the start of this one as one text for card numbers, without
 * keeping the previous message's digits: all it keeps of a message that ends in digits is a marker
 *   { how many digits, their two Luhn partial sums mod 10, whether card words came before them }.
 * The two sums (one per parity of whatever follows) are all the Luhn check needs to test
 * "previous digits + these digits", and they cannot give the digits back: 18 digits become two
 * numbers 0-9. The marker lives in this process's memory for a few minutes, never in a store or log.
 *
 * The second message's leading digits are redacted when, joined to the marker, they make 13-19
 * digits that pass the Luhn check (or, after card words, any 13-19 digits). A message that is only
 * digits continuing such a run is redacted while the run could still become a card (9-18 digits),
 * and the marker grows: "4111 1111" / "1111" / "1111" is caught on the third message, and the
 * second one is not shown either. The first message's digits are what it shows: 8 digits or fewer
 * (a card's issuer prefix) unless card words came before them (card-numbers.ts redacts those).
 */
export interface SplitCardGuard {
  /** Redacts one message of a conversation, joining its leading digits to the previous message's trailing ones. */
  redact(conversationKey: string, eventId: string, text: string, at: number): Redaction;
}

export interface SplitCardGuardOptions {
  /** How long the end of a message is remembered (default 5 minutes: a split card is typed in seconds). */
  ttlMs?: number;
  /** Conversations remembered at most; the oldest are forgotten first (default 10,000). */
  maxConversations?: number;
}

interface Tail {
  digits: number;
  sums: readonly [number, number];
  cardWords: boolean;
  at: number;
}

interface Memory {
  /** The event that left `tail`, and the tail before it, so a retried event sees what the first try saw. */
  eventId: string;
  tail: Tail | undefined;
  before: Tail | undefined;
}

const MIN_PARTIAL = 9;
// Only what may come before the second half of a card: "and ", "rest: ", "then" …
const LEAD_IN = /^[^\d]{0,24}$/;
const ONLY_DIGIT_RUN = /^[\s\d\-\u2010-\u2015./\\_|·•]*$/;

export function createSplitCardGuard(guard: PrivacyGuard, options: SplitCardGuardOptions = {}): SplitCardGuard {
  const ttlMs = options.ttlMs ?? 5 * 60_000;
  const maxConversations = options.maxConversations ?? 10_000;
  const memory = new Map<string, Memory>();

  function previousTail(key: string, eventId: string, at: number): Tail | undefined {
    const entry = memory.get(key);
    const tail = entry?.eventId === eventId ? entry.before : entry?.tail;
    return tail && at - tail.at < ttlMs ? tail : undefined;
  }

  function remember(key: string, eventId: string, tail: Tail | undefined, before: Tail | undefined): void {
    memory.delete(key);
    if (tail === undefined && before === undefined) return;
    memory.set(key, { eventId, tail, before });
    if (memory.size > maxConversations) {
      const oldest = memory.keys().next();
      if (!oldest.done) memory.delete(oldest.value);
    }
  }

  return {
    redact(conversationKey, eventId, raw, at) {
      const text = normaliseForMatching(raw);
      const previous = previousTail(conversationKey, eventId, at);
      const { first, last } = outerDigitRuns(text);
      let joined: { end: number; tail: Tail | undefined } | undefined;
      if (previous && first && !first.plus && LEAD_IN.test(text.slice(0, first.groups[0]!.start))) {
        joined = continueRun(previous, first.groups, ONLY_DIGIT_RUN.test(text), at);
      }
      let working = text;
      let tail: Tail | undefined;
      if (joined) {
        const start = first!.groups[0]!.start;
        working = text.slice(0, start) + CARD_PLACEHOLDER + text.slice(joined.end);
        // A run that completed a card with the previous message's digits may also be the start of
        // another: "the code is 300098" / "card 58632362" / "0100006" (the code and the first half
        // passing Luhn by chance) must still catch the second half.
        tail = joined.tail ?? tailOf(text, last, at);
      } else {
        tail = tailOf(text, last, at);
      }
      remember(conversationKey, eventId, tail, previous);
      const redaction = guard.redact(working);
      if (joined && !redaction.findings.includes('card_number')) redaction.findings.unshift('card_number');
      return redaction;
    },
  };
}

/**
 * How much of this message's first run continues the previous message's digits into a card: the end
 * (text offset) of what to redact, and the marker to keep when the run may go on in the next message.
 */
function continueRun(previous: Tail, groups: DigitGroup[], onlyDigits: boolean, at: number): { end: number; tail: Tail | undefined } | undefined {
  let digits = '';
  let card: number | undefined;
  for (let j = 0; j < groups.length && (j === 0 || joins(groups, j)); j++) {
    digits += groups[j]!.digits;
    const total = previous.digits + digits.length;
    if (total > MAX_CARD_DIGITS) break;
    if (total < MIN_CARD_DIGITS) continue;
    const sums = luhnSums(digits);
    if ((previous.sums[digits.length % 2]! + sums[0]) % 10 === 0 || previous.cardWords) card = j;
  }
  if (card !== undefined) return { end: groups[card]!.end, tail: undefined };
  // A message of digits only, continuing a run that may still become a card: hide it and go on.
  const all = groups.map((g) => g.digits).join('');
  const total = previous.digits + all.length;
  if (!onlyDigits || total < MIN_PARTIAL || total >= MAX_CARD_DIGITS || !groups.every((_, j) => j === 0 || joins(groups, j))) return undefined;
  const sums = luhnSums(all);
  const parity = all.length % 2;
  return {
    end: groups.at(-1)!.end,
    tail: { digits: total, sums: [(previous.sums[parity]! + sums[0]) % 10, (previous.sums[1 - parity]! + sums[1]) % 10], cardWords: previous.cardWords, at },
  };
}

/** The marker of a message that ends in digits which could be the start of a card number. */
function tailOf(text: string, run: DigitRun | undefined, at: number): Tail | undefined {
  const groups = trailingGroups(text, run);
  // A run of 13 digits or more is a card (redacted) or an id on its own, not the start of one.
  if (!groups || groups.reduce((n, g) => n + g.digits.length, 0) >= MIN_CARD_DIGITS) return undefined;
  let digits = '';
  let first = groups.length;
  while (first > 0 && digits.length + groups[first - 1]!.digits.length < MIN_CARD_DIGITS) digits = groups[--first]!.digits + digits;
  if (digits === '') return undefined;
  const sums = luhnSums(digits);
  return { digits: digits.length, sums, cardWords: hasCardContext(text, groups[first]!.start, groups.at(-1)!.end), at };
}
