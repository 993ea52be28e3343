/**
 * What the learned fact layer reads of a message: its words and each pair of neighbouring words,
 * present or not. Plain lowercase tokens of the text as typed, so it sees what the patterns may
 * miss (a phrasing nobody wrote down) without depending on their spelling fixes.
 */
const TOKEN = /[a-z0-9]+/g;

export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

/** The distinct features of a run of words: the words, and `a b` for each neighbouring pair. */
export function featuresOfWords(words: readonly string[]): Set<string> {
  const features = new Set<string>(words);
  for (let i = 1; i < words.length; i += 1) features.add(`${words[i - 1] ?? ''} ${words[i] ?? ''}`);
  return features;
}

export function learnedFactFeatures(text: string): Set<string> {
  return featuresOfWords(wordsOf(text));
}
