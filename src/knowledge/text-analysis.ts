import { createRequire } from 'node:module';

// Only the Porter stemmer submodule: `import 'natural'` whole costs ~100 MB and half a second.
const require = createRequire(import.meta.url);
const porter = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(word: string): string };

/** Words too common to tell sections apart. "why", "who", "not" and "id" stay: they match headings and facts. */
const STOP_WORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for from with as is are was were be been being am do does did ' +
    'i me my mine you your yours we our us it its this that these those there here he she they them their his her ' +
    'what which whom when where can could would should will shall may might must have has had having ' +
    'just also very too than into onto about please hi hello thanks thank any some all each up out over again ' +
    'get got im ive dont doesnt didnt isnt cant wont one how want wants wanted need needs like know tell ' +
    'thing things something anything way ok okay yes keeps kept getting gets use using used'
  ).split(' '),
);

const stemCache = new Map<string, string>();

/** Porter stem of one lower-case word, memoised (queries repeat the same few hundred words). */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = porter.stem(word);
    if (stemCache.size < 50_000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Lower-cased words of a text: letters and digits, apostrophes dropped ("don't" → "dont"). */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** The terms a text is indexed and searched by: words without stop words, stemmed. */
export function analyze(text: string): string[] {
  const terms: string[] = [];
  for (const word of words(text)) {
    if (STOP_WORDS.has(word)) continue;
    terms.push(stem(word));
  }
  return terms;
}
