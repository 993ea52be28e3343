import { describe, expect, it } from 'vitest';
import { createPrivacyGuard } from '../../src/privacy/privacy-guard.js';

describe('a card number split over messages', () => {
  it('is caught over two messages', () => {
    const guard = createPrivacyGuard();
    expect(guard.redactMessage?.('c1', 'e1', 'my card is 4111 1111', 1000).text).toBe('my card is [card number]');
    expect(guard.redactMessage?.('c1', 'e2', '1111 1111', 2000).text).toBe('[card number]');
  });

  it('is still caught when its first half happened to complete a card with the digits of the message before (found by the insights property test)', () => {
    const guard = createPrivacyGuard();
    guard.redactMessage?.('c1', 'e1', 'the code is 300098', 1000);
    expect(guard.redactMessage?.('c1', 'e2', 'card 58632362', 2000).text).not.toContain('58632362');
    expect(guard.redactMessage?.('c1', 'e3', '0100006', 3000).text).toBe('[card number]');
  });
});
