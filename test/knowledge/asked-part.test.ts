import { describe, expect, it } from 'vitest';
import { askedPart } from '../../src/knowledge/asked-part.js';

describe("a long message's asked part", () => {
  it('is the last sentence when it asks, after a story', () => {
    expect(askedPart('it wants to charge me 3,540 something but my order is 500 dollars?? is this in yuan')).toBe('is this in yuan');
    expect(askedPart('I verified my passport last week. The test charge came back too. What is the most I can send?')).toBe('What is the most I can send?');
  });

  it('is the last asking sentence when a statement follows it', () => {
    expect(askedPart('We order 9000 EUR. How much does Alipay allow in one payment? I do not want it to fail halfway.')).toBe('How much does Alipay allow in one payment?');
    expect(askedPart('Is there a fee? I paid yesterday.')).toBe('Is there a fee?');
  });

  it('is nothing for a one-sentence question or a message that asks nothing', () => {
    expect(askedPart('how do I raise my limit?')).toBeUndefined();
    expect(askedPart('My card was declined. I paid yesterday.')).toBeUndefined();
  });
});
