/**
 * Whether a message says something failed. A declined payment is a failure: a long story about a
 * first order ("I'm at the cart and scared to press anything, guide me") reads like the declined
 * messages the model learned from, but nothing in it went wrong, so it is not one.
 */
import type { Fact, Status } from '../../core/types.js';

/** Facts that say something went wrong (not denied). */
const FAILURE_FACT_PREFIXES = ['error.', 'card.name_mismatch', 'verify.rejected', 'card.bank_sees_nothing', 'checkout.page_hangs', 'attempt.repeated'];

/**
 * Words that say it failed, typed in English or in the languages people mix in (gagal, rechazado,
 * recusado, abgelehnt, odrzucona, reddedildi); prefixes where the word has many endings.
 */
const FAILURE_WORDS =
  /\b(declin\w*|fail\w*|reject\w*|refus\w*|(?<!\bno )(?<!\bnot an? )errors?|bounc\w*|denied|den(y|ies)|block\w*|stuck|frozen|freez\w*|hang\w*|insufficient|flagged|suspicious|unsuccessful|unable|cant|cannot|couldnt|wont|doesnt|didnt|isnt|not (work\w*|go\w*|accept\w*|possible|allowed|successful|through|pass\w*|pay\w*|process\w*|complet\w*|approv\w*|let)|no (work\w*|success)|(?<!\bno )(?<!\bnot an? )(problems?|issues?)|wrong|gagal|ditolak|rechaz\w*|recus\w*|abgelehnt|odrzuc\w*|reddedil\w*|rifiut\w*|respinto)\b/;

export function failureStated(clauses: readonly (readonly string[])[], facts: readonly Fact[], status: Status | null): boolean {
  if (status === 'still_failing') return true;
  if (facts.some((f) => !f.negated && FAILURE_FACT_PREFIXES.some((p) => f.name.startsWith(p)))) return true;
  return clauses.some((words) => FAILURE_WORDS.test(words.join(' ')));
}

/** Adding a card to Alipay, as people type it ("lnk", "bind" included). */
const LINKING_WORDS = /\b(link\w*|lnk\w*|bind\w*|add(ing|ed)? (it|my card|the card|a card|my visa|my mastercard|my debit|my credit)|adding)\b/;
/** Paying for something; "international payments are on" is a card setting, not a payment. */
const PAYING_WORDS = /\b(?<!(international|internationl|online|foreign|overseas|abroad|intl|e commerce) )(pay|paying|payment|payments|paid|checkout|check out|order|orders|purchase)\b/;

/** Trouble adding a card: "my card is not linking", "can't find where to add it", "linking fails". */
const LINKING_TROUBLE =
  /\b(never|cannot|cant|unable to|fail\w*|refus\w*|reject\w*|error|(is|s|are|does|do|did|will|would|can|could|still) not)\b(\s\S+){0,4}\s(link\w*|lnk\w*|add\w*|bind\w*|find)\b|\b(link\w*|lnk\w*|adding)\b(\s\S+){0,3}\s(fail\w*|error|refus\w*|reject\w*|not|never)\b/;

/** Whether the message tells of trouble adding a card (not of what else the account needs). */
export function linkingTrouble(clauses: readonly (readonly string[])[]): boolean {
  return LINKING_TROUBLE.test(clauses.map((words) => words.join(' ')).join(' '));
}

/**
 * Whether the failure told is in linking a card, not in paying: "it refuses my card when I link
 * it", "never links, not even once". The words of a declined card are the same in both; what the
 * person was doing when it failed is what tells them apart.
 */
export function linkingFailed(clauses: readonly (readonly string[])[]): boolean {
  const text = clauses.map((words) => words.join(' ')).join(' ');
  return LINKING_WORDS.test(text) && !PAYING_WORDS.test(text);
}

/** Any word for adding a card, broader than LINKING_WORDS: here its absence is what counts. */
const ANY_LINKING_WORD = /\b(link\w*|lnk\w*|bind\w*|bound|add|adds|added|adding|connect\w*|regist\w*|save|saved|saving|put|putting|cards? (section|page|list))\b/;

/**
 * Whether a card refused is told of a payment, not of linking: "paying the order it says invalid
 * card type", with no word of adding the card. The refusal reads the same in both.
 */
export function payingFailed(clauses: readonly (readonly string[])[]): boolean {
  const text = clauses.map((words) => words.join(' ')).join(' ');
  return PAYING_WORDS.test(text) && !ANY_LINKING_WORD.test(text);
}

/**
 * Whether a message names the task it would switch to, between linking a card and a declined
 * payment: a payment for the one, adding a card for the other. Both flows share every word of a
 * refused card, so a report in one flow ("details are right, same error again") is that flow's.
 */
export function namesOtherTask(clauses: readonly (readonly string[])[], to: 'paying' | 'linking'): boolean {
  const text = clauses.map((words) => words.join(' ')).join(' ');
  return to === 'paying' ? PAYING_WORDS.test(text) : ANY_LINKING_WORD.test(text);
}
