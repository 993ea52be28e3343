import { describe, expect, it } from 'vitest';
import { clauseWords, plainWords, splitClauses, spellOut } from '../../../src/nlu/understanding/message-text.js';

describe('reading a message as clauses of plain words', () => {
  it('spells out negations, with or without the apostrophe', () => {
    expect(spellOut("it won't go, I can't pay, didn't work")).toBe('it will not go, i can not pay, did not work');
    expect(plainWords('it wont go thru and i cant pay')).toEqual(['it', 'will', 'not', 'go', 'through', 'and', 'i', 'can', 'not', 'pay']);
  });

  it('keeps a number with thousands separators or decimals as one number', () => {
    expect(clauseWords('I paid $1,200.50 for it')).toEqual([['i', 'paid', '120050', 'for', 'it']]);
  });

  it('splits at sentence ends, commas and the words that join two statements', () => {
    const clauses = clauseWords('hi, new here. my visa is declined but I have money so what now');
    expect(clauses).toEqual([['hi'], ['new', 'here'], ['my', 'visa', 'is', 'declined'], ['i', 'have', 'money'], ['what', 'now']]);
  });

  it('keeps a site name whole and "also" after its subject in one clause', () => {
    expect(clauseWords('booking.com charged me twice')).toEqual([['booking', 'com', 'charged', 'me', 'twice']]);
    expect(clauseWords('I also tried my other card')).toEqual([['i', 'also', 'tried', 'my', 'other', 'card']]);
    expect(clauseWords('the card failed also the app crashed')).toEqual([['the', 'card', 'failed'], ['the', 'app', 'crashed']]);
  });

  it('marks the clauses that were asked', () => {
    expect(splitClauses('my card failed. why?').map((c) => c.question)).toEqual([false, true]);
  });

  it('turns a privacy placeholder into one neutral word, never "card" or "code"', () => {
    expect(clauseWords('my card number is [card number] and the code [code]')).toEqual([['my', 'card', 'number', 'is', 'redacted', 'and', 'the', 'code', 'redacted']]);
  });

  it('returns no clause for a message without words', () => {
    expect(splitClauses('!!! ...')).toEqual([]);
  });
});
