import { describe, expect, it } from 'vitest';
import { redactDeep } from '../../src/privacy/redact-deep.js';

describe('redactDeep', () => {
  it('redacts every string in nested objects and arrays, and leaves numbers, booleans and null as they are', () => {
    const record = { turns: [{ user: 'my card is 4111 1111 1111 1111', bot: ['ok', { note: 'otp: 482913' }] }], n: 4111111111111111, ok: true, none: null };
    expect(redactDeep(record)).toEqual({
      turns: [{ user: 'my card is [card number]', bot: ['ok', { note: 'otp: [code]' }] }],
      n: 4111111111111111,
      ok: true,
      none: null,
    });
  });

  it('does not change the value it was given', () => {
    const record = { text: 'cvv 123' };
    redactDeep(record);
    expect(record.text).toBe('cvv 123');
  });

  it('keeps an Error an Error, with its message, stack and own fields redacted', () => {
    const error = Object.assign(new TypeError('bad card 4111111111111111'), { detail: 'pwd: hunter2' });
    const copy = redactDeep(error);
    expect(copy).toBeInstanceOf(TypeError);
    expect(copy.message).toBe('bad card [card number]');
    expect(copy.stack).not.toContain('4111111111111111');
    expect((copy as unknown as { detail: string }).detail).toBe('pwd: [password]');
  });

  it('keeps platform identifiers that would look like card numbers', () => {
    const ids = { conversationKey: 'discord:4111111111111111', userId: '4111111111111111', text: '4111111111111111' };
    expect(redactDeep(ids)).toEqual({ ...ids, text: '[card number]' });
  });

  it('survives cycles and very deep values', () => {
    const a: Record<string, unknown> = { text: 'code 482913' };
    a.self = a;
    let deep: unknown = 'exp 09/27';
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(redactDeep(a)).toEqual({ text: 'code [code]', self: '[circular]' });
    expect(JSON.stringify(redactDeep(deep))).toContain('[too deep]');
  });
});
