import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Values the bot writes into a button and reads back (the conversation key on staff's "Hand back to
 * the bot"), signed so that an edited or forged button cannot name another conversation. HMAC-SHA256
 * under a key derived from a secret the deployment already has (the platform's bot token): every
 * instance and every restart agree, and nothing new has to be configured. A new token makes older
 * buttons read as expired.
 */
export interface ValueSigner {
  /** `value~mac`. */
  sign(value: string): string;
  /** The value when the signature is ours, else undefined (never throws). */
  verify(signed: string): string | undefined;
}

const SEPARATOR = '~';
/** 22 base64url characters = 132 bits: short enough for Discord's 100-character custom ids. */
const MAC_CHARS = 22;

/** `purpose` separates keys, so a value signed for one use is never accepted for another. */
export function createValueSigner(secret: string, purpose: string): ValueSigner {
  if (secret === '') throw new Error('a value signer needs a non-empty secret');
  const key = createHmac('sha256', secret).update(`supportbot signed button values v1 ${purpose}`).digest();
  const mac = (value: string) => createHmac('sha256', key).update(value).digest('base64url').slice(0, MAC_CHARS);
  return {
    sign: (value) => `${value}${SEPARATOR}${mac(value)}`,
    verify(signed) {
      const at = signed.lastIndexOf(SEPARATOR);
      if (at <= 0) return undefined;
      const value = signed.slice(0, at);
      const given = Buffer.from(signed.slice(at + 1));
      const expected = Buffer.from(mac(value));
      return given.length === expected.length && timingSafeEqual(given, expected) ? value : undefined;
    },
  };
}
