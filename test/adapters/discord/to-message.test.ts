import { describe, expect, it } from 'vitest';
import { discordMessageViewSchema, messageToIncoming, normaliseDiscordText, type DiscordMessageView } from '../../../src/adapters/discord/to-message.js';
import { incomingMessageSchema } from '../../../src/core/types.js';

const BOT = '1100000000000000001';

describe('normaliseDiscordText', () => {
  const n = (text: string, extra: Parameters<typeof normaliseDiscordText>[1] extends infer O ? Partial<O> : never = {}) =>
    normaliseDiscordText(text, { botId: BOT, ...extra });

  it("removes the bot's own mention in both forms", () => {
    expect(n(`<@${BOT}> my card was declined`)).toBe('my card was declined');
    expect(n(`hey <@!${BOT}>, help`)).toBe('hey , help');
  });

  it('turns other mentions into @names, and drops the ones it cannot name', () => {
    expect(n('ask <@222> and <@&333> in <#444>', { users: { '222': 'Bob' }, roles: { '333': 'Support' }, channels: { '444': 'payments' } })).toBe(
      'ask @Bob and @Support in #payments',
    );
    expect(n('ask <@222> now')).toBe('ask now');
  });

  it('unwraps code blocks, inline code, bold, italics, underline, strikethrough and spoilers', () => {
    expect(n('```txt\nDO_NOT_HONOR\n```')).toBe('DO_NOT_HONOR');
    expect(n('error `05` from **my bank** and *again* _really_ __now__ ~~maybe~~ ||secret||')).toBe('error 05 from my bank and again really now maybe secret');
  });

  it('keeps snake_case words and lone asterisks as they are', () => {
    expect(n('code card_not_supported at 2 * 3')).toBe('code card_not_supported at 2 * 3');
  });

  it('strips quotes, headings and subtext markers, and reads emoji and timestamps', () => {
    expect(n('> quoted\n# Title\n-# small <:visa:123> at <t:0:R>')).toBe('quoted\nTitle\nsmall :visa: at 1970-01-01 00:00');
  });

  it('puts a card number split by markup back together so the privacy guard can see it', () => {
    expect(n('4111 **1111** ||1111|| `1111`')).toBe('4111 1111 1111 1111');
  });
});

describe('messageToIncoming', () => {
  const view: DiscordMessageView = {
    id: '1700000000000000001',
    channelId: '1300000000000000001',
    guildId: '1200000000000000001',
    authorId: '1500000000000000001',
    authorIsBot: false,
    system: false,
    webhookId: null,
    content: `<@${BOT}> **help**`,
    createdTimestamp: 1_700_000_000_000,
    channelKind: 'text',
    parentId: null,
    threadOwnerId: null,
    authorRoleIds: [],
    mentionedUserIds: [BOT],
    mentionedRoleIds: [],
    names: { users: {}, roles: {}, channels: {} },
  };

  it('builds a valid IncomingMessage keyed by the message id', () => {
    const message = messageToIncoming(view, 'discord:thread:1700000000000000001', BOT);
    expect(incomingMessageSchema.parse(message)).toEqual({
      platform: 'discord',
      conversationKey: 'discord:thread:1700000000000000001',
      userId: view.authorId,
      text: 'help',
      eventId: 'discord:message:1700000000000000001',
      receivedAt: view.createdTimestamp,
    });
  });

  it('rejects a view whose ids are not Discord ids', () => {
    expect(discordMessageViewSchema.safeParse({ ...view, authorId: 'nope' }).success).toBe(false);
    expect(discordMessageViewSchema.safeParse(view).success).toBe(true);
  });
});
