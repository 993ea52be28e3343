import { describe, expect, it } from 'vitest';
import { contentWords, foldDocumentCards, words } from '../../src/knowledge/text-analysis.js';

describe('text analysis for the knowledge search', () => {
  it('reads "ID card" as a document, not as a payment card', () => {
    expect(contentWords('is a german ID card ok or only passport')).toContain('idcard');
    expect(contentWords('is a german ID card ok or only passport')).not.toContain('card');
    expect(foldDocumentCards(['identity', 'cards', 'accepted'])).toEqual(['identity', 'idcard', 'accepted']);
  });

  it('reads money symbols as the words they stand for', () => {
    expect(words('they took 3% and ¥20')).toEqual(['they', 'took', '3', 'percent', 'and', 'yuan', '20']);
    expect(contentWords('visa or master')).toEqual(['visa', 'mastercard']);
  });

  it('reads "the most I can pay" and "how much can I send" as asking for a maximum, and "the most common" not', () => {
    expect(contentWords("what's the most I can pay")).toContain('maximum');
    expect(contentWords('how much can I send in one go')).toContain('maximum');
    expect(contentWords('how much does it cost')).not.toContain('maximum');
    expect(contentWords('the most common cards')).toEqual(['most', 'common', 'cards']);
  });

  it('drops greetings and chat fillers, which say nothing about the subject', () => {
    expect(contentWords('dear sir pls help, my card got declined lol')).toEqual(['help', 'card', 'declined']);
    expect(contentWords('hola, gracias po, card declined bhai')).toEqual(['card', 'declined']);
  });

  it('leaves a payment card alone', () => {
    expect(contentWords('does my debit card work')).toContain('card');
    expect(foldDocumentCards(['card', 'id'])).toEqual(['card', 'id']);
  });
});
