import { describe, expect, it } from 'vitest';
import { compilePattern, FactPatternError, patternAnchorSets, tokenizePattern } from '../../../src/nlu/facts/fact-pattern.js';

const groups = new Map<string, readonly string[]>([
  ['money', ['money', 'funds', 'balance']],
  ['code', ['code', 'text message', '{otp}']],
  ['otp', ['otp', 'one time password']],
  ['loop', ['{loop}']],
]);
const matches = (pattern: string, clause: string, scope: 'clause' | 'message' = 'clause') => compilePattern(pattern, groups, pattern, scope).exec(` ${clause} `)?.[0].trim();

describe('the fact pattern language', () => {
  it('keeps bracketed alternatives and group references whole when splitting a pattern', () => {
    expect(tokenizePattern('not (enough|plenty of) {money}?')).toEqual(['not', '(enough|plenty of)', '{money}?']);
  });

  it('matches whole words only, so "visa" is not found in "visas"', () => {
    expect(matches('visa', 'my visa card')).toBe('visa');
    expect(matches('visa', 'travel visas')).toBeUndefined();
  });

  it('anchors a pattern at the start or the end of the clause with ^ and $, which are not words to look for', () => {
    expect(matches('^ same', 'same system busy')).toBe('same');
    expect(matches('^ same', 'i use the same card')).toBeUndefined();
    expect(matches('^ same $', 'same')).toBe('same');
    expect(matches('^ same $', 'same error')).toBeUndefined();
    expect(matches('busy $', 'system busy')).toBe('busy');
    expect(patternAnchorSets('^ (same|still same) $', groups)).toEqual([['same', 'still']]);
    expect(() => compilePattern('same ^ error', groups)).toThrow(FactPatternError);
    expect(() => compilePattern('$ same', groups)).toThrow(FactPatternError);
  });

  it('reads a trailing star as any ending of the word', () => {
    expect(matches('declin*', 'it was declined twice')).toBe('declined');
    expect(matches('declin*', 'undeclined')).toBeUndefined();
  });

  it('expands word groups, nested groups and multi-word entries', () => {
    expect(matches('not enough {money}', 'there is not enough balance')).toBe('not enough balance');
    expect(matches('{code} never came', 'the one time password never came')).toBe('one time password never came');
    expect(matches('{code} never came', 'the text message never came')).toBe('text message never came');
  });

  it('treats a question mark as an optional word, also at the end', () => {
    expect(matches('insufficient {money}?', 'it says insufficient')).toBe('insufficient');
    expect(matches('insufficient {money}?', 'it says insufficient funds today')).toBe('insufficient funds');
  });

  it('allows alternatives with nested brackets', () => {
    expect(matches('worked (before|last (month|week))', 'it worked last month')).toBe('worked last month');
  });

  it('bridges up to four words with "..." in a clause, and up to twelve across a message', () => {
    expect(matches('code ... arrived', 'code from my bank never arrived')).toBe('code from my bank never arrived');
    expect(matches('code ... arrived', 'code one two three four five arrived')).toBeUndefined();
    expect(matches('code ... arrived', 'code one two three four five arrived', 'message')).toBe('code one two three four five arrived');
  });

  it('captures a number, in digits or words, as the fact value', () => {
    const expression = compilePattern('tried {num} times', groups);
    expect(expression.exec(' i tried 3 times ')?.groups?.['num']).toBe('3');
    expect(expression.exec(' tried five times ')?.groups?.['num']).toBe('five');
  });

  it('names the problem in a pattern that cannot compile', () => {
    expect(() => compilePattern('{nope} card', groups)).toThrow(FactPatternError);
    expect(() => compilePattern('{nope} card', groups)).toThrow(/unknown word group \{nope\}/);
    expect(() => compilePattern('{loop}', groups)).toThrow(/refers to itself/);
    expect(() => compilePattern('(card', groups)).toThrow(/unbalanced/);
    expect(() => compilePattern('... card', groups)).toThrow(/cannot start or end/);
    expect(() => compilePattern('card? funds?', groups)).toThrow(/every word is optional/);
    expect(() => compilePattern('Card', groups)).toThrow(/lower-case/);
  });
});

describe('anchor words of a pattern', () => {
  const groups = new Map([
    ['code', ['sms', 'text message', '(otp|one time) code']],
    ['maybe', ['really?', 'just']],
  ]);

  it('takes the words of every required part, through groups and alternatives', () => {
    expect(patternAnchorSets('(my|the)? {code} ... never', groups)).toEqual([['sms', 'text', 'otp', 'one'], ['never']]);
    expect(patternAnchorSets('declin* by bank', groups)).toEqual([['declin*'], ['by'], ['bank']]);
  });

  it('passes over a part that may be empty or is a number', () => {
    expect(patternAnchorSets('{maybe} tried', groups)).toEqual([['tried']]);
    expect(patternAnchorSets('{num} times', groups)).toEqual([['times']]);
    expect(patternAnchorSets('{num}', groups)).toEqual([]);
  });
});
