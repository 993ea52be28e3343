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

  it('leaves a payment card alone', () => {
    expect(contentWords('does my debit card work')).toContain('card');
    expect(foldDocumentCards(['card', 'id'])).toEqual(['card', 'id']);
  });
});
