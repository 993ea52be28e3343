import { describe, expect, it } from 'vitest';
import { withBankAcronyms } from '../../src/knowledge/bank-acronyms.js';

describe("a bank named by its letters", () => {
  it('is searched as a bank too', () => {
    expect(withBankAcronyms('and CRDB? they charge for dollar payments?')).toBe('and CRDB? they charge for dollar payments? bank');
  });

  it('leaves currencies, common abbreviations and a message typed in capitals alone', () => {
    expect(withBankAcronyms('is it charged in USD or CNY? the OTP never came')).toBe('is it charged in USD or CNY? the OTP never came');
    expect(withBankAcronyms('WHY IS MY CARD DECLINED')).toBe('WHY IS MY CARD DECLINED');
  });
});
