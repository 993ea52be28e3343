/**
 * Discord's staff side for the live agent: the summary in DISCORD_HANDOFF_CHANNEL, a thread opened
 * on it as the staff thread, the support role (or, without one, those who may manage the server)
 * as the staff, and the person's DM, thread or channel for what staff write.
 */
import { PermissionFlagsBits, Routes, ThreadAutoArchiveDuration, type Client, type GuildMember } from 'discord.js';
import type { StaffDesk, StaffThread } from '../../core/live-agent/desk.js';
import type { Logger } from '../../core/logger.js';
import { channelIdOf, placeOf } from './conversation-key.js';
import type { DiscordOutbox } from './deliver.js';
import { errorCode } from './login-errors.js';
import { renderLiveSummary, renderStaffPost } from './render-live.js';

/** `<handoff channel>:<thread>`; the thread is opened on the summary, so it has the summary's id. */
export function discordThread(channelId: string, threadId: string): StaffThread {
  return `${channelId}:${threadId}`;
}

export function parseDiscordThread(thread: StaffThread): { channelId: string; threadId: string } | undefined {
  const m = /^(\d{1,20}):(\d{1,20})$/.exec(thread);
  return m?.[1] && m[2] ? { channelId: m[1], threadId: m[2] } : undefined;
}

export interface DiscordStaffDeskOptions {
  client: Client;
  outbox: DiscordOutbox;
  logger: Logger;
  handoffChannel?: string;
  supportRole?: string;
}

export function createDiscordStaffDesk(options: DiscordStaffDeskOptions): StaffDesk {
  const { client, outbox, logger, handoffChannel, supportRole } = options;

  async function memberOf(channelId: string, userId: string): Promise<GuildMember | undefined> {
    const channel = await client.channels.fetch(channelId).catch(() => null);
    if (!channel || !('guild' in channel)) return undefined;
    const guild = channel.guild;
    return guild.members.cache.get(userId) ?? (await guild.members.fetch(userId).catch(() => undefined));
  }

  function ref(thread: StaffThread): { channelId: string; threadId: string } {
    const parsed = parseDiscordThread(thread);
    if (!parsed) throw new Error(`not a Discord staff thread: ${thread}`);
    return parsed;
  }

  return {
    platform: 'discord',
    async openStaffThread(summary, view) {
      if (!handoffChannel) {
        logger.warn({ conversationKey: summary.conversationKey }, 'discord: handoff requested but DISCORD_HANDOFF_CHANNEL is not set; staff were not told');
        return undefined;
      }
      const posted = (await client.rest.post(Routes.channelMessages(handoffChannel), { body: renderLiveSummary(summary, supportRole, view) })) as { id: string };
      const name = `Live: ${summary.flow ?? 'a person needs help'}`.slice(0, 100);
      try {
        await client.rest.post(Routes.threads(handoffChannel, posted.id), { body: { name, auto_archive_duration: ThreadAutoArchiveDuration.OneDay } });
      } catch (error) {
        // The summary is up; without a thread staff cannot answer through the bot, only hand back.
        logger.warn({ code: errorCode(error) }, 'discord: could not open a staff thread on the summary (Create Public Threads, Send Messages in Threads)');
        throw error;
      }
      logger.info({ conversationKey: summary.conversationKey, channel: handoffChannel }, 'discord: handoff summary and staff thread posted');
      return discordThread(handoffChannel, posted.id);
    },
    async showStatus(thread, summary, view) {
      const { channelId, threadId } = ref(thread);
      await client.rest.patch(Routes.channelMessage(channelId, threadId), { body: renderLiveSummary(summary, supportRole, view) });
    },
    async postToStaffThread(thread, post) {
      await client.rest.post(Routes.channelMessages(ref(thread).threadId), { body: renderStaffPost(post) });
    },
    async isStaff(thread, userId) {
      const { channelId } = ref(thread);
      if (channelId !== handoffChannel) return false;
      const member = await memberOf(channelId, userId);
      if (!member) return false;
      if (member.permissions.has(PermissionFlagsBits.ManageGuild)) return true;
      // Without a support role, only those who may manage the server: talking to a person as the
      // bot must never be open to everyone who can read the channel (the hand-back's rule too).
      return supportRole !== undefined && member.roles.cache.has(supportRole);
    },
    async displayName(thread, userId) {
      const member = await memberOf(ref(thread).channelId, userId);
      return member?.displayName ?? 'Support';
    },
    teamName() {
      return supportRole ? `<@&${supportRole}>` : 'members who may manage the server';
    },
    personDelivery(conversationKey) {
      const place = placeOf(conversationKey);
      if (!place) return undefined;
      return { deliver: (replies) => outbox.post(channelIdOf(place), outbox.bodies(replies, conversationKey)), notifyStaff: async () => false };
    },
  };
}
