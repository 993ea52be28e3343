import type { CleanedInput, InputCleaner, InputNote } from '../core/ports.js';
import { looksNonEnglish } from './language-hint.js';

export interface InputCleanerOptions {
  /** The longest text kept, in characters; longer messages keep their first part (default 500). */
  maxLength?: number;
}

// Platform markup the adapters normally turn into plain text; stripped again here so a message
// from any channel (or one an adapter missed) reaches the core clean.
const MARKUP: Array<[RegExp, string]> = [
  [/```[\w+-]*(?=\s)|```/g, ' '], // code fences, with their language tag
  [/`+/g, ''], // inline code
  [/<((?:https?|mailto):[^<>|\s]+)\|([^<>]*)>/g, '$2'], // Slack <url|label>
  [/<((?:https?|mailto):[^<>|\s]+)>/g, '$1'], // Slack <url>, Discord <url> (no embed)
  [/<#[A-Za-z0-9]+\|([^<>]*)>/g, '#$1'], // Slack <#C123|general>
  [/<#\d+>|<[@!][^<>\s]*>/g, ' '], // mentions: <@U123>, <@!123>, <@&role>, <!here>, Discord <#123>
  [/<a?:(\w+):\d+>/g, ':$1:'], // Discord custom emoji
  [/<t:-?\d+(?::[a-zA-Z])?>/g, ' '], // Discord timestamps
];

// Control characters become spaces; format characters (zero-width, bidi and right-to-left marks,
// BOM, soft hyphen), lone surrogates and U+FFFD (what invalid UTF-8 decodes to) are dropped.
const CONTROL = /\p{Cc}/gu;
const INVISIBLE = /[\p{Cf}\p{Cs}\u180e\ufffd\ufffe\uffff\u115f\u1160\u3164]/gu;
// "Zalgo" text: keep at most two combining marks on a letter.
const MARK_PILE = /(\p{M}{2})\p{M}+/gu;
const PICTOGRAPH = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Input hygiene (runs before the privacy guard): Unicode NFKC, platform markup, control and
 * invisible characters, whitespace; notes what the dialogue should know about the message.
 */
export function createInputCleaner(options: InputCleanerOptions = {}): InputCleaner {
  const maxLength = options.maxLength ?? 500;
  // Work on a bounded prefix: a 1 MB paste costs no more than a long message.
  const workLimit = Math.max(maxLength * 8, 4096);

  return {
    clean(raw: string): CleanedInput {
      const notes: InputNote[] = [];
      let text = raw.length > workLimit ? raw.slice(0, workLimit) : raw;
      let cut = raw.length > workLimit;
      text = text.replace(INVISIBLE, '').normalize('NFKC');
      for (const [pattern, replacement] of MARKUP) text = text.replace(pattern, replacement);
      text = text.replace(CONTROL, ' ').replace(INVISIBLE, '').replace(MARK_PILE, '$1').replace(/\s+/g, ' ').trim();

      if (text === '') return { text, notes: ['empty'] };
      if (text.length > maxLength) {
        text = truncate(text, maxLength);
        cut = true;
      }
      if (cut) notes.push('truncated');
      if (text === '') return { text, notes: ['empty', ...notes] };
      if (!LETTER_OR_DIGIT.test(text) && PICTOGRAPH.test(text)) notes.push('emoji_only');
      else if (looksNonEnglish(text)) notes.push('non_english');
      return { text, notes };
    },
  };
}

/**
 * The first part of `text`, at most `max` characters: at the end of a sentence or a word when one is
 * in the last 40%, never inside a surrogate pair, and never splitting a digit run (half a card number
 * would slip past the privacy guard's length and Luhn checks).
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const floor = Math.floor(max * 0.6);
  let at = -1;
  for (const m of head.matchAll(/[.!?。！？](?=\s)/g)) if (m.index >= floor) at = m.index + 1;
  if (at < 0) {
    const space = head.lastIndexOf(' ');
    at = space >= floor ? space : max;
  }
  if (/[\uD800-\uDBFF]/.test(text.charAt(at - 1))) at -= 1;
  let kept = text.slice(0, at);
  // A number that goes on past the cut is dropped whole. Scanned back by hand: a `[\d -]*$` regex
  // retried from every digit of a long "1 1 1 …" run is quadratic.
  if (/^[ -]*\d/.test(text.slice(at))) {
    let start = kept.length;
    while (start > 0 && /[\d -]/.test(kept.charAt(start - 1))) start--;
    while (start < kept.length && !/\d/.test(kept.charAt(start))) start++;
    if (start < kept.length) kept = kept.slice(0, start > 0 && kept.charAt(start - 1) === '+' ? start - 1 : start);
  }
  return kept.trimEnd();
}
