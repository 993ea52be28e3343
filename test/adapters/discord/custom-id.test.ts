import { describe, expect, it } from 'vitest';
import { createButtonCodec, CUSTOM_ID_MAX } from '../../../src/adapters/discord/custom-id.js';

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

  it('sign the conversation on the hand-back button, and refuse one that does not verify', () => {
    const codec = createButtonCodec({ secret: 'bot-token' });
    const key = 'discord:thread:1300000000000000009';
    const id = codec.encodeHandBack(key);
    expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
    expect(codec.decode(id)).toEqual({ kind: 'hand_back', conversationKey: key });
    // Another instance with the same token agrees; another token, an edited key or the old unsigned form do not.
    expect(createButtonCodec({ secret: 'bot-token' }).decode(id)).toEqual({ kind: 'hand_back', conversationKey: key });
    const forged = [
      createButtonCodec({ secret: 'other-token' }).encodeHandBack(key),
      id.replace('1300000000000000009', '1300000000000000008'),
      `sbhb:1200000000000000001:${key}`,
      `sbhb:${key}`,
      'sbhb:',
    ];
    for (const bad of forged) expect(codec.decode(bad), bad).toEqual({ kind: 'hand_back_invalid' });
    expect(() => codec.encodeHandBack(`discord:thread:${'9'.repeat(100)}`)).toThrow(/too long/);
  });

  it('never read a choice as a staff action, however it is written', () => {
    const codec = createButtonCodec();
    for (const value of ['handoff:release', 'HANDOFF:RELEASE', ' handoff:release ']) {
      expect(codec.decode(`sb:0:${value}`)).toEqual({ kind: 'foreign' });
      expect(codec.decode(codec.encode(value, 1))).toEqual({ kind: 'foreign' });
    }
  });

  it('call anything else foreign', () => {
    const codec = createButtonCodec();
    for (const id of ['', 'other-bot:1', 'sb:x:value', 'sbh:0:']) expect(codec.decode(id)).toEqual({ kind: 'foreign' });
  });
});
