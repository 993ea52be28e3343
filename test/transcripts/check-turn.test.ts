import { describe, expect, it } from 'vitest';
import { checkTurn, type ObservedTurn } from '../../src/transcripts/check-turn.js';
import { expectationSchema } from '../../src/transcripts/transcript-schema.js';

const observed = (sections: string[]): ObservedTurn => ({
  intent: 'limits',
  flow: null,
  step: null,
  replies: [{ text: 'Many banks cap how much you can spend abroad in a day.', buttons: [], citations: [] }],
  citations: sections.map((section) => ({ source: 'guide.txt', section, title: section })),
  handoff: false,
});

describe('citationOneOf', () => {
  const expect1 = expectationSchema.parse({ citationOneOf: ['transaction-limits#bank-limits', 'payment-declined#card-limit'] });

  it('passes when any one of the sections is cited', () => {
    expect(checkTurn(expect1, observed(['payment-declined#card-limit']))).toEqual([]);
  });

  it('fails when none is cited, naming the sections that were', () => {
    expect(checkTurn(expect1, observed(['fees-and-rates#exchange-rates']))).toEqual([
      { field: 'citationOneOf', expected: 'one of ["transaction-limits#bank-limits","payment-declined#card-limit"]', got: '["fees-and-rates#exchange-rates"]' },
    ]);
  });

  it('rejects an empty list', () => {
    expect(expectationSchema.safeParse({ citationOneOf: [] }).success).toBe(false);
  });
});
