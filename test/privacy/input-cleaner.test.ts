import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createInputCleaner, truncate } from '../../src/privacy/input-cleaner.js';
import { createPrivacyGuard } from '../../src/privacy/privacy-guard.js';

const cleaner = createInputCleaner();

describe('the input cleaner', () => {
  it.each([
    ['  hello\u200b   world  ', 'hello world'],
    ['my\u202ecard\u200f fails', 'mycard fails'],
    ['a\u0000b\u0007c\u001b[31md', 'a b c [31md'],
    ['ｍｙ ｃａｒｄ ４１１１', 'my card 4111'],
    ['line one\r\n\tline two', 'line one line two'],
    ['bad \ud800 surrogate \ufffd here', 'bad surrogate here'],
    ['z̷̢̛̖̗̘algo', 'z̷̢algo'],
  ])('normalises %j to %j', (input, expected) => {
    expect(cleaner.clean(input).text).toBe(expected);
  });

  it.each([
    ['<@U024BE7LH> my card was declined', 'my card was declined'],
    ['see <https://alipay.com/help|the help page>', 'see the help page'],
    ['see <https://alipay.com/help>', 'see https://alipay.com/help'],
    ['in <#C024BE7LR|support> please <!here>', 'in #support please'],
    ['<@!123456789012345678> hi <:alipay:987654321098765432>', 'hi :alipay:'],
    ['```js\nmy card 4111```', 'my card 4111'],
    ['the `code` is', 'the code is'],
  ])('strips leftover platform markup from %j', (input, expected) => {
    expect(cleaner.clean(input).text).toBe(expected);
  });

  it.each(['', '   ', '\n\t\r', '\u200b\u200b', '\u0000\u0001', '<@U123>'])('notes an empty message: %j', (input) => {
    expect(cleaner.clean(input)).toEqual({ text: '', notes: ['empty'] });
  });

  it('keeps the first 500 characters of a long message, at a sentence or word boundary, and says so', () => {
    const sentence = 'My card was declined when I tried to pay. ';
    const result = cleaner.clean(sentence.repeat(40));
    expect(result.notes).toEqual(['truncated']);
    expect(result.text.length).toBeLessThanOrEqual(500);
    expect(result.text.endsWith('pay.')).toBe(true);
    const words = cleaner.clean('word '.repeat(300)).text;
    expect(words.endsWith('word')).toBe(true);
  });

  it('cleans a 1 MB paste quickly and keeps only the first part', () => {
    const started = performance.now();
    const result = cleaner.clean('é'.repeat(1_000_000));
    expect(performance.now() - started).toBeLessThan(200);
    expect(result.text.length).toBe(500);
    expect(result.notes).toContain('truncated');
  });

  it('never cuts a number in two, so half a card number cannot slip past the guard', () => {
    const guard = createPrivacyGuard();
    fc.assert(
      fc.property(fc.integer({ min: 440, max: 499 }), (padding) => {
        const text = `${'a'.repeat(padding)} 4111 1111 1111 1111 thanks ${'b'.repeat(600)}`;
        const kept = guard.redact(truncate(text, 500)).text;
        expect(kept).not.toMatch(/1111/);
      }),
    );
  });

  it('never splits a surrogate pair when it has to cut inside a word', () => {
    const text = truncate('😀'.repeat(400), 501);
    expect(text.length).toBe(500);
    expect(text.endsWith('😀')).toBe(true);
  });

  it.each(['👍', '👍👍 🙏', '🇨🇳', '❤️', '😡!!'])('notes a message of emoji only: %j', (input) => {
    expect(cleaner.clean(input).notes).toEqual(['emoji_only']);
  });

  it.each(['👍 thanks', 'ok', '???', '1️⃣'])('does not call %j emoji only', (input) => {
    expect(cleaner.clean(input).notes).not.toContain('emoji_only');
  });

  it('notes a message that is probably not English', () => {
    expect(cleaner.clean('mi tarjeta fue rechazada').notes).toEqual(['non_english']);
    expect(cleaner.clean('我的卡被拒绝了').notes).toEqual(['non_english']);
    expect(cleaner.clean('my card was declined').notes).toEqual([]);
  });

  it('returns text with no control, format or lone surrogate characters, whatever it gets', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 700 }), (input) => {
        const { text, notes } = cleaner.clean(input);
        expect(text).not.toMatch(/[\p{Cc}\p{Cf}\p{Cs}]/u);
        expect(text).toBe(text.trim());
        expect(text).not.toMatch(/\s\s/);
        expect(text.length).toBeLessThanOrEqual(500);
        expect(notes.includes('empty')).toBe(text === '');
        expect(cleaner.clean(text).text).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
