/**
 * Discord's side of a turn's delivery: Reply[] → message bodies posted over REST, handoff
 * summaries to the staff channel, threads opened for a conversation, and messages with secrets
 * deleted where the bot may.
 */
import { PermissionFlagsBits, Routes, ThreadAutoArchiveDuration, type Client, type Message } from 'discord.js';
import type { Logger } from '../../core/logger.js';
import type { HandoffSummary, MessageExposure, Reply } from '../../core/types.js';
import type { ButtonCodec } from './custom-id.js';
import { errorCode } from './login-errors.js';
import { permissionsIn } from './message-view.js';
import { renderHandoff } from './render-handoff.js';
import { renderReplies, type DiscordMessageBody } from './render.js';

export const NO_PINGS = { parse: [] as [] };

export interface DiscordOutboxOptions {
  client: Client;
  codec: ButtonCodec;
  logger: Logger;
  handoffChannel?: string;
  supportRole?: string;
  /** The live agent's way to tell staff (summary with controls, and a staff thread). */
  openLive?: (summary: HandoffSummary) => Promise<boolean>;
}

export interface DiscordOutbox {
  /** Renders replies as message bodies (a long reply becomes several messages). */
  bodies(replies: readonly Reply[], conversationKey: string): DiscordMessageBody[];
  /** Posts bodies in order; the first answers `replyTo` when given. */
  post(channelId: string, bodies: readonly DiscordMessageBody[], replyTo?: string): Promise<void>;
  /** Posts the handoff summary in the staff channel; false (and a warning) when no channel is configured. */
  notifyStaff(summary: HandoffSummary): Promise<boolean>;
  /** Opens a thread on a message (or in a channel when `on` is unset); returns its id. */
  openThread(channelId: string, name: string, on?: string): Promise<string>;
  /** Adds a person to a thread so it shows in their list; best effort. */
  addToThread(threadId: string, userId: string): Promise<void>;
  /** Deletes a message that held a secret when allowed, and says where it stands. */
  removeSecret(message: Message, isDm: boolean): Promise<MessageExposure>;
  /** A note to one person only, in a DM (a typed message cannot be answered privately in a channel); best effort. */
  tellPrivately(userId: string, text: string): Promise<void>;
}

export function createDiscordOutbox(options: DiscordOutboxOptions): DiscordOutbox {
  const { client, codec, logger } = options;

  async function postOne(channelId: string, body: DiscordMessageBody): Promise<void> {
    await client.rest.post(Routes.channelMessages(channelId), { body });
  }

  const handoffChannel = options.handoffChannel;
  return {
    bodies(replies, conversationKey) {
      const rendered = renderReplies(replies, codec);
      if (rendered.droppedButtons > 0) logger.warn({ conversationKey, dropped: rendered.droppedButtons }, 'discord: more than 25 buttons; extra buttons not shown');
      return rendered.bodies;
    },
    async post(channelId, bodies, replyTo) {
      for (const [i, body] of bodies.entries()) {
        await postOne(channelId, i === 0 && replyTo ? { ...body, message_reference: { message_id: replyTo, fail_if_not_exists: false } } : body);
      }
    },
    async notifyStaff(summary) {
      if (options.openLive) return options.openLive(summary);
      if (!handoffChannel) {
        logger.warn({ conversationKey: summary.conversationKey }, 'discord: handoff requested but DISCORD_HANDOFF_CHANNEL is not set; staff were not told');
        return false;
      }
      await postOne(handoffChannel, renderHandoff(summary, options.supportRole, codec));
      logger.info({ conversationKey: summary.conversationKey, channel: handoffChannel }, 'discord: handoff summary posted');
      return true;
    },
    async openThread(channelId, name, on) {
      const route = on === undefined ? Routes.threads(channelId) : Routes.threads(channelId, on);
      const body = { name: name.slice(0, 100), auto_archive_duration: ThreadAutoArchiveDuration.OneDay, ...(on === undefined ? { type: 11 } : {}) };
      const thread = (await client.rest.post(route, { body })) as { id: string };
      return thread.id;
    },
    async addToThread(threadId, userId) {
      await client.rest.put(Routes.threadMembers(threadId, userId)).catch(() => undefined);
    },
    async tellPrivately(userId, text) {
      try {
        const dm = (await client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string };
        await postOne(dm.id, { content: text, components: [], allowed_mentions: NO_PINGS });
      } catch (error) {
        // People may close their DMs to server members: then they are not told, nothing else changes.
        logger.info({ userId, code: errorCode(error) }, 'discord: could not send a private note');
      }
    },
    async removeSecret(message, isDm) {
      // A bot cannot delete what a person sent in a DM.
      if (isDm) return 'private';
      if (!permissionsIn(message, client.user)?.has(PermissionFlagsBits.ManageMessages)) return 'shared';
      try {
        await client.rest.delete(Routes.channelMessage(message.channelId, message.id), { reason: 'contained a card number or other secret' });
        logger.info({ messageId: message.id }, 'discord: message with a secret deleted');
        return 'removed';
      } catch (error) {
        logger.warn({ messageId: message.id, code: errorCode(error) }, 'discord: could not delete a message with a secret');
        return 'shared';
      }
    },
  };
}
