import { ACTIONS, isStaffAction } from '../../../core/actions.js';
import { ADAPTER_LINES } from '../../../core/adapter-lines.js';
import { isDirectChannel, parseConversationKey } from '../conversation-key.js';
import type { SlackTarget } from '../deliver.js';
import { blockActionsSchema, describeIssues, type BlockActions } from '../payload-schemas.js';
import { ACTION_IDS, choiceLine, renderChoiceMade } from '../render.js';
import { actionMessage, eventIds, placeOf } from '../to-message.js';
import type { SlackEventAuth, SlackWorkspace } from '../workspaces.js';
import type { SlackListenerContext } from './context.js';
import { mayDrive } from './owner-check.js';
import { isLiveControl, onLiveControl } from './live-staff.js';

type Action = BlockActions['actions'][number];

/**
 * The bot's buttons: a choice continues the conversation (its owner's clicks only); "Hand back"
 * releases a handoff (staff only, with a signed conversation key). Nothing in a button's value is
 * trusted: a choice never carries a staff action, and the conversation comes from where the click
 * happened or from a signature, never from the value as written.
 */
export function listenToButtons(ctx: SlackListenerContext): void {
  ctx.app.action(
    { action_id: /^supportbot:/ },
    ctx.boundary.wrap('action', async ({ ack, body, client, context }: { ack: () => Promise<void>; body: unknown } & SlackEventAuth) => {
      await ack();
      const parsed = blockActionsSchema.safeParse(body);
      if (!parsed.success) {
        ctx.logger.warn({ problem: describeIssues(parsed.error) }, 'unreadable Slack button click ignored');
        return;
      }
      const click = parsed.data;
      const action = click.actions[0];
      if (!action) return;
      const workspace = await ctx.workspaces.of({ client, context });
      if (isLiveControl(action.action_id)) await onLiveControl(ctx, workspace, click, action.action_id);
      else if (action.action_id === ACTION_IDS.handBack) await handBack(ctx, workspace, click, action.value);
      else if (action.action_id.startsWith(ACTION_IDS.choicePrefix)) await choose(ctx, workspace, click, action);
    }),
  );
}

function clickedMessage(click: BlockActions): { channel?: string; ts?: string } {
  const channel = click.container?.channel_id ?? click.channel?.id;
  const ts = click.container?.message_ts ?? click.message?.ts;
  return { ...(channel ? { channel } : {}), ...(ts ? { ts } : {}) };
}

async function choose(ctx: SlackListenerContext, workspace: SlackWorkspace, click: BlockActions, action: Action): Promise<void> {
  const { channel, ts: messageTs } = clickedMessage(click);
  if (!channel || !messageTs || !action.value) {
    ctx.logger.warn({ actionId: action.action_id }, 'Slack button click without channel, message or value ignored');
    return;
  }
  const threadTs = click.message?.thread_ts ?? click.container?.thread_ts;
  const direct = isDirectChannel(channel);
  const target: SlackTarget = direct ? (threadTs ? { channel, threadTs } : { channel }) : { channel, threadTs: threadTs ?? messageTs };
  if (isStaffAction(action.value)) {
    ctx.logger.warn({ actionId: action.action_id, userId: click.user.id }, 'a choice button carrying a staff action refused');
    await workspace.outbox.tellPrivately(target, click.user.id, ADAPTER_LINES.buttonExpired);
    return;
  }
  const place = placeOf(click.team?.id ?? workspace.teamId, channel, messageTs, threadTs);
  const eventId = eventIds.action(click.trigger_id ?? `${messageTs}:${action.action_id}:${action.action_ts ?? ''}`);
  const message = actionMessage({ place, userId: click.user.id, value: action.value, eventId, receivedAt: ctx.now() });
  if (!(await mayDrive(ctx, workspace, message.conversationKey, click.user.id, 'click'))) return;
  const label = action.text?.text ?? action.value;
  // The clicked message shows the choice in place of its buttons, once the core took the click.
  const markChoice = () => workspace.outbox.update(channel, messageTs, click.message?.text ?? label, renderChoiceMade(click.message?.blocks ?? [], choiceLine(label, click.user.id, direct)));
  await ctx.runner.run(message, workspace.outbox.to(target, markChoice));
}

/** Staff's "Hand back to the bot" on a handoff summary: only in the workspace's handoff channel, only by its members. */
async function handBack(ctx: SlackListenerContext, workspace: SlackWorkspace, click: BlockActions, value: string | undefined): Promise<void> {
  const { channel, ts: messageTs } = clickedMessage(click);
  const here = channel ? { channel } : undefined;
  const conversationKey = value === undefined ? undefined : ctx.handBackSigner.verify(value);
  const place = conversationKey === undefined ? undefined : parseConversationKey(conversationKey);
  if (conversationKey === undefined || !place || place.team !== workspace.teamId) {
    ctx.logger.warn({ actionId: ACTION_IDS.handBack, userId: click.user.id }, 'hand-back click without a validly signed conversation of this workspace refused');
    if (here) await workspace.outbox.tellPrivately(here, click.user.id, ADAPTER_LINES.handBackInvalid);
    return;
  }
  const { staff } = workspace;
  if (channel === undefined || channel !== staff.channel || !(await staff.isStaff(click.user.id))) {
    ctx.logger.warn({ conversationKey, userId: click.user.id, channel }, "hand-back refused: not a member of the workspace's handoff channel");
    if (here) await workspace.outbox.tellPrivately(here, click.user.id, ADAPTER_LINES.staffOnly(staff.channel ? `<#${staff.channel}>` : 'the handoff channel'));
    return;
  }
  const eventId = eventIds.action(click.trigger_id ?? `${messageTs ?? ''}:${ACTION_IDS.handBack}`);
  // The turn is the person's: it goes in under the conversation's owner when known (staff are named in the stamp).
  const userId = (await ctx.owners.ownerOf(conversationKey)) ?? click.user.id;
  const message = actionMessage({ place, userId, value: ACTIONS.handBack, eventId, receivedAt: ctx.now() });
  const stamp = async () => {
    if (!messageTs) return;
    const line = ADAPTER_LINES.handedBack(`<@${click.user.id}>`);
    await workspace.outbox.update(channel, messageTs, click.message?.text ?? line, renderChoiceMade(click.message?.blocks ?? [], line));
  };
  await ctx.runner.run(message, workspace.outbox.to(place.threadTs ? { channel: place.channel, threadTs: place.threadTs } : { channel: place.channel }, stamp));
}
