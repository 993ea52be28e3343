import { describe, expect, it } from 'vitest';
import { routeMessage, type RouteContext } from '../../../src/adapters/discord/route-message.js';
import type { DiscordMessageView } from '../../../src/adapters/discord/to-message.js';
import { conversationKeyOf, placeOf } from '../../../src/adapters/discord/conversation-key.js';

const BOT = '1100000000000000001';
const SUPPORT = '1300000000000000001';
const GENERAL = '1300000000000000003';
const ALICE = '1500000000000000001';

const base: DiscordMessageView = {
  id: '1700000000000000001',
  channelId: SUPPORT,
  guildId: '1200000000000000001',
  authorId: ALICE,
  authorIsBot: false,
  system: false,
  webhookId: null,
  content: 'hi',
  createdTimestamp: 0,
  channelKind: 'text',
  parentId: null,
  threadOwnerId: null,
  authorRoleIds: [],
  mentionedUserIds: [BOT],
  mentionedRoleIds: [],
  names: { users: {}, roles: {}, channels: {} },
};
const ctx: RouteContext = { botId: BOT, supportChannels: [SUPPORT], canOpenThread: true };

describe('routeMessage', () => {
  it('opens a thread on a mention in a support channel, keyed by the message id', () => {
    expect(routeMessage(base, ctx)).toEqual({
      action: 'answer',
      place: { kind: 'thread', threadId: base.id },
      replyChannelId: base.id,
      openThreadOn: base.id,
    });
  });

  it('answers in the channel, one conversation per person, where no thread can be opened', () => {
    expect(routeMessage(base, { ...ctx, canOpenThread: false })).toEqual({
      action: 'answer',
      place: { kind: 'channel', channelId: SUPPORT, userId: ALICE },
      replyChannelId: SUPPORT,
      replyTo: base.id,
    });
  });

  it('answers mentions everywhere when no support channels are configured', () => {
    expect(routeMessage({ ...base, channelId: GENERAL }, { ...ctx, supportChannels: [] }).action).toBe('answer');
    expect(routeMessage({ ...base, channelId: GENERAL }, ctx)).toEqual({ action: 'ignore', reason: 'not a support channel' });
  });

  it('ignores itself, other bots, system and webhook messages, and unaddressed messages', () => {
    expect(routeMessage({ ...base, authorId: BOT }, ctx).action).toBe('ignore');
    expect(routeMessage({ ...base, authorIsBot: true }, ctx).action).toBe('ignore');
    expect(routeMessage({ ...base, system: true }, ctx).action).toBe('ignore');
    expect(routeMessage({ ...base, webhookId: '1' }, ctx).action).toBe('ignore');
    expect(routeMessage({ ...base, mentionedUserIds: [] }, ctx).action).toBe('ignore');
  });

  it('answers every direct message', () => {
    const dm = { ...base, guildId: null, channelKind: 'dm' as const, mentionedUserIds: [] };
    expect(routeMessage(dm, ctx)).toMatchObject({ action: 'answer', place: { kind: 'dm', channelId: SUPPORT } });
  });

  it('continues in its own threads without a mention, but not when someone else is addressed', () => {
    const inThread = { ...base, channelId: '1700000000000000009', channelKind: 'thread' as const, parentId: SUPPORT, threadOwnerId: BOT, mentionedUserIds: [] };
    expect(routeMessage(inThread, ctx)).toMatchObject({ action: 'answer', place: { kind: 'thread', threadId: inThread.channelId } });
    expect(routeMessage({ ...inThread, mentionedUserIds: ['1500000000000000002'] }, ctx).action).toBe('ignore');
    expect(routeMessage({ ...inThread, mentionedRoleIds: ['1200000000000000003'] }, ctx).action).toBe('ignore');
  });

  it('leaves the support team to talk to the person in its threads unless they mention it', () => {
    const staffCtx = { ...ctx, supportRole: '1200000000000000003' };
    const fromStaff = {
      ...base,
      channelId: '1700000000000000009',
      channelKind: 'thread' as const,
      parentId: SUPPORT,
      threadOwnerId: BOT,
      mentionedUserIds: [],
      authorRoleIds: ['1200000000000000003'],
    };
    expect(routeMessage(fromStaff, staffCtx)).toEqual({ action: 'ignore', reason: 'support staff talking to the person' });
    expect(routeMessage({ ...fromStaff, mentionedUserIds: [BOT] }, staffCtx).action).toBe('answer');
    expect(routeMessage(fromStaff, ctx).action).toBe('answer');
  });

  it("answers a mention in someone else's thread under a support channel, and nothing else there", () => {
    const thread = { ...base, channelId: '1700000000000000009', channelKind: 'thread' as const, parentId: SUPPORT, threadOwnerId: ALICE };
    expect(routeMessage(thread, ctx).action).toBe('answer');
    expect(routeMessage({ ...thread, mentionedUserIds: [] }, ctx).action).toBe('ignore');
    expect(routeMessage({ ...thread, parentId: GENERAL }, ctx).action).toBe('ignore');
  });
});

describe('conversation keys', () => {
  it('round-trip through placeOf', () => {
    for (const place of [
      { kind: 'dm', channelId: '1' },
      { kind: 'thread', threadId: '2' },
      { kind: 'channel', channelId: '3', userId: '4' },
    ] as const) {
      expect(placeOf(conversationKeyOf(place))).toEqual(place);
    }
    expect(placeOf('slack:C1')).toBeUndefined();
    expect(placeOf('discord:dm:1:2')).toBeUndefined();
  });
});
