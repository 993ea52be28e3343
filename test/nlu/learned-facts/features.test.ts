import { describe, expect, it } from 'vitest';
import { learnedFactFeatures, wordsOf } from '../../../src/nlu/learned-facts/features.js';

describe('what the learned fact layer reads of a message', () => {
  it('reads lowercase words, with plurals read as their singular', () => {
    expect(wordsOf('Limits OK, cards fine; the address is wrong, bus pass')).toEqual(['limit', 'ok', 'card', 'fine', 'the', 'address', 'is', 'wrong', 'bus', 'pass']);
  });

  it('reads each word and each pair of neighbouring words once', () => {
    expect([...learnedFactFeatures('no no error')]).toEqual(['no', 'no no', 'error', 'no error']);
  });
});
