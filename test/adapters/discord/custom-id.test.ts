import { describe, expect, it } from 'vitest';
import { createButtonCodec, CUSTOM_ID_MAX, encodeHandBack } from '../../../src/adapters/discord/custom-id.js';

describe('Discord button custom ids', () => {
  it('carry a short button value as it is, with the index keeping ids unique in a message', () => {
    const codec = createButtonCodec();
    const id = codec.encode('answer:visa', 3);
    expect(id).toBe('sb:3:answer:visa');
    expect(codec.decode(id)).toEqual({ kind: 'action', value: 'answer:visa' });
  });

  it('keep a value too long for Discord in memory, under a hash that fits', () => {
    const codec = createButtonCodec();
    const value = `info:${'x'.repeat(200)}`;
    const id = codec.encode(value, 0);
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(id).toMatch(/^sbh:0:[\w-]+$/);
    expect(codec.decode(id)).toEqual({ kind: 'action', value });
  });

  it('call a long value expired once forgotten (another process, or too many since)', () => {
    const value = `info:${'y'.repeat(200)}`;
    const id = createButtonCodec().encode(value, 0);
    expect(createButtonCodec().decode(id)).toEqual({ kind: 'expired' });
    const small = createButtonCodec({ maxRemembered: 2 });
    const first = small.encode(`${value}1`, 0);
    small.encode(`${value}2`, 0);
    small.encode(`${value}3`, 0);
    expect(small.decode(first)).toEqual({ kind: 'expired' });
  });

  it('encode the hand-back button with the person and the conversation', () => {
    const id = encodeHandBack('discord:thread:1300000000000000009', '1200000000000000001');
    expect(createButtonCodec().decode(id)).toEqual({ kind: 'hand_back', userId: '1200000000000000001', conversationKey: 'discord:thread:1300000000000000009' });
    expect(() => encodeHandBack(`discord:thread:${'9'.repeat(100)}`, '1')).toThrow(/too long/);
  });

  it('call anything else foreign', () => {
    const codec = createButtonCodec();
    for (const id of ['', 'other-bot:1', 'sb:x:value', 'sbhb:notdigits:discord:dm:1', 'sbh:0:']) expect(codec.decode(id)).toEqual({ kind: 'foreign' });
  });
});
