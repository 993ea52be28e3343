import { describe, expect, it } from 'vitest';
import { stem } from '../../src/text/stem.js';

describe('stem', () => {
  it('gives the Porter stem, the same for the classifier and the knowledge search', () => {
    expect(stem('declined')).toBe('declin');
    expect(stem('payments')).toBe('payment');
    expect(stem('verification')).toBe('verif');
  });
});
