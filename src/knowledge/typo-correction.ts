import { editDistance } from '../text/edit-distance.js';

/**
 * Corrects a misspelt question word to a word the knowledge base uses ("verfication" →
 * "verification", "recieve" → "receive"). Only words of 5 letters or more are corrected, by one
 * edit (two from 8 letters), so short words and real words we do not know stay as typed.
 */
export interface TypoCorrector {
  /** The known word closest to `word`, or undefined when none is near enough (or it is known already). */
  correct(word: string): string | undefined;
}

export const MIN_CORRECTED_LENGTH = 5;
const LONG_WORD = 8;

/** `vocabulary`: each known word with how often it occurs (ties go to the more common word). */
export function createTypoCorrector(vocabulary: ReadonlyMap<string, number>): TypoCorrector {
  const byLength = new Map<number, string[]>();
  for (const word of vocabulary.keys()) {
    if (word.length < MIN_CORRECTED_LENGTH - 1 || /\d/.test(word)) continue;
    const list = byLength.get(word.length) ?? [];
    list.push(word);
    byLength.set(word.length, list);
  }
  const cache = new Map<string, string | undefined>();
  return {
    correct(word) {
      if (word.length < MIN_CORRECTED_LENGTH || vocabulary.has(word) || /\d/.test(word)) return undefined;
      if (cache.has(word)) return cache.get(word);
      const max = word.length >= LONG_WORD ? 2 : 1;
      let best: string | undefined;
      let bestDistance = max + 1;
      let bestCount = 0;
      for (let len = word.length - max; len <= word.length + max; len++) {
        for (const known of byLength.get(len) ?? []) {
          // A typo rarely changes the first letter; skipping those keeps this fast and safe.
          if (known[0] !== word[0]) continue;
          const d = editDistance(word, known, Math.min(max, bestDistance));
          const count = vocabulary.get(known) ?? 0;
          if (d < bestDistance || (d === bestDistance && d <= max && count > bestCount)) {
            best = known;
            bestDistance = d;
            bestCount = count;
          }
        }
      }
      const result = bestDistance <= max ? best : undefined;
      if (cache.size < 10_000) cache.set(word, result);
      return result;
    },
  };
}
