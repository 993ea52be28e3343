/**
 * Discord message → IncomingMessage: the platform's markup normalised to the plain text the core
 * reads (mentions, code, bold, italics, spoilers, quotes, headings, custom emoji, timestamps).
 */
import { z } from 'zod';
import type { IncomingMessage } from '../../core/types.js';

export const snowflakeSchema = z.string().regex(/^\d{1,20}$/, 'must be a Discord id (digits)');

/** The parts of a discord.js Message the adapter reads; parsed with zod so a bad event is rejected, not crashed on. */
export const discordMessageViewSchema = z.object({
  id: snowflakeSchema,
  channelId: snowflakeSchema,
  guildId: snowflakeSchema.nullable(),
  authorId: snowflakeSchema,
  authorIsBot: z.boolean(),
  /** System messages (joins, pins) and webhook posts are never answered. */
  system: z.boolean(),
  webhookId: z.string().nullable(),
  content: z.string(),
  createdTimestamp: z.number().int().nonnegative(),
  /** `text` = a guild channel the bot can open threads from; `other` = voice chat, stage, etc. */
  channelKind: z.enum(['dm', 'thread', 'text', 'other']),
  /** For threads: the channel the thread belongs to, and who opened it. */
  parentId: snowflakeSchema.nullable(),
  threadOwnerId: snowflakeSchema.nullable(),
  /** The author's roles in the guild (empty in DMs). */
  authorRoleIds: z.array(snowflakeSchema),
  mentionedUserIds: z.array(snowflakeSchema),
  mentionedRoleIds: z.array(snowflakeSchema),
  /** Display names for mentions, so `<@id>` reads as `@name`. */
  names: z.object({
    users: z.record(z.string(), z.string()),
    roles: z.record(z.string(), z.string()),
    channels: z.record(z.string(), z.string()),
  }),
});
export type DiscordMessageView = z.output<typeof discordMessageViewSchema>;

export interface NormaliseOptions {
  botId: string;
  users?: Record<string, string>;
  roles?: Record<string, string>;
  channels?: Record<string, string>;
}

/** Discord markdown and mentions → plain text. The bot's own mention is removed entirely. */
export function normaliseDiscordText(content: string, options: NormaliseOptions): string {
  const users = options.users ?? {};
  const roles = options.roles ?? {};
  const channels = options.channels ?? {};
  let text = content;
  // Code first: what is inside is literal and must not be touched by the other rules.
  text = text.replace(/```(?:[\w+-]*\n)?([\s\S]*?)```/g, (_m, code: string) => ` ${code.trim()} `);
  text = text.replace(/`([^`\n]+)`/g, '$1');
  text = text.replace(/<@!?(\d+)>/g, (_m, id: string) => (id === options.botId ? ' ' : users[id] ? `@${users[id]}` : ' '));
  text = text.replace(/<@&(\d+)>/g, (_m, id: string) => (roles[id] ? `@${roles[id]}` : ' '));
  text = text.replace(/<#(\d+)>/g, (_m, id: string) => (channels[id] ? `#${channels[id]}` : ' '));
  text = text.replace(/<a?:(\w+):\d+>/g, ':$1:');
  text = text.replace(/<t:(-?\d+)(?::[tTdDfFR])?>/g, (_m, secs: string) => new Date(Number(secs) * 1000).toISOString().slice(0, 16).replace('T', ' '));
  text = text.replace(/<(https?:\/\/[^>\s]+)>/g, '$1');
  // Line prefixes: quotes, headings, subtext, list bullets.
  text = text.replace(/^\s*>>>\s?/gm, '').replace(/^\s*>\s?/gm, '');
  text = text.replace(/^\s*(?:#{1,3}|-#)\s+/gm, '');
  // Inline emphasis; `_x_` only at word edges so snake_case survives.
  text = text.replace(/\|\|([\s\S]+?)\|\|/g, '$1');
  text = text.replace(/\*\*\*([^*]+)\*\*\*/g, '$1');
  text = text.replace(/\*\*([^*]+)\*\*/g, '$1');
  text = text.replace(/__([^_]+)__/g, '$1');
  text = text.replace(/~~([^~]+)~~/g, '$1');
  text = text.replace(/(^|[^\w*])\*([^*\n]+)\*(?=[^\w*]|$)/g, '$1$2');
  text = text.replace(/(^|[^\w])_([^_\n]+)_(?=[^\w]|$)/g, '$1$2');
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The platform-neutral message for the core. Event ids are prefixed so they never collide with Slack's. */
export function messageToIncoming(view: DiscordMessageView, conversationKey: string, botId: string): IncomingMessage {
  return {
    platform: 'discord',
    conversationKey,
    userId: view.authorId,
    text: normaliseDiscordText(view.content, { botId, ...view.names }),
    eventId: `discord:message:${view.id}`,
    receivedAt: view.createdTimestamp,
  };
}

export function clickToIncoming(click: { interactionId: string; userId: string; value: string; receivedAt: number }, conversationKey: string): IncomingMessage {
  return {
    platform: 'discord',
    conversationKey,
    userId: click.userId,
    action: click.value,
    eventId: `discord:interaction:${click.interactionId}`,
    receivedAt: click.receivedAt,
  };
}
