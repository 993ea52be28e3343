import { describe, expect, it } from 'vitest';
import { describeSecrets, GENERIC_PRIVACY_NOTICE, privacyNotice, secretsToRemove } from '../../src/core/privacy-notice.js';

describe('the privacy notice', () => {
  it('says what was found and what happened to the message, never the secret', () => {
    expect(privacyNotice(['card_number'], 'removed')).toMatch(/deleted your message because it contained a card number/);
    expect(privacyNotice(['card_number', 'cvv'], 'shared')).toMatch(/contains a card number and a card security code \(CVV\), and others in this channel can see it\. Please delete it now/);
    expect(privacyNotice(['password'], 'private')).toMatch(/contains a password\. Please delete it \(bots can't delete your messages in direct messages\)/);
  });

  it('always carries the never-share advice, whatever the platform did', () => {
    for (const exposure of ['removed', 'shared', 'private', undefined] as const) {
      expect(privacyNotice(['card_number'], exposure)).toContain('never share card numbers');
    }
  });

  it('falls back to the general notice when the adapter did nothing or the finding is not worth deleting', () => {
    expect(privacyNotice(['card_number'])).toBe(GENERIC_PRIVACY_NOTICE);
    expect(privacyNotice(['email'], 'shared')).toBe(GENERIC_PRIVACY_NOTICE);
  });

  it('acts on secrets, not on an email or phone number shared on purpose', () => {
    expect(secretsToRemove(['email', 'phone'])).toEqual([]);
    expect(secretsToRemove(['card_number', 'expiry', 'email'])).toEqual(['card_number', 'expiry']);
    expect(secretsToRemove(['expiry'])).toEqual([]);
    expect(secretsToRemove(['cvv', 'cvv'])).toEqual(['cvv']);
  });

  it('names kinds it does not know as private details', () => {
    expect(describeSecrets(['something_new'])).toBe('private details');
    expect(describeSecrets(['card_number', 'cvv', 'code'])).toBe('a card number, a card security code (CVV) and a verification code');
  });
});
