import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createValueSigner } from '../../src/core/signed-values.js';

describe('signed button values', () => {
  const signer = createValueSigner('xoxb-secret', 'hand-back');

  it('reads back what it signed, and nothing else', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), fc.string({ minLength: 1, maxLength: 80 }), (value, other) => {
        const signed = signer.sign(value);
        expect(signer.verify(signed)).toBe(value);
        if (other !== value) expect(signer.verify(signed.replace(value, other))).toBeUndefined();
      }),
    );
  });

  it('refuses a value signed with another secret or for another purpose, and malformed ones', () => {
    const key = 'discord:thread:1300000000000000001';
    expect(createValueSigner('another-secret', 'hand-back').verify(signer.sign(key))).toBeUndefined();
    expect(createValueSigner('xoxb-secret', 'choice').verify(signer.sign(key))).toBeUndefined();
    for (const bad of ['', key, `${key}~`, `~${signer.sign(key).split('~')[1] ?? ''}`, `${signer.sign(key)}x`]) expect(signer.verify(bad)).toBeUndefined();
  });

  it('fits a Discord custom id with the longest conversation key', () => {
    expect(`sbhb:${signer.sign(`discord:channel:${'9'.repeat(20)}:${'9'.repeat(20)}`)}`.length).toBeLessThanOrEqual(100);
  });
});
