import { describe, expect, it } from 'vitest';
import { createTypoCorrector } from '../../src/knowledge/typo-correction.js';

const vocabulary = new Map([
  ['verification', 12],
  ['receive', 3],
  ['passport', 5],
  ['mastercard', 4],
  ['declined', 6],
  ['decline', 2],
  ['card', 30],
]);
const corrector = createTypoCorrector(vocabulary);

describe('createTypoCorrector', () => {
  it('corrects a misspelt word of 5 letters or more to the nearest known word', () => {
    expect(corrector.correct('recieve')).toBe('receive');
    expect(corrector.correct('pasport')).toBe('passport');
    expect(corrector.correct('mastercrd')).toBe('mastercard');
    expect(corrector.correct('verfiication')).toBe('verification');
  });

  it('prefers the more common word when two are equally near', () => {
    expect(corrector.correct('declinee')).toBe('declined');
  });

  it('leaves short words, known words, numbers and far-off words alone', () => {
    expect(corrector.correct('cart')).toBeUndefined();
    expect(corrector.correct('passport')).toBeUndefined();
    expect(corrector.correct('12345')).toBeUndefined();
    expect(corrector.correct('football')).toBeUndefined();
    expect(corrector.correct('beceive')).toBeUndefined();
  });
});
