import { describe, expect, it } from 'vitest';
import { clauseAround, clauseBounds } from '../../../src/nlu/facts/clause-bounds.js';

describe('clause bounds in a whole message', () => {
  const clauses = ['could not link it', 'the name is the same'];
  const whole = ` ${clauses.join(' ')} `;
  const bounds = clauseBounds(clauses);

  it('finds where each clause starts in the padded message', () => {
    expect(bounds).toEqual([1, 19, 40]);
    expect(whole.slice(bounds[1], bounds[2])).toBe('the name is the same ');
  });

  it('blanks every clause but the one a match starts in, keeping positions', () => {
    const around = clauseAround(whole, bounds, whole.indexOf('name'));
    expect(around).toHaveLength(whole.length);
    expect(around.trim()).toBe('the name is the same');
    expect(around).not.toContain('not');
  });
});
