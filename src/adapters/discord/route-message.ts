import type { DiscordPlace } from './conversation-key.js';
import type { DiscordMessageView } from './to-message.js';

export interface RouteContext {
  botId: string;
  /** Channel ids the bot answers mentions in; empty = every channel it can see. */
  supportChannels: readonly string[];
  /** Whether the bot may open a thread on this message (channel kind and permissions). */
  canOpenThread: boolean;
  /** The support team's role: what they write in a conversation thread is for the person, not the bot. */
  supportRole?: string;
  /** With the live agent: the handoff channel, whose threads are staff answering a person. */
  staffChannel?: string;
}

/** What to do with a message: answer it (and where), or ignore it (and why, for the debug log). */
export type MessageRoute =
  | { action: 'answer'; place: DiscordPlace; replyChannelId: string; openThreadOn?: string; replyTo?: string }
  /** A message in a thread of the handoff channel: staff, for the live agent. */
  | { action: 'staff'; staffChannel: string }
  | { action: 'ignore'; reason: string };

export function isSupportChannel(channelId: string | null, supportChannels: readonly string[]): boolean {
  return supportChannels.length === 0 || (channelId !== null && supportChannels.includes(channelId));
}

/**
 * Who the bot answers: direct messages; mentions in support channels (opening a thread per
 * conversation); every message in its own threads, unless it is addressed to someone else or
 * comes from the support team (who mention the bot when they want it).
 */
export function routeMessage(view: DiscordMessageView, ctx: RouteContext): MessageRoute {
  if (view.authorId === ctx.botId) return { action: 'ignore', reason: 'own message' };
  if (view.authorIsBot) return { action: 'ignore', reason: 'from a bot' };
  if (view.system || view.webhookId !== null) return { action: 'ignore', reason: 'system or webhook message' };

  if (view.channelKind === 'dm' || view.guildId === null) {
    return { action: 'answer', place: { kind: 'dm', channelId: view.channelId }, replyChannelId: view.channelId };
  }

  const mentioned = view.mentionedUserIds.includes(ctx.botId);
  if (view.channelKind === 'thread' && ctx.staffChannel !== undefined && view.parentId === ctx.staffChannel) return { action: 'staff', staffChannel: ctx.staffChannel };
  if (view.channelKind === 'thread') {
    const ours = view.threadOwnerId === ctx.botId;
    const fromStaff = ctx.supportRole !== undefined && view.authorRoleIds.includes(ctx.supportRole);
    const addressedToOthers = !mentioned && (fromStaff || view.mentionedUserIds.length > 0 || view.mentionedRoleIds.length > 0);
    const place: DiscordPlace = { kind: 'thread', threadId: view.channelId };
    if (ours && !addressedToOthers) return { action: 'answer', place, replyChannelId: view.channelId };
    if (mentioned && (isSupportChannel(view.parentId, ctx.supportChannels) || isSupportChannel(view.channelId, ctx.supportChannels))) {
      return { action: 'answer', place, replyChannelId: view.channelId };
    }
    return { action: 'ignore', reason: ours ? (fromStaff ? 'support staff talking to the person' : 'addressed to someone else') : 'thread message without a mention' };
  }

  if (!mentioned) return { action: 'ignore', reason: 'no mention' };
  if (!isSupportChannel(view.channelId, ctx.supportChannels)) return { action: 'ignore', reason: 'not a support channel' };
  if (view.channelKind === 'text' && ctx.canOpenThread) {
    // A thread started from a message takes that message's id, so the key is known before it exists.
    return { action: 'answer', place: { kind: 'thread', threadId: view.id }, replyChannelId: view.id, openThreadOn: view.id };
  }
  return {
    action: 'answer',
    place: { kind: 'channel', channelId: view.channelId, userId: view.authorId },
    replyChannelId: view.channelId,
    replyTo: view.id,
  };
}
