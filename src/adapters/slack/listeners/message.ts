import { isDirectChannel } from '../conversation-key.js';
import { describeIssues, eventEnvelopeSchema, messageEventSchema } from '../payload-schemas.js';
import { eventIds, placeOf, textMessage } from '../to-message.js';
import type { SlackEventAuth } from '../workspaces.js';
import type { SlackListenerContext } from './context.js';
import { mayDrive } from './owner-check.js';
import { isStaffThreadMessage, relayFromStaff } from './live-staff.js';

/** Message subtypes that are still a person typing; edits, joins, bot posts and the like are not. */
const PERSON_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/** Direct messages, and replies in channel threads the bot is already part of. */
export function listenToMessages(ctx: SlackListenerContext): void {
  ctx.app.event(
    'message',
    ctx.boundary.wrap('message', async ({ event, body, client, context }: { event: unknown; body: unknown } & SlackEventAuth) => {
      const parsed = messageEventSchema.safeParse(event);
      const envelope = eventEnvelopeSchema.safeParse(body);
      if (!parsed.success || !envelope.success) {
        ctx.logger.warn({ problem: describeIssues((parsed.error ?? envelope.error)!) }, 'unreadable Slack message event ignored');
        return;
      }
      const m = parsed.data;
      const workspace = await ctx.workspaces.of({ client, context });
      // Never itself, never another bot, never edits or system messages.
      if (m.bot_id !== undefined || m.user === undefined || m.user === workspace.botUserId) return;
      if (m.subtype !== undefined && !PERSON_SUBTYPES.has(m.subtype)) return;
      const direct = m.channel_type === 'im' || isDirectChannel(m.channel);
      // Staff answering in a summary's thread: for the person, through the live agent.
      if (!direct && isStaffThreadMessage(ctx, workspace, m)) {
        await relayFromStaff(ctx, workspace, envelope.data.team_id, { ...m, user: m.user });
        return;
      }
      // In channels: only thread replies, only in the bot's threads; a mention is app_mention's.
      if (!direct && (m.thread_ts === undefined || m.text?.includes(`<@${workspace.botUserId}`))) return;
      const place = placeOf(envelope.data.team_id, m.channel, m.ts, m.thread_ts);
      const message = textMessage({ place, userId: m.user, text: m.text ?? '', eventId: eventIds.event(envelope.data.event_id), botUserId: workspace.botUserId, receivedAt: ctx.now() });
      if (!direct && !(await ctx.threads.has(message.conversationKey))) return;
      if (!(await mayDrive(ctx, workspace, message.conversationKey, m.user, 'message'))) return;
      await ctx.runner.run(message, workspace.outbox.to(m.thread_ts ? { channel: m.channel, threadTs: m.thread_ts } : { channel: m.channel }));
    }),
  );
}
