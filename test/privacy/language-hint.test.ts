import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'yaml';
import { looksNonEnglish } from '../../src/privacy/language-hint.js';

describe('the not-English hint', () => {
  it.each([
    'hola, mi tarjeta fue rechazada',
    '¿cómo pago con tarjeta?',
    'hola',
    'bonjour, ma carte est refusée',
    "je n'arrive pas à payer avec ma carte",
    'meine Karte wurde abgelehnt',
    'ich kann nicht bezahlen',
    'olá, meu cartão não funciona',
    'não consigo pagar',
    'la mia carta è stata rifiutata',
    '我的卡被拒绝了',
    'Alipay 付款失败',
    'カードが使えません',
    '카드 결제가 안 돼요',
    'моя карта не работает',
    'بطاقتي مرفوضة',
  ])('fires on %j', (text) => {
    expect(looksNonEnglish(text)).toBe(true);
  });

  it.each([
    'hi',
    'hello',
    'ok',
    'yes',
    'no',
    'thanks',
    'my card was declined',
    'how do i pay on alibaba',
    'help',
    'mi card is declined',
    'i need help und stuff',
    'hallo',
    'José here, my card fails',
    'I paid in Las Vegas and Los Angeles',
    'is 付 ok',
    'cafe con leche',
    'the code is 482913',
  ])('stays quiet on English (and typos) like %j', (text) => {
    expect(looksNonEnglish(text)).toBe(false);
  });

  it('does not count words English shares with other languages, such as "per" and "come"', () => {
    // Found by the typo property: "ho" (Italian) + "per" made this look Italian.
    expect(looksNonEnglish('ho much acan i spend per transaction')).toBe(false);
    expect(looksNonEnglish('come on, how do i pay per order')).toBe(false);
    expect(looksNonEnglish('come posso pagare con la carta')).toBe(true);
  });

  it('stays quiet on the shipped English training utterances, with up to three typos each', () => {
    const utterances = trainingUtterances().filter((u) => !looksNonEnglish(u));
    expect(utterances.length).toBeGreaterThan(300);
    const typo = fc
      .tuple(fc.constantFrom(...utterances), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz')), { minLength: 1, maxLength: 3 }))
      .map(([text, edits]) => {
        const chars = [...text];
        for (const [at, op, letter] of edits) {
          const i = at % Math.max(1, chars.length);
          if (op === 0) chars.splice(i, 1);
          else if (op === 1) chars.splice(i, 0, letter);
          else if (op === 2) chars[i] = letter;
          else if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
        }
        return chars.join('');
      });
    fc.assert(fc.property(typo, (text) => !looksNonEnglish(text)), { numRuns: 3000 });
  });
});

function trainingUtterances(): string[] {
  const dir = fileURLToPath(new URL('../../intents/', import.meta.url));
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'intent' && k !== 'description') walk(x);
  };
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) walk(parse(readFileSync(`${dir}${file}`, 'utf8')));
  return out;
}
