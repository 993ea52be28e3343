import { ChannelType, PermissionFlagsBits, type Message, type PermissionsBitField, type User } from 'discord.js';

export const THREAD_PERMISSIONS = [PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads];

/** The bot's permissions where a message was sent; null in DMs. */
export function permissionsIn(message: Message, botUser: User | null): Readonly<PermissionsBitField> | null {
  if (!message.inGuild() || !botUser) return null;
  return message.channel.permissionsFor(botUser);
}

/** What the adapter reads of a discord.js Message, before zod checks it (discordMessageViewSchema). */
export function viewOf(message: Message): unknown {
  const channel = message.channel;
  const inGuild = message.inGuild();
  const isThread = channel.isThread();
  const channelKind = !inGuild
    ? 'dm'
    : isThread
      ? 'thread'
      : channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement
        ? 'text'
        : 'other';
  const users: Record<string, string> = {};
  for (const user of message.mentions.users.values()) {
    users[user.id] = message.mentions.members?.get(user.id)?.displayName ?? user.globalName ?? user.username;
  }
  const roles: Record<string, string> = {};
  for (const role of message.mentions.roles.values()) roles[role.id] = role.name;
  const channels: Record<string, string> = {};
  for (const c of message.mentions.channels.values()) if ('name' in c && typeof c.name === 'string') channels[c.id] = c.name;
  return {
    id: message.id,
    channelId: message.channelId,
    guildId: message.guildId,
    authorId: message.author.id,
    authorIsBot: message.author.bot,
    system: message.system,
    webhookId: message.webhookId,
    content: message.content,
    createdTimestamp: message.createdTimestamp,
    channelKind,
    parentId: isThread ? channel.parentId : null,
    threadOwnerId: isThread ? channel.ownerId : null,
    authorRoleIds: message.member ? [...message.member.roles.cache.keys()] : [],
    mentionedUserIds: [...message.mentions.users.keys()],
    mentionedRoleIds: [...message.mentions.roles.keys()],
    names: { users, roles, channels },
  };
}

/** Whether the bot can open a thread on this message: a text or announcement channel, with thread permissions. */
export function canOpenThreadOn(message: Message, botUser: User | null): boolean {
  if (!message.inGuild() || message.channel.isThread()) return false;
  if (message.channel.type !== ChannelType.GuildText && message.channel.type !== ChannelType.GuildAnnouncement) return false;
  return permissionsIn(message, botUser)?.has(THREAD_PERMISSIONS) ?? false;
}
