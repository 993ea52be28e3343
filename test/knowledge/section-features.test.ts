import { describe, expect, it } from 'vitest';
import { afterMark, forEachFeature } from '../../src/knowledge/section-features.js';

const features = (text: string): string[] => {
  const keys: string[] = [];
  forEachFeature(text, (k) => keys.push(k));
  return keys;
};

describe('the section classifier features', () => {
  it('reads the section just shown as one feature of its own, not as words', () => {
    const keys = features(`how long ${afterMark('refunds#refund-time')}`);
    expect(keys).toContain('w:@after:refunds#refund-time');
    expect(keys.filter((k) => !k.startsWith('w:@after:')).some((k) => k.includes('refund'))).toBe(false);
    expect(keys).toContain('w:long');
  });

  it('gives a question without a mark only its words and character n-grams', () => {
    expect(features('how long').every((k) => /^[wc]:[^@]/.test(k))).toBe(true);
  });
});
