import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURE_OPTIONS, extractFeatures, type FeatureOptions } from '../../src/nlu/text-features.js';
import { fitVocabulary, vectorize, vocabularyFromKeys, vocabularyKeys } from '../../src/nlu/tfidf-vectorizer.js';

const TEXTS = ['my card was declined', 'my card was refused at checkout', 'how do I link a card', 'what are the fees'];
const features = DEFAULT_FEATURE_OPTIONS;

/** The vector computed the slow way, from extractFeatures' counts: column → value. */
function reference(text: string, vocabulary: ReturnType<typeof fitVocabulary>, options: FeatureOptions): Map<number, number> {
  const blocks = { w: new Map<number, number>(), c: new Map<number, number>() };
  for (const [key, count] of extractFeatures(text, options)) {
    const column = (key.startsWith('c:') ? vocabulary.chars : vocabulary.words).get(key.slice(2));
    if (column !== undefined) (key.startsWith('c:') ? blocks.c : blocks.w).set(column, (1 + Math.log(count)) * (vocabulary.idf[column] ?? 1));
  }
  const out = new Map<number, number>();
  for (const [block, weight] of [[blocks.w, 1], [blocks.c, options.charWeight]] as const) {
    const n = norm([...block.values()]);
    for (const [column, value] of block) if (n > 0) out.set(column, (value * weight) / n);
  }
  const total = norm([...out.values()]);
  for (const [column, value] of out) out.set(column, value / total);
  return out;
}

const norm = (values: number[]) => Math.sqrt(values.reduce((s, v) => s + v * v, 0));
const dot = (a: ReturnType<typeof vectorize>, b: ReturnType<typeof vectorize>) => {
  const at = new Map(a.indices.map((i, n) => [i, a.values[n] ?? 0]));
  return b.indices.reduce((s, i, n) => s + (at.get(i) ?? 0) * (b.values[n] ?? 0), 0);
};

describe('the tf-idf vectorizer', () => {
  const vocabulary = fitVocabulary(TEXTS, features, { charMinDf: 1, ngramMinDf: 1 });

  it('gives rarer features a higher idf than features in every utterance', () => {
    const keys = vocabularyKeys(vocabulary);
    const idfOf = (predicate: (k: string) => boolean) => keys.map((k, i) => [k, vocabulary.idf[i] ?? 0] as const).filter(([k]) => predicate(k)).map(([, v]) => v);
    const cardWord = idfOf((k) => k.startsWith('w:') && k.slice(2) === 'card');
    const feesWord = idfOf((k) => k.startsWith('w:') && k.slice(2).startsWith('fee'));
    expect(cardWord).toHaveLength(1);
    expect(feesWord.length).toBeGreaterThan(0);
    expect(Math.min(...feesWord)).toBeGreaterThan(cardWord[0] ?? Infinity);
  });

  it('makes unit-length vectors, empty for text with no known feature', () => {
    const v = vectorize('my card was declined', vocabulary, features);
    expect(v.indices.length).toBe(v.values.length);
    expect(norm(v.values)).toBeCloseTo(1, 10);
    expect(vectorize('zzzz qqqq', vocabulary, features)).toEqual({ indices: [], values: [] });
  });

  it('finds a misspelt message closer to the right utterance than to the others, through character n-grams', () => {
    const typo = vectorize('my crad was delcined', vocabulary, features);
    const scores = TEXTS.map((t) => dot(typo, vectorize(t, vocabulary, features)));
    expect(scores.indexOf(Math.max(...scores))).toBe(0);
  });

  it('gives the same vector for the same text, whatever came before (no state leaks between calls)', () => {
    const first = vectorize('how do I link a card', vocabulary, features);
    vectorize('my card card card was declined declined', vocabulary, features);
    expect(vectorize('how do I link a card', vocabulary, features)).toEqual(first);
  });

  it('drops character n-grams rarer than the minimum document frequency, never words', () => {
    const strict = fitVocabulary(TEXTS, features, { charMinDf: 2, ngramMinDf: 1 });
    expect(strict.chars.size).toBeLessThan(vocabulary.chars.size);
    expect(strict.words.size).toBe(vocabulary.words.size);
  });

  it('round-trips its vocabulary through the keys a model file stores', () => {
    const restored = vocabularyFromKeys(vocabularyKeys(vocabulary), vocabulary.idf);
    expect(vectorize('my card was refused', restored, features)).toEqual(vectorize('my card was refused', vocabulary, features));
  });

  it('gives the vector extractFeatures counts, for new words and words seen before, under other n-gram sizes too', () => {
    const check = (text: string, options: FeatureOptions) => {
      const v = vectorize(text, vocabulary, options);
      const expected = reference(text, vocabulary, options);
      expect(new Set(v.indices)).toEqual(new Set(expected.keys()));
      v.indices.forEach((column, n) => expect(v.values[n]).toBeCloseTo(expected.get(column) ?? NaN, 12));
    };
    check('my card was declined at checkout checkout', features);
    check('card card declined, how do I link it', features);
    check('card card declined, how do I link it', { ...features, charMin: 2, charMax: 3 });
    check('my card was declined at checkout checkout', features);
  });
});
