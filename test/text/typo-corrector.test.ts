import { describe, expect, it } from 'vitest';
import { createTypoCorrector } from '../../src/text/typo-corrector.js';
import { isEnglishWord, readWordNetLemmas } from '../../src/text/english-words.js';

const targets = new Map([
  ['payment', 50],
  ['declined', 30],
  ['verification', 20],
  ['tether', 2],
  ['visa', 40],
]);

describe('correcting typos towards our vocabulary', () => {
  const corrector = createTypoCorrector(targets, { minLength: 4 });

  it('corrects one edit, a swap of neighbours, and two edits in long words', () => {
    expect(corrector.correct('paymnet')).toBe('payment');
    expect(corrector.correct('declnied')).toBe('declined');
    expect(corrector.correct('verifcaton')).toBe('verification');
    expect(corrector.correct('vsia')).toBe('visa');
  });

  it('leaves known words, short words, numbers and far-off words alone', () => {
    expect(corrector.correct('payment')).toBeUndefined();
    expect(corrector.correct('pay')).toBeUndefined();
    expect(corrector.correct('p4yment')).toBeUndefined();
    expect(corrector.correct('santander')).toBeUndefined();
  });

  it('never turns a real English word into a neighbour of ours ("together" is not "tether")', () => {
    const lemmas = new Set(readWordNetLemmas());
    const guarded = createTypoCorrector(targets, { minLength: 4, isKnown: (w) => isEnglishWord(w, lemmas) });
    expect(createTypoCorrector(targets, { minLength: 4 }).correct('together')).toBe('tether');
    expect(guarded.correct('together')).toBeUndefined();
    expect(guarded.correct('paymnet')).toBe('payment');
  });
});

describe('English words', () => {
  const lemmas = new Set(['bounce', 'stop', 'carry', 'spain']);
  it('recognises regular inflections of a lemma', () => {
    for (const w of ['bounces', 'bounced', 'bouncing', 'stopped', 'carries', 'spain']) expect(isEnglishWord(w, lemmas)).toBe(true);
    expect(isEnglishWord('paymnet', lemmas)).toBe(false);
  });

  it('reads WordNet from the package natural depends on', () => {
    expect(readWordNetLemmas().length).toBeGreaterThan(50_000);
  });
});
