import { createTypoCorrector as createCorrector, type TypoCorrector } from '../text/typo-corrector.js';

/**
 * Corrects a misspelt question word to a word the knowledge base uses ("verfication" →
 * "verification", "recieve" → "receive"): the shared corrector, with the first letter kept as
 * typed. Only words of 5 letters or more are corrected, by one edit (two from 8 letters), so short
 * words stay as typed; `isKnown` names real words we do not use, which stay as typed too.
 */
export type { TypoCorrector };

export const MIN_CORRECTED_LENGTH = 5;

/** `vocabulary`: each known word with how often it occurs (ties go to the more common word). */
export function createTypoCorrector(vocabulary: ReadonlyMap<string, number>, isKnown?: (word: string) => boolean): TypoCorrector {
  return createCorrector(vocabulary, { minLength: MIN_CORRECTED_LENGTH, longWord: 8, firstLetterSwap: false, ...(isKnown ? { isKnown } : {}) });
}
