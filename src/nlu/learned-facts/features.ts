/**
 * What the learned fact layer reads of a message: its words and each pair of neighbouring words,
 * present or not. Plain lowercase tokens of the text as typed, so it sees what the patterns may
 * miss (a phrasing nobody wrote down) without depending on their spelling fixes.
 */
const TOKEN = /[a-z0-9]+/g;

/** "limits" reads as "limit": a plural the rows rarely wrote should not leave the layer blind to its word. */
const singular = (word: string): string => (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word);

export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(TOKEN) ?? []).map(singular);
}

/** Visits each feature of a run of words: the words, and `a b` for each neighbouring pair (repeats included). */
export function forEachFeature(words: readonly string[], visit: (feature: string) => void): void {
  for (let i = 0; i < words.length; i += 1) {
    visit(words[i] ?? '');
    if (i > 0) visit(`${words[i - 1] ?? ''} ${words[i] ?? ''}`);
  }
}

/** The distinct features of a message, as training reads them. */
export function learnedFactFeatures(text: string): Set<string> {
  const features = new Set<string>();
  forEachFeature(wordsOf(text), (f) => features.add(f));
  return features;
}
