import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/edit-distance.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('recieve', 'receive', 2)).toBe(1);
    expect(editDistance('pasport', 'passport', 2)).toBe(1);
    expect(editDistance('verfication', 'verification', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
  });

  it('gives up above the limit', () => {
    expect(editDistance('alibaba', 'passport', 2)).toBe(3);
  });
});
