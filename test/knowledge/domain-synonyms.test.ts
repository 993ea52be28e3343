import { describe, expect, it } from 'vitest';
import { buildSynonymMap } from '../../src/knowledge/domain-synonyms.js';
import { stem } from '../../src/knowledge/text-analysis.js';

describe('the domain synonyms', () => {
  const map = buildSynonymMap();

  it('reads the everyday words for a fee ("a cut", "a markup", "3%") as a fee', () => {
    for (const word of ['cut', 'markup', 'percent', 'percentage']) expect(map.get(stem(word)), word).toContain(stem('fee'));
  });

  it('links every word of a group to the others both ways, never to itself', () => {
    expect(map.get(stem('fee'))).toContain(stem('markup'));
    for (const [term, others] of map) expect(others).not.toContain(term);
  });
});
