import { describe, expect, it } from 'vitest';
import { NOTHING_STATED, type NluResult } from '../../src/core/types.js';
import { startsNewProblem } from '../../src/dialogue/report-moves.js';

const said = (facts: NluResult['facts']): NluResult => ({ intent: 'payment_declined', confidence: 1, ranking: [], entities: {}, ...NOTHING_STATED, facts });

describe('a plan that comes with a new problem', () => {
  it('is a problem when an error is stated, and only a plan otherwise', () => {
    expect(startsNewProblem(said([{ name: 'error.insufficient_funds', negated: false, clause: 0 }]))).toBe(true);
    expect(startsNewProblem(said([{ name: 'error.insufficient_funds', negated: true, clause: 0 }]))).toBe(false);
    expect(startsNewProblem(said([]))).toBe(false);
  });
});
