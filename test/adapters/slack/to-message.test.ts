import { describe, expect, it } from 'vitest';
import { conversationKeyOf, parseConversationKey } from '../../../src/adapters/slack/conversation-key.js';
import { actionMessage, normaliseSlackText, placeOf, textMessage } from '../../../src/adapters/slack/to-message.js';
import { incomingMessageSchema } from '../../../src/core/types.js';

const BOT = 'UBOT00001';

describe('normalising Slack text', () => {
  it.each([
    [`<@${BOT}> my card was declined`, 'my card was declined'],
    [`<@${BOT}|supportbot> hi`, 'hi'],
    ['hey <@UALICE001> look', 'hey @UALICE001 look'],
    ['see <https://www.alibaba.com|Alibaba> now', 'see Alibaba now'],
    ['see <https://www.alibaba.com>', 'see https://www.alibaba.com'],
    ['mail <mailto:help@example.com|help@example.com>', 'mail help@example.com'],
    ['in <#C123|payments> please', 'in #payments please'],
    ['<!here> anyone?', '@here anyone?'],
    ['this is *very* _really_ ~not~ `code` important', 'this is very really not code important'],
    ['```\nerror 123\n```', 'error 123'],
    ['A &amp; B &lt;3 &gt; C', 'A & B <3 > C'],
    ['my_account_id and 2*3*4', 'my_account_id and 2*3*4'],
    ['&lt;@UFAKE&gt; stays text', '<@UFAKE> stays text'],
  ])('%j → %j', (input, expected) => {
    expect(normaliseSlackText(input, BOT)).toBe(expected);
  });

  it('keeps digits Slack auto-linked, so the privacy guard still sees a pasted card', () => {
    expect(normaliseSlackText('<tel:4111111111111111|4111 1111 1111 1111>')).toBe('4111 1111 1111 1111');
  });
});

describe('Slack conversation keys', () => {
  it('keeps one conversation per DM channel, whatever thread a message is in', () => {
    expect(conversationKeyOf(placeOf('T1', 'D123', '1.000001', undefined))).toBe('slack:T1:D123');
    expect(conversationKeyOf(placeOf('T1', 'D123', '1.000002', '1.000001'))).toBe('slack:T1:D123');
  });

  it('makes each channel thread its own conversation, started by the mention itself', () => {
    expect(conversationKeyOf(placeOf('T1', 'C9', '5.000001', undefined))).toBe('slack:T1:C9:5.000001');
    expect(conversationKeyOf(placeOf('T1', 'C9', '5.000009', '5.000001'))).toBe('slack:T1:C9:5.000001');
  });

  it('reads a key back, and refuses what is not a Slack key', () => {
    expect(parseConversationKey('slack:T1:C9:5.000001')).toEqual({ team: 'T1', channel: 'C9', threadTs: '5.000001' });
    expect(parseConversationKey('slack:T1:D123')).toEqual({ team: 'T1', channel: 'D123' });
    expect(parseConversationKey('discord:1:2')).toBeUndefined();
    expect(parseConversationKey('slack:T1:C9:<!channel>')).toBeUndefined();
  });
});

describe('Slack events and clicks as IncomingMessages', () => {
  it('builds a valid typed message with the mention stripped', () => {
    const m = textMessage({ place: { team: 'T1', channel: 'C9', threadTs: '5.1' }, userId: 'U1', text: `<@${BOT}> hi`, eventId: 'slack:event:Ev1', botUserId: BOT, receivedAt: 7 });
    expect(incomingMessageSchema.parse(m)).toEqual({ platform: 'slack', conversationKey: 'slack:T1:C9:5.1', userId: 'U1', text: 'hi', eventId: 'slack:event:Ev1', receivedAt: 7 });
  });

  it('builds a valid click carrying the button value and no text', () => {
    const m = actionMessage({ place: { team: 'T1', channel: 'D1' }, userId: 'U1', value: 'intent:payment_declined', eventId: 'slack:action:trig', receivedAt: 7 });
    expect(incomingMessageSchema.parse(m)).toMatchObject({ action: 'intent:payment_declined', conversationKey: 'slack:T1:D1' });
    expect(m.text).toBeUndefined();
  });
});
