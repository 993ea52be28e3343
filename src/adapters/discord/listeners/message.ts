import type { Message } from 'discord.js';
import type { TurnDelivery } from '../../../core/conversation-runner.js';
import { conversationKeyOf } from '../conversation-key.js';
import { errorCode } from '../login-errors.js';
import { canOpenThreadOn, viewOf } from '../message-view.js';
import { routeMessage, type MessageRoute } from '../route-message.js';
import { threadNameFrom } from '../thread-name.js';
import { discordMessageViewSchema, messageToIncoming, type DiscordMessageView } from '../to-message.js';
import type { DiscordListenerContext } from './context.js';
import { messageMayDrive } from './owner-check.js';
import { relayFromStaff } from './live-staff.js';

/** A message in a DM, a support channel or one of the bot's threads. */
export async function onMessage(ctx: DiscordListenerContext, message: Message): Promise<void> {
  // Cheap checks first: most traffic in a guild is not for the bot.
  if (message.author.id === ctx.botId() || message.author.bot) return;
  const parsed = discordMessageViewSchema.safeParse(viewOf(message));
  if (!parsed.success) {
    ctx.logger.warn({ messageId: message.id, issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'discord: ignored a malformed message');
    return;
  }
  const view = parsed.data;
  const route = routeMessage(view, {
    botId: ctx.botId(),
    supportChannels: ctx.supportChannels,
    canOpenThread: canOpenThreadOn(message, ctx.client.user),
    ...(ctx.supportRole ? { supportRole: ctx.supportRole } : {}),
    ...(ctx.live && ctx.handoffChannel ? { staffChannel: ctx.handoffChannel } : {}),
  });
  if (route.action === 'ignore') {
    ctx.logger.debug({ messageId: view.id, reason: route.reason }, 'discord: message ignored');
    return;
  }
  if (route.action === 'staff') {
    await relayFromStaff(ctx, message, view, route.staffChannel);
    return;
  }
  const key = conversationKeyOf(route.place);
  if (!(await messageMayDrive(ctx, key, view.authorId, view.createdTimestamp))) return;
  await ctx.runner.run(messageToIncoming(view, key, ctx.botId()), messageDelivery(ctx, message, view, route, key));
}

/**
 * Where the answer goes: the DM, the bot's thread (opened on the message the first time), or the
 * channel as a reply. A thread is opened before a message with a secret is deleted, so the
 * conversation keeps its place.
 */
function messageDelivery(ctx: DiscordListenerContext, message: Message, view: DiscordMessageView, route: Extract<MessageRoute, { action: 'answer' }>, key: string): TurnDelivery {
  let channelId = route.replyChannelId;
  let replyTo = route.replyTo;
  let removed = false;
  let thread: Promise<void> | undefined;
  const ensureThread = (name: string | undefined): Promise<void> => {
    const on = route.openThreadOn;
    if (on === undefined) return Promise.resolve();
    thread ??= (async () => {
      try {
        await ctx.outbox.openThread(view.channelId, threadNameFrom(name), on);
        await ctx.outbox.addToThread(on, view.authorId);
      } catch (error) {
        // No thread (permissions changed, channel type): answer in the channel instead of not at all.
        ctx.logger.warn({ messageId: view.id, code: errorCode(error) }, 'discord: could not open a thread; answering in the channel');
        channelId = view.channelId;
        replyTo = removed ? undefined : view.id;
      }
    })();
    return thread;
  };
  return {
    async removeSecret() {
      // The text holds a secret: the thread gets the plain name, never words from the message.
      await ensureThread(undefined);
      const exposure = await ctx.outbox.removeSecret(message, route.place.kind === 'dm');
      if (exposure === 'removed') {
        removed = true;
        replyTo = undefined;
      }
      return exposure;
    },
    async deliver(replies, result) {
      await ensureThread(result?.redactedText);
      await ctx.outbox.post(channelId, ctx.outbox.bodies(replies, key), replyTo);
    },
    notifyStaff: (summary) => ctx.outbox.notifyStaff(summary),
  };
}
