/**
 * Slack's staff side for the live agent: the summary in the workspace's handoff channel, its
 * thread (the replies to the summary) as the staff thread, the channel's members as the staff,
 * and the person's DM or channel thread for what staff write. Transport only.
 */
import type { types } from '@slack/bolt';
import type { StaffDesk, StaffThread } from '../../core/live-agent/desk.js';
import type { Logger } from '../../core/logger.js';
import { parseConversationKey } from './conversation-key.js';
import { renderLiveSummary, renderStaffPost } from './render-live.js';
import type { SlackWorkspace, SlackWorkspaces } from './workspaces.js';

/** Where a staff thread is: the summary message (`team:channel:ts`). */
export interface SlackThreadRef {
  team: string;
  channel: string;
  ts: string;
}

export function slackThread(ref: SlackThreadRef): StaffThread {
  return `${ref.team}:${ref.channel}:${ref.ts}`;
}

export function parseSlackThread(thread: StaffThread): SlackThreadRef | undefined {
  const m = /^([A-Z0-9]+):([A-Z0-9]+):(\d+\.\d+)$/.exec(thread);
  return m?.[1] && m[2] && m[3] ? { team: m[1], channel: m[2], ts: m[3] } : undefined;
}

export function createSlackStaffDesk(workspaces: SlackWorkspaces, logger: Logger): StaffDesk {
  async function workspaceOf(thread: StaffThread): Promise<{ ws: SlackWorkspace; ref: SlackThreadRef }> {
    const ref = parseSlackThread(thread);
    const ws = ref ? await workspaces.forTeam(ref.team) : undefined;
    if (!ref || !ws) throw new Error(`no Slack workspace for staff thread ${thread}`);
    return { ws, ref };
  }

  return {
    platform: 'slack',
    async openStaffThread(summary, view) {
      const place = parseConversationKey(summary.conversationKey);
      const ws = place ? await workspaces.forTeam(place.team) : undefined;
      if (!place || !ws?.handoffChannel) {
        logger.warn({ conversationKey: summary.conversationKey }, 'handoff requested, but this Slack workspace has no handoff channel (SLACK_HANDOFF_CHANNEL, or the channel picked at install): no one was told');
        return undefined;
      }
      const message = renderLiveSummary(summary, place, view, ws.workspaceUrl);
      const posted = await ws.client.chat.postMessage({ channel: ws.handoffChannel, text: message.text, blocks: message.blocks as types.Block[], unfurl_links: false, unfurl_media: false });
      if (!posted.ts) throw new Error('Slack did not return the summary message');
      return slackThread({ team: place.team, channel: ws.handoffChannel, ts: posted.ts });
    },
    async showStatus(thread, summary, view) {
      const { ws, ref } = await workspaceOf(thread);
      const message = renderLiveSummary(summary, parseConversationKey(summary.conversationKey), view, ws.workspaceUrl);
      await ws.client.chat.update({ channel: ref.channel, ts: ref.ts, text: message.text, blocks: message.blocks as types.Block[] });
    },
    async postToStaffThread(thread, post) {
      const { ws, ref } = await workspaceOf(thread);
      const name = post.kind === 'person' ? ((await ws.people.displayName(post.userId)) ?? 'The person') : '';
      const message = renderStaffPost(post, name);
      await ws.client.chat.postMessage({ channel: ref.channel, thread_ts: ref.ts, text: message.text, blocks: message.blocks as types.Block[], unfurl_links: false, unfurl_media: false });
    },
    async isStaff(thread, userId) {
      const ref = parseSlackThread(thread);
      const ws = ref ? await workspaces.forTeam(ref.team) : undefined;
      // Staff are the members of this workspace's handoff channel (the hand-back's check too), and
      // the thread must be in that channel.
      if (!ref || !ws || ref.channel !== ws.handoffChannel || ws.staff.channel !== ref.channel) return false;
      return ws.staff.isStaff(userId);
    },
    async displayName(thread, userId) {
      const { ws } = await workspaceOf(thread);
      return (await ws.people.displayName(userId)) ?? 'Support';
    },
    teamName(thread) {
      const ref = parseSlackThread(thread);
      return ref ? `members of <#${ref.channel}>` : 'the support team';
    },
    personDelivery(conversationKey) {
      const place = parseConversationKey(conversationKey);
      if (!place) return undefined;
      const target = place.threadTs ? { channel: place.channel, threadTs: place.threadTs } : { channel: place.channel };
      return {
        async deliver(replies) {
          const ws = await workspaces.forTeam(place.team);
          if (!ws) throw new Error(`the app is not installed in Slack workspace ${place.team}`);
          await ws.outbox.to(target).deliver(replies);
        },
        // The person's reply to an ending is the bot's; any new handoff is a new summary.
        notifyStaff: async () => false,
      };
    },
  };
}
