import { describe, expect, it } from 'vitest';
import { cleanStaffText, orderOfSlackTs, orderOfSnowflake, redactStaffText, STAFF_TEXT_MAX } from '../../../src/core/live-agent/staff-input.js';
import { compareOrder, type Entry } from '../../../src/core/live-agent/session.js';
import { createPrivacyGuard } from '../../../src/privacy/privacy-guard.js';

const entry = (order: Entry['order'], seq = 0): Entry => ({ seq, to: 'person', kind: 'said', userId: 'u', name: null, text: '', hidden: [], order, appendedAt: 0, state: 'pending', attempts: 0 });

describe('staff input', () => {
  it('keeps line breaks, drops control and invisible characters, and cuts very long text at a word', () => {
    expect(cleanStaffText('  Hi!\r\nLine two\u0007\u200b\n\n\n\nLast\t line ')).toBe('Hi!\nLine two\n\nLast line');
    const long = cleanStaffText('word '.repeat(2000));
    expect(long.length).toBeLessThanOrEqual(STAFF_TEXT_MAX);
    expect(long.endsWith('word…')).toBe(true);
  });

  it('redacts a card number split over two staff messages in one thread', () => {
    const privacy = createPrivacyGuard();
    expect(redactStaffText(privacy, 'staff:slack:T1', 'm1', 'the card number is 4111 1111', 1).text).toBe('the card number is [card number]');
    expect(redactStaffText(privacy, 'staff:slack:T1', 'm2', '1111 1111 thanks', 2)).toEqual({ text: '[card number] thanks', hidden: ['card_number'] });
  });

  it('orders Slack messages by their ts, microseconds included', () => {
    const a = orderOfSlackTs('1700000000.000123');
    const b = orderOfSlackTs('1700000000.000124');
    const c = orderOfSlackTs('1700000001.000001');
    expect(a.ms).toBe(1_700_000_000_000);
    expect(compareOrder(entry(a), entry(b))).toBeLessThan(0);
    expect(compareOrder(entry(c), entry(b))).toBeGreaterThan(0);
  });

  it('orders Discord messages by their ids, whose time they carry', () => {
    const earlier = orderOfSnowflake('1300000000000000001');
    const later = orderOfSnowflake('1300000000000000002');
    expect(earlier.ms).toBe(Number((1300000000000000001n >> 22n) + 1420070400000n));
    expect(compareOrder(entry(earlier), entry(later))).toBeLessThan(0);
  });
});
