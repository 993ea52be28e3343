/**
 * Corrects a misspelt word to a known one ("paymnet" → "payment", "verifcation" → "verification").
 * Conservative on purpose: only words we do not know are touched, only towards words we know well,
 * by one edit (two from eight letters), keeping the first letter (or its swap with the second:
 * "vsia"); ties go to the more common word. Real words we merely have not seen stay as typed when
 * nothing known is that close.
 */
import { editDistance } from './edit-distance.js';

export interface TypoCorrector {
  /** The known word closest to `word`, or undefined when it is known already or nothing is near enough. */
  correct(word: string): string | undefined;
}

export interface TypoCorrectorOptions {
  /** Words shorter than this are never corrected (default 5). */
  minLength?: number;
  /** From this length two edits are allowed (default 8). */
  longWord?: number;
  /** Words that are known but are never proposed as corrections (stop words, rare words). */
  knownOnly?: Iterable<string>;
  /** Any other test for a real word that must stay as typed (a dictionary). */
  isKnown?: (word: string) => boolean;
  /** Whether a swap of the first two letters ("vsia") may be corrected (default true). */
  firstLetterSwap?: boolean;
}

/** `targets`: the words corrections may go to, with how common each is. */
export function createTypoCorrector(targets: ReadonlyMap<string, number>, options: TypoCorrectorOptions = {}): TypoCorrector {
  const minLength = options.minLength ?? 5;
  const longWord = options.longWord ?? 8;
  const swap = options.firstLetterSwap ?? true;
  const known = new Set([...targets.keys(), ...(options.knownOnly ?? [])]);
  const byLength = new Map<number, string[]>();
  for (const word of targets.keys()) {
    if (word.length < minLength - 1 || /\d/.test(word)) continue;
    const list = byLength.get(word.length) ?? [];
    list.push(word);
    byLength.set(word.length, list);
  }
  const cache = new Map<string, string | undefined>();
  return {
    correct(word) {
      if (word.length < minLength || known.has(word) || /\d/.test(word)) return undefined;
      // The cache first: the dictionary test is the costlier one, and its answer never changes.
      if (cache.has(word)) return cache.get(word);
      if (options.isKnown?.(word)) {
        if (cache.size < 10_000) cache.set(word, undefined);
        return undefined;
      }
      const max = word.length >= longWord ? 2 : 1;
      let best: string | undefined;
      let bestDistance = max + 1;
      let bestCount = 0;
      for (let len = word.length - max; len <= word.length + max; len++) {
        for (const candidate of byLength.get(len) ?? []) {
          // A typo rarely changes the first letter; a swap of the first two ("vsia") does happen.
          const sameStart = candidate[0] === word[0] || (swap && candidate[0] === word[1] && candidate[1] === word[0]);
          if (!sameStart) continue;
          const d = editDistance(word, candidate, Math.min(max, bestDistance));
          const count = targets.get(candidate) ?? 0;
          if (d < bestDistance || (d === bestDistance && d <= max && count > bestCount)) {
            best = candidate;
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
