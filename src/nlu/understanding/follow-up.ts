/**
 * How much a message leans on the previous turn. "is there a way to go above that?", "and if that
 * fails?", "what do I need to get one?" are short, point back (it, that, one, there) or open
 * like a continuation (and, what about, also), and name no topic of their own. The score weights
 * the previous topic in the intent ranking (context-prior.ts); the weights were chosen on the
 * development set of real-style messages (README, "Understanding").
 */

const POINTING = new Set(['it', 'that', 'this', 'those', 'these', 'them', 'one', 'ones', 'there', 'same', 'such', 'thing', 'they', 'he', 'she', 'its']);
const CONTINUATION_OPENERS = [
  'and',
  'what about',
  'how about',
  'also',
  'so',
  'then',
  'but',
  'or',
  'what if',
  'and if',
  'ok and',
  'ok so',
  'ok but',
  'same',
  'any other',
  'anything else',
  'else',
  'another',
  'other',
  'instead',
  'again',
];
const OPENER = new RegExp(`^(?:ok |okay |yes |yeah |hmm |right |alright |thanks |thx )?(?:${CONTINUATION_OPENERS.join('|')})\\b`);

export interface FollowUpWeights {
  /** Added for a message of at most `shortWords` words, and again for at most `veryShortWords`. */
  short: number;
  shortWords: number;
  veryShortWords: number;
  /** Added when the message points back (it, that, one…). */
  pointing: number;
  /** Added when it opens like a continuation (and, what about…). */
  opener: number;
  /** Added when the message's own best reading is unsure (below `unsureBelow`). */
  unsure: number;
  unsureBelow: number;
}

export const DEFAULT_FOLLOW_UP_WEIGHTS: FollowUpWeights = {
  short: 0.2,
  shortWords: 12,
  veryShortWords: 7,
  pointing: 0.35,
  opener: 0.3,
  unsure: 0.2,
  unsureBelow: 0.55,
};

/** 0..1: how much the message leans on what was said before. */
export function followUpScore(clauses: readonly (readonly string[])[], ownConfidence: number, weights: FollowUpWeights = DEFAULT_FOLLOW_UP_WEIGHTS): number {
  const words = clauses.flat();
  if (words.length === 0) return 0;
  let score = 0;
  if (words.length <= weights.shortWords) score += weights.short;
  if (words.length <= weights.veryShortWords) score += weights.short;
  if (words.some((w) => POINTING.has(w))) score += weights.pointing;
  if (OPENER.test(words.join(' '))) score += weights.opener;
  if (ownConfidence < weights.unsureBelow) score += weights.unsure;
  return Math.min(1, score);
}
