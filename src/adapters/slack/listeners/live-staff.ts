/**
 * Staff's side of a live conversation in Slack: what they write in a summary's thread, the
 * summary's Claim / Hand back / Close buttons, and the hand-back note form. Transport only: each
 * is handed to the core's live agent, which checks who may do what; its answer (a refusal, a
 * "hidden" note) is shown only to the staff member who acted.
 */
import { z } from 'zod';
import type { StaffVerb } from '../../../core/live-agent/staff-input.js';
import { orderOfSlackTs } from '../../../core/live-agent/staff-input.js';
import { errorText } from '../errors.js';
import { describeIssues, type BlockActions } from '../payload-schemas.js';
import { LIVE_ACTION_IDS, NOTE_BLOCK, NOTE_VIEW_ID, noteView } from '../render-live.js';
import { slackThread } from '../staff-desk.js';
import { normaliseSlackText } from '../to-message.js';
import type { SlackEventAuth, SlackWorkspace } from '../workspaces.js';
import type { SlackListenerContext } from './context.js';

/** A note only `user` sees, in the staff thread. */
async function tellPrivately(ctx: SlackListenerContext, workspace: SlackWorkspace, channel: string, threadTs: string, user: string, text: string): Promise<void> {
  try {
    await workspace.client.chat.postEphemeral({ channel, user, text, thread_ts: threadTs });
  } catch (error) {
    ctx.logger.warn({ channel, err: errorText(error) }, 'slack: could not send a private note to staff');
  }
}

/** Whether a channel message belongs to the live agent: a reply in a thread of the handoff channel. */
export function isStaffThreadMessage(ctx: SlackListenerContext, workspace: SlackWorkspace, m: { channel: string; ts: string; thread_ts?: string | undefined }): boolean {
  return ctx.live !== undefined && workspace.handoffChannel === m.channel && m.thread_ts !== undefined && m.thread_ts !== m.ts;
}

/** A staff member wrote in a summary's thread: for the person, if the live agent agrees. */
export async function relayFromStaff(ctx: SlackListenerContext, workspace: SlackWorkspace, team: string, m: { channel: string; ts: string; thread_ts?: string | undefined; user: string; text?: string | undefined }): Promise<void> {
  if (!ctx.live || m.thread_ts === undefined) return;
  const outcome = await ctx.live.fromStaff({
    platform: 'slack',
    thread: slackThread({ team, channel: m.channel, ts: m.thread_ts }),
    userId: m.user,
    text: normaliseSlackText(m.text ?? '', workspace.botUserId),
    messageId: `${m.channel}:${m.ts}`,
    order: orderOfSlackTs(m.ts),
  });
  if (outcome.text) await tellPrivately(ctx, workspace, m.channel, m.thread_ts, m.user, outcome.text);
}

const VERBS: Record<string, StaffVerb> = { [LIVE_ACTION_IDS.claim]: 'claim', [LIVE_ACTION_IDS.hand_back]: 'hand_back', [LIVE_ACTION_IDS.close]: 'close' };

export function isLiveControl(actionId: string): boolean {
  return actionId in VERBS;
}

/** Claim, Hand back (asks for a note first) or Close, pressed on a summary. */
export async function onLiveControl(ctx: SlackListenerContext, workspace: SlackWorkspace, click: BlockActions, actionId: string): Promise<void> {
  const verb = VERBS[actionId];
  const channel = click.container?.channel_id ?? click.channel?.id;
  const ts = click.container?.message_ts ?? click.message?.ts;
  if (!ctx.live || !verb || !channel || !ts) return;
  // The conversation is found from where the click happened, never from anything in the button.
  const thread = slackThread({ team: click.team?.id ?? workspace.teamId, channel, ts });
  const base = { platform: 'slack' as const, thread, userId: click.user.id, verb };
  if (verb === 'hand_back' && click.trigger_id) {
    const allowed = await ctx.live.check(base);
    if (!allowed.ok) {
      if (allowed.text) await tellPrivately(ctx, workspace, channel, ts, click.user.id, allowed.text);
      return;
    }
    try {
      await workspace.client.views.open({ trigger_id: click.trigger_id, view: noteView(thread) });
      return;
    } catch (error) {
      // No form (the trigger expired): hand back without a note rather than not at all.
      ctx.logger.warn({ err: errorText(error) }, 'slack: could not open the hand-back form; handing back without a note');
    }
  }
  const outcome = await ctx.live.act({ ...base, eventId: `slack:action:${click.trigger_id ?? `${ts}:${actionId}:${click.user.id}`}` });
  if (outcome.text) await tellPrivately(ctx, workspace, channel, ts, click.user.id, outcome.text);
}

const noteSubmissionSchema = z.looseObject({
  type: z.literal('view_submission'),
  user: z.looseObject({ id: z.string().min(1) }),
  team: z.looseObject({ id: z.string().min(1) }).nullable().optional(),
  view: z.looseObject({
    id: z.string().min(1),
    callback_id: z.literal(NOTE_VIEW_ID),
    private_metadata: z.string(),
    state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), z.looseObject({ value: z.string().nullable().optional() }))) }),
  }),
});

/** The hand-back form was submitted: hand back with its note. */
export function listenToNoteForms(ctx: SlackListenerContext): void {
  ctx.app.view(
    { callback_id: NOTE_VIEW_ID, type: 'view_submission' },
    ctx.boundary.wrap('view', async ({ ack, body, client, context }: { ack: () => Promise<void>; body: unknown } & SlackEventAuth) => {
      await ack();
      const parsed = noteSubmissionSchema.safeParse(body);
      if (!parsed.success || !ctx.live) {
        if (!parsed.success) ctx.logger.warn({ problem: describeIssues(parsed.error) }, 'unreadable Slack form submission ignored');
        return;
      }
      const { user, view } = parsed.data;
      const note = view.state.values[NOTE_BLOCK.block]?.[NOTE_BLOCK.action]?.value ?? '';
      const workspace = await ctx.workspaces.of({ client, context });
      const outcome = await ctx.live.act({ platform: 'slack', thread: view.private_metadata, userId: user.id, verb: 'hand_back', note, eventId: `slack:view:${view.id}` });
      const [, channel, ts] = view.private_metadata.split(':');
      if (outcome.text && channel && ts) await tellPrivately(ctx, workspace, channel, ts, user.id, outcome.text);
    }),
  );
}
