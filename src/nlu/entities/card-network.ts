import type { CardNetwork } from '../../core/types.js';
import { editDistance } from '../../text/edit-distance.js';

/** Phrases (lower case, single spaces) that name a network exactly. */
const PHRASES: ReadonlyArray<[RegExp, CardNetwork]> = [
  [/\bmaster ?card\b|\bmc\b|\bmastercard\b|\bmaster\b/, 'mastercard'],
  [/\bvisa\b/, 'visa'],
  [/\bjcb\b|\bjapan credit bureau\b/, 'jcb'],
  [/\bamex\b|\bamerican express\b/, 'amex'],
  [/\bunion ?pay\b|\bchina union ?pay\b|\bcup card\b|银联/, 'unionpay'],
  [/\bdiners?\b(?: club)?|\bdiners club\b/, 'diners'],
  [/\bmaestro\b/, 'maestro'],
  [/\bdiscover\b(?! (?:that|why|what|how|the|it|a|an|my)\b)/, 'discover'],
];

/** Longer names are matched against single words with one typo allowed (two for the longest). */
const FUZZY: ReadonlyArray<[string, CardNetwork]> = [
  ['mastercard', 'mastercard'],
  ['unionpay', 'unionpay'],
  ['discover', 'discover'],
  ['maestro', 'maestro'],
  ['visa', 'visa'],
  ['amex', 'amex'],
];

/** A word that is a real English word close to a network name: never read as a typo of it. */
const NOT_TYPOS = new Set(['vista', 'visas', 'vise', 'via', 'disco', 'discovery', 'mister', 'master', 'amen', 'apex', 'union', 'visit']);

/** The card network a message names ("master card", "mc", "vsia"…), or undefined. */
export function extractCardNetwork(normalised: string, words: readonly string[]): CardNetwork | undefined {
  for (const [pattern, network] of PHRASES) if (pattern.test(normalised)) return network;
  for (const word of words) {
    if (word.length < 4 || NOT_TYPOS.has(word)) continue;
    for (const [name, network] of FUZZY) {
      // "discovered", "visas": an inflection of the word, not a typo of the network.
      if (word.startsWith(name)) continue;
      const allowed = name.length >= 8 ? 2 : 1;
      if (Math.abs(word.length - name.length) <= allowed && word[0] === name[0] && editDistance(word, name, allowed) <= allowed) return network;
    }
  }
  return undefined;
}
