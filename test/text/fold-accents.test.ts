import { describe, expect, it } from 'vitest';
import { foldAccents } from '../../src/text/fold-accents.js';

describe('folding accents', () => {
  it.each([
    ['não', 'nao'],
    ['cartão', 'cartao'],
    ['doğrulama', 'dogrulama'],
    ['başarısız', 'basarisiz'],
    ['đã', 'da'],
    ['złoty', 'zloty'],
    ['rechazó', 'rechazo'],
    ['straße', 'strasse'],
    ['ﬁx my ｃａｒｄ', 'fix my card'],
  ])('reads "%s" as "%s"', (word, plain) => {
    expect(foldAccents(word)).toBe(plain);
  });

  it('leaves a plain word as it is', () => {
    expect(foldAccents('declined')).toBe('declined');
  });
});
