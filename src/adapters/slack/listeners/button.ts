import { ACTIONS } from '../../../core/actions.js';
import { ADAPTER_LINES } from '../../../core/adapter-lines.js';
import { isDirectChannel, parseConversationKey } from '../conversation-key.js';
import type { SlackTarget } from '../deliver.js';
import { blockActionsSchema, describeIssues, type BlockActions } from '../payload-schemas.js';
import { ACTION_IDS, choiceLine, renderChoiceMade } from '../render.js';
import { actionMessage, eventIds, placeOf } from '../to-message.js';
import type { SlackEventAuth, SlackWorkspace } from '../workspaces.js';
import type { SlackListenerContext } from './context.js';

type Action = BlockActions['actions'][number];

/** The bot's buttons: a choice continues the conversation; "Hand back" releases a handoff. */
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
      if (action.action_id === ACTION_IDS.handBack) await handBack(ctx, workspace, click, action.value);
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
  const place = placeOf(click.team?.id ?? workspace.teamId, channel, messageTs, threadTs);
  const eventId = eventIds.action(click.trigger_id ?? `${messageTs}:${action.action_id}:${action.action_ts ?? ''}`);
  const message = actionMessage({ place, userId: click.user.id, value: action.value, eventId, receivedAt: ctx.now() });
  const label = action.text?.text ?? action.value;
  const direct = isDirectChannel(channel);
  const target: SlackTarget = direct ? (threadTs ? { channel, threadTs } : { channel }) : { channel, threadTs: place.threadTs ?? messageTs };
  // The clicked message shows the choice in place of its buttons, once the core took the click.
  const markChoice = () => workspace.outbox.update(channel, messageTs, click.message?.text ?? label, renderChoiceMade(click.message?.blocks ?? [], choiceLine(label, click.user.id, direct)));
  await ctx.runner.run(message, workspace.outbox.to(target, markChoice));
}

async function handBack(ctx: SlackListenerContext, workspace: SlackWorkspace, click: BlockActions, conversationKey: string | undefined): Promise<void> {
  const place = conversationKey === undefined ? undefined : parseConversationKey(conversationKey);
  if (!place) {
    ctx.logger.warn({ actionId: ACTION_IDS.handBack }, 'hand-back click without a Slack conversation ignored');
    return;
  }
  const { channel, ts: messageTs } = clickedMessage(click);
  const eventId = eventIds.action(click.trigger_id ?? `${messageTs ?? ''}:${ACTION_IDS.handBack}`);
  const message = actionMessage({ place, userId: click.user.id, value: ACTIONS.handBack, eventId, receivedAt: ctx.now() });
  const stamp = async () => {
    if (!channel || !messageTs) return;
    const line = ADAPTER_LINES.handedBack(`<@${click.user.id}>`);
    await workspace.outbox.update(channel, messageTs, click.message?.text ?? line, renderChoiceMade(click.message?.blocks ?? [], line));
  };
  await ctx.runner.run(message, workspace.outbox.to(place.threadTs ? { channel: place.channel, threadTs: place.threadTs } : { channel: place.channel }, stamp));
}
