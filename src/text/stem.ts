import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

// Only the Porter stemmer submodule: `import 'natural'` whole costs ~100 MB and half a second.
const cache = new Map<string, string>();

/** Porter stem of one lower-case word, memoised (messages and questions repeat the same few hundred words). */
export function stem(word: string): string {
  let stemmed = cache.get(word);
  if (stemmed === undefined) {
    stemmed = PorterStemmer.stem(word);
    if (cache.size < 50_000) cache.set(word, stemmed);
  }
  return stemmed;
}
