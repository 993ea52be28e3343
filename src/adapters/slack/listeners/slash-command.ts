import { ADAPTER_LINES } from '../../../core/adapter-lines.js';
import { errorText } from '../errors.js';
import { describeIssues, slashCommandSchema } from '../payload-schemas.js';
import { eventIds, textMessage } from '../to-message.js';
import type { SlackEventAuth } from '../workspaces.js';
import type { SlackListenerContext } from './context.js';
import { mayDrive } from './owner-check.js';

type Ephemeral = { response_type: 'ephemeral'; text: string };

/**
 * The slash command starts (or continues) a conversation in a DM with the person: payment
 * problems are private, and a DM works wherever the command was typed.
 */
export function listenToSlashCommand(ctx: SlackListenerContext): void {
  ctx.app.command(
    ctx.slashCommand,
    ctx.boundary.wrap('command', async ({ ack, body, respond, client, context }: { ack: () => Promise<void>; body: unknown; respond: (m: Ephemeral) => Promise<unknown> } & SlackEventAuth) => {
      await ack();
      const parsed = slashCommandSchema.safeParse(body);
      if (!parsed.success) {
        ctx.logger.warn({ problem: describeIssues(parsed.error) }, 'unreadable Slack slash command ignored');
        return;
      }
      const command = parsed.data;
      const workspace = await ctx.workspaces.of({ client, context });
      const opened = await workspace.client.conversations.open({ users: command.user_id });
      const channel = opened.channel?.id;
      if (!channel) {
        await respond({ response_type: 'ephemeral', text: ADAPTER_LINES.dmFailed });
        return;
      }
      if (channel !== command.channel_id) {
        await respond({ response_type: 'ephemeral', text: ADAPTER_LINES.movedToDm(`<@${command.user_id}>`) }).catch((error: unknown) => {
          ctx.logger.warn({ err: errorText(error) }, 'could not answer the slash command');
        });
      }
      const text = command.text.trim() === '' ? ADAPTER_LINES.helpCommandText : command.text;
      const message = textMessage({ place: { team: command.team_id, channel }, userId: command.user_id, text, eventId: eventIds.command(command.trigger_id), botUserId: workspace.botUserId, receivedAt: ctx.now() });
      if (!(await mayDrive(ctx, workspace, message.conversationKey, command.user_id, 'message'))) return;
      await ctx.runner.run(message, workspace.outbox.to({ channel }));
    }),
  );

  // Slack only sends this app's own commands: another name means the manifest and
  // SLACK_SLASH_COMMAND disagree. Answer instead of leaving the person with "dispatch_failed".
  ctx.app.command(
    /^\//,
    ctx.boundary.wrap('other-command', async ({ ack, body }: { ack: (m?: Ephemeral) => Promise<void>; body: unknown }) => {
      const parsed = slashCommandSchema.safeParse(body);
      if (parsed.success && parsed.data.command === ctx.slashCommand) return;
      await ack({ response_type: 'ephemeral', text: ADAPTER_LINES.commandNotSetUp(ctx.slashCommand) });
      ctx.logger.warn({ command: parsed.data?.command, expected: ctx.slashCommand }, 'slash command does not match SLACK_SLASH_COMMAND; check the app manifest');
    }),
  );
}
