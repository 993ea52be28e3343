import { describe, expect, it } from 'vitest';
import { factFeatureKeys, factFeaturesOf, unclassifiedFacts } from '../../../src/nlu/facts/fact-features.js';
import { defaultFactCatalogue } from '../../../src/nlu/facts/load-facts.js';

describe('facts as classifier features', () => {
  const catalogue = defaultFactCatalogue();

  it('names each stated fact, negated or not, as a feature', () => {
    expect(factFeatureKeys([{ name: 'error.limit_exceeded', negated: false, clause: 0 }, { name: 'error.insufficient_funds', negated: true, clause: 0 }])).toEqual([
      'fact:error.limit_exceeded',
      'fact:!error.insufficient_funds',
    ]);
  });

  it('leaves out a fact only the dialogue reads (classify: false), such as a block lifted', () => {
    expect(unclassifiedFacts(catalogue).has('attempt.block_lifted')).toBe(true);
    const keys = factFeaturesOf(catalogue)('my bank unblocked it and raised my daily limit');
    expect(keys.some((k) => k.includes('attempt.block_lifted'))).toBe(false);
  });
});
