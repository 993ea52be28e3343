import { isDirectChannel } from '../conversation-key.js';
import { appMentionEventSchema, describeIssues, eventEnvelopeSchema } from '../payload-schemas.js';
import { eventIds, placeOf, textMessage } from '../to-message.js';
import type { SlackEventAuth } from '../workspaces.js';
import type { SlackListenerContext } from './context.js';
import { mayDrive } from './owner-check.js';
import { isStaffThreadMessage } from './live-staff.js';

/** @bot in a channel: answered in a thread, which becomes one conversation. */
export function listenToMentions(ctx: SlackListenerContext): void {
  ctx.app.event(
    'app_mention',
    ctx.boundary.wrap('app_mention', async ({ event, body, client, context }: { event: unknown; body: unknown } & SlackEventAuth) => {
      const parsed = appMentionEventSchema.safeParse(event);
      const envelope = eventEnvelopeSchema.safeParse(body);
      if (!parsed.success || !envelope.success) {
        ctx.logger.warn({ problem: describeIssues((parsed.error ?? envelope.error)!) }, 'unreadable Slack app_mention ignored');
        return;
      }
      const m = parsed.data;
      const workspace = await ctx.workspaces.of({ client, context });
      if (m.bot_id !== undefined || m.user === undefined || m.user === workspace.botUserId) return;
      if (isDirectChannel(m.channel)) return; // DMs come as message events
      // In a summary's thread a mention is staff talking to the person: the message listener relays it.
      if (isStaffThreadMessage(ctx, workspace, m)) return;
      const place = placeOf(envelope.data.team_id, m.channel, m.ts, m.thread_ts);
      const message = textMessage({ place, userId: m.user, text: m.text ?? '', eventId: eventIds.event(envelope.data.event_id), botUserId: workspace.botUserId, receivedAt: ctx.now() });
      // A mention starts a thread (its author owns it), or speaks in one someone else may own.
      if (!(await mayDrive(ctx, workspace, message.conversationKey, m.user, 'message'))) return;
      await ctx.threads.remember(message.conversationKey);
      await ctx.runner.run(message, workspace.outbox.to({ channel: m.channel, threadTs: place.threadTs ?? m.ts }));
    }),
  );
}
