import { describe, expect, it } from 'vitest';
import { contentWords, foldDocumentCards } from '../../src/knowledge/text-analysis.js';

describe('text analysis for the knowledge search', () => {
  it('reads "ID card" as a document, not as a payment card', () => {
    expect(contentWords('is a german ID card ok or only passport')).toContain('idcard');
    expect(contentWords('is a german ID card ok or only passport')).not.toContain('card');
    expect(foldDocumentCards(['identity', 'cards', 'accepted'])).toEqual(['identity', 'idcard', 'accepted']);
  });

  it('leaves a payment card alone', () => {
    expect(contentWords('does my debit card work')).toContain('card');
    expect(foldDocumentCards(['card', 'id'])).toEqual(['card', 'id']);
  });
});
