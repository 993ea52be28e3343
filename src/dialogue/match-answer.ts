/**
 * Free text → an option of the current step: "it's a mastercard" picks Mastercard, "2" picks the
 * second option, "nope, still declined" picks the 'no' option. The NLU's entities come first
 * (they know "master card" and "MC"), then the step's labels and synonyms as whole words, then
 * the NLU's affirm/deny.
 */
import type { NluResult } from '../core/types.js';
import { normalise } from './button-values.js';
import { isBareReply, reportsChecks } from './message-shape.js';
import type { FlowOption } from './flow-schema.js';
import { factKey } from './known-facts.js';

const REAL_YES = /^(yes|yeah|yep|yup|ya|yea|it did|sure did|correct|absolutely|definitely)\b/;
const NEGATION = /\b(no|not|nope|nah|never|nothing|didn'?t|doesn'?t|don'?t|isn'?t|wasn'?t|won'?t|can'?t|cannot|haven'?t|hasn'?t|aren'?t|couldn'?t)\b/;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function containsPhrase(haystack: string, phrase: string): boolean {
  const p = normalise(phrase);
  if (p === '') return false;
  return new RegExp(`(^| )${escape(p)}( |$)`).test(haystack);
}

/**
 * The part of a reply that answers: up to the first comma or full stop, unless what follows turns
 * it round ("yes, but it still fails").
 */
function answerPart(text: string): string {
  const [first = '', ...rest] = text.split(/[,.;!?\n]+/);
  const next = normalise(rest.join(' ')).trim();
  return normalise(/^(but|however|though|still|yet|except)\b/.test(next) ? text : first);
}

/** Words that say yes to whatever was asked, and nothing about what. */
const GENERIC_YES = new Set(['yes', 'yep', 'yeah', 'ya', 'yup', 'ok', 'okay', 'sure']);
/** Below this share of the message, such a word is a filler of a longer report, not the answer ("yes, thanks" is about 0.3). */
const MIN_GENERIC_YES_COVERAGE = 0.2;

export interface OptionMatch {
  option: FlowOption;
  /**
   * How much of the message the match explains, 0..1: "I got an error" picking "I got an error"
   * is 1; "what fees does Visa charge?" picking Visa is low, a sign the message is about something else.
   */
  coverage: number;
}

/** Returns the option the text picks, or undefined when it fits none. */
export function matchOption(options: readonly FlowOption[], text: string, nlu: NluResult | null): FlowOption | undefined {
  return matchOptionWithCoverage(options, text, nlu)?.option;
}

export function matchOptionWithCoverage(options: readonly FlowOption[], text: string, nlu: NluResult | null): OptionMatch | undefined {
  // Redaction placeholders ("[security code]") are the privacy guard's words, not the person's answer.
  const plain = normalise(text.replace(/\[[a-z ]{1,30}\]/gi, ' '));
  if (plain === '') return undefined;

  const numbered = /^(\d{1,2})$/.exec(plain);
  if (numbered) {
    const option = options[Number(numbered[1]) - 1];
    return option ? { option, coverage: 1 } : undefined;
  }

  let picked: FlowOption | undefined;
  let coverage = 0;
  let phraseFound = '';
  const entities = nlu?.entities ?? {};
  picked = options.find(
    (o) =>
      (entities.cardNetwork !== undefined && o.match?.cardNetwork?.includes(entities.cardNetwork)) ||
      (entities.errorKind !== undefined && o.match?.errorKind?.includes(entities.errorKind)),
  );

  if (!picked) {
    let best = 0;
    for (const option of options) {
      for (const phrase of [option.label, ...(option.synonyms ?? [])]) {
        const length = normalise(phrase).length;
        if (length > best && containsPhrase(plain, phrase)) {
          best = length;
          picked = option;
          phraseFound = normalise(phrase);
        }
      }
    }
    coverage = best / plain.length;
  } else {
    // An entity match: count the longest label or synonym found, else call it half the message.
    for (const phrase of [picked.label, ...(picked.synonyms ?? [])]) {
      if (containsPhrase(plain, phrase)) coverage = Math.max(coverage, normalise(phrase).length / plain.length);
    }
    if (coverage === 0) coverage = 0.5;
  }

  // The intent alone picks an option only for a reply-shaped message ("yep", "nope, not yet"):
  // "ok calling them now" reads as affirm, and must never pick "Yes, it worked".
  if (!picked && nlu && nlu.confidence >= 0.5 && isBareReply(text)) {
    picked = options.find((o) => o.match?.intents?.includes(nlu.intent));
    // "Did it work?" — "ok" or "sure" is not "it worked": success needs a real yes, or the person's own words.
    if (picked?.match?.status?.includes('solved') && !REAL_YES.test(plain)) picked = undefined;
    coverage = picked ? nlu.confidence : 0;
  }

  // "Yes, international is on, the bank confirmed" at "did that fix it?": the yes confirms what
  // the message goes on to state, not that the payment went through.
  if (picked?.match?.status?.includes('solved') && GENERIC_YES.has(phraseFound) && nlu && nlu.status !== 'solved') {
    const named = picked.match.facts ?? [];
    if (nlu.facts.some((f) => !named.includes(factKey(f)))) return undefined;
    // "ok i think i go to the branch tomorrow and ask them…": a yes-word opening a long report.
    if (coverage < MIN_GENERIC_YES_COVERAGE) return undefined;
  }

  // "yes number is correct, wifi is ok too" at "did the code come?": the yes confirms the checks the
  // answer asked for, not the question; a long report opened by a bare yes answers nothing.
  if (picked?.polarity === 'yes' && GENERIC_YES.has(phraseFound) && coverage < MIN_GENERIC_YES_COVERAGE && reportsChecks(plain)) return undefined;

  // "it didn't work" must not read as "it worked"; "done, put everything. now nothing arrives" is a
  // "done" followed by news, so only the answer's own part of the message counts.
  if (picked?.polarity === 'yes' && (NEGATION.test(answerPart(text)) || nlu?.intent === 'deny')) {
    const no = options.find((o) => o.polarity === 'no');
    return no ? { option: no, coverage } : undefined;
  }
  return picked ? { option: picked, coverage: Math.min(1, coverage) } : undefined;
}
