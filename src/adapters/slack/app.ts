/**
 * The Bolt wiring: which Slack events and clicks reach the core, and where its replies go.
 * Transport only: acknowledge, deduplicate (through the core's event ids), normalise, render.
 */
import { App, HTTPReceiver, SocketModeReceiver, type AppOptions, type types } from '@slack/bolt';
import { ACTIONS } from '../../core/actions.js';
import type { Logger } from '../../core/logger.js';
import type { TurnPipeline } from '../../core/turn-pipeline.js';
import type { HandoffSummary, IncomingMessage, Reply, TurnResult } from '../../core/types.js';
import { createBoltLogger } from './bolt-logger.js';
import { isDirectChannel, parseConversationKey } from './conversation-key.js';
import {
  appMentionEventSchema,
  blockActionsSchema,
  describeIssues,
  eventEnvelopeSchema,
  messageEventSchema,
  slashCommandSchema,
  type BlockActions,
  type SlackBlock,
} from './payload-schemas.js';
import { ACTION_IDS, choiceLine, handedBackLine, renderChoiceMade, renderHandoffSummary, renderReply, type SlackMessage } from './render.js';
import type { ThreadMemory } from './thread-memory.js';
import { actionMessage, eventIds, placeOf, textMessage } from './to-message.js';

export type SlackClientOptions = NonNullable<AppOptions['clientOptions']>;

export type SlackTransport = { mode: 'http'; signingSecret: string } | { mode: 'socket'; appToken: string; pingTimeoutMs?: number };

/** Who the bot is in the workspace, from `auth.test`. */
export interface SlackIdentity {
  botUserId: string;
  botId?: string;
  teamId: string;
  /** e.g. https://acme.slack.com/, for links to threads in handoff summaries. */
  workspaceUrl?: string;
}

export interface SlackAppOptions {
  bot: TurnPipeline;
  logger: Logger;
  token: string;
  identity: SlackIdentity;
  transport: SlackTransport;
  /** e.g. /alipay-help */
  slashCommand: string;
  /** Channel id for handoff summaries; without it summaries are only logged. */
  handoffChannel?: string;
  threads: ThreadMemory;
  clientOptions?: SlackClientOptions;
  now?: () => number;
}

export interface SlackApp {
  app: App;
  receiver: HTTPReceiver | SocketModeReceiver;
  /** Resolves once every handler that has started has finished (for a clean stop, and tests). */
  idle(): Promise<void>;
}

/** Where a reply goes: a channel, and a thread in it when there is one. */
interface Target {
  channel: string;
  threadTs?: string;
}

/** Message subtypes that are still a person typing; edits, joins, bot posts and the like are not. */
const PERSON_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { bot, identity, threads } = options;
  const logger = options.logger.child({ adapter: 'slack' });
  const now = options.now ?? Date.now;
  const boltLogger = createBoltLogger(logger);
  const clientOptions: SlackClientOptions = { ...options.clientOptions };

  const receiver =
    options.transport.mode === 'http'
      ? new HTTPReceiver({
          signingSecret: options.transport.signingSecret,
          logger: boltLogger,
          // Ack first, then work: Slack gets its 200 at once (its limit is 3 s), the turn runs after.
          processBeforeResponse: false,
          customRoutes: [
            {
              path: '/healthz',
              method: ['GET'],
              handler: (_req, res) => {
                res.writeHead(200, { 'content-type': 'application/json' });
                res.end('{"ok":true}');
              },
            },
          ],
        })
      : new SocketModeReceiver({
          appToken: options.transport.appToken,
          logger: boltLogger,
          installerOptions: { clientOptions },
          // Our listeners never throw, so an error here is Bolt failing to read the payload: it would
          // fail the same way on every redelivery, so acknowledge it (no retries) and log it.
          processEventErrorHandler: async ({ error }) => {
            logger.warn({ err: errorText(error) }, 'Slack envelope Bolt could not process; acknowledged and dropped');
            return true;
          },
          ...(options.transport.pingTimeoutMs ? { clientPingTimeout: options.transport.pingTimeoutMs } : {}),
        });

  const app = new App({
    token: options.token,
    botUserId: identity.botUserId,
    ...(identity.botId ? { botId: identity.botId } : {}),
    receiver,
    logger: boltLogger,
    clientOptions,
  });

  const inflight = new Set<Promise<void>>();
  /** Runs a listener body, never lets it throw into Bolt, and keeps count of work in progress. */
  function tracked<A>(name: string, body: (args: A) => Promise<void>): (args: A) => Promise<void> {
    return async (args) => {
      const work = body(args).catch((error: unknown) => {
        logger.error({ handler: name, err: errorText(error) }, 'slack handler failed');
      });
      inflight.add(work);
      try {
        await work;
      } finally {
        inflight.delete(work);
      }
    };
  }

  async function turn(message: IncomingMessage): Promise<TurnResult | undefined> {
    let result: TurnResult;
    try {
      result = await bot.handle(message);
    } catch (error) {
      logger.error({ eventId: message.eventId, conversationKey: message.conversationKey, err: errorText(error) }, 'slack message not handled');
      return undefined;
    }
    if (result.duplicate) {
      logger.info({ eventId: message.eventId, conversationKey: message.conversationKey }, 'repeated Slack event ignored');
      return undefined;
    }
    logger.info(
      {
        eventId: message.eventId,
        conversationKey: message.conversationKey,
        intent: result.intent,
        flow: result.flow,
        step: result.step,
        replies: result.replies.length,
        redactions: result.redactions,
        handoff: result.handoff,
      },
      'slack turn',
    );
    return result;
  }

  async function post(target: Target, message: SlackMessage): Promise<void> {
    try {
      await app.client.chat.postMessage({
        channel: target.channel,
        ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
        text: message.text,
        blocks: asBlocks(message.blocks),
        unfurl_links: false,
        unfurl_media: false,
      });
    } catch (error) {
      logger.error({ channel: target.channel, err: errorText(error) }, 'could not post to Slack');
    }
  }

  async function update(channel: string, ts: string, text: string, blocks: SlackBlock[]): Promise<void> {
    try {
      await app.client.chat.update({ channel, ts, text, blocks: asBlocks(blocks) });
    } catch (error) {
      logger.warn({ channel, err: errorText(error) }, 'could not update the clicked Slack message');
    }
  }

  async function postReplies(target: Target, replies: readonly Reply[]): Promise<void> {
    for (const reply of replies) await post(target, renderReply(reply));
  }

  async function postHandoff(summary: HandoffSummary): Promise<void> {
    if (!options.handoffChannel) {
      logger.warn({ conversationKey: summary.conversationKey, reason: summary.reason }, 'handoff requested, but SLACK_HANDOFF_CHANNEL is not set: no one was told');
      return;
    }
    const place = parseConversationKey(summary.conversationKey);
    await post({ channel: options.handoffChannel }, renderHandoffSummary(summary, place, identity.workspaceUrl));
  }

  async function deliver(result: TurnResult, target: Target): Promise<void> {
    await postReplies(target, result.replies);
    if (result.handoffSummary) await postHandoff(result.handoffSummary);
  }

  const mentionsBot = (text: string | undefined) => text !== undefined && text.includes(`<@${identity.botUserId}`);

  // Direct messages, and replies in channel threads the bot is already part of.
  app.event(
    'message',
    tracked('message', async ({ event, body }: { event: unknown; body: unknown }) => {
      const parsed = messageEventSchema.safeParse(event);
      const envelope = eventEnvelopeSchema.safeParse(body);
      if (!parsed.success || !envelope.success) {
        logger.warn({ problem: describeIssues((parsed.error ?? envelope.error)!) }, 'unreadable Slack message event ignored');
        return;
      }
      const m = parsed.data;
      // Never itself, never another bot, never edits or system messages.
      if (m.bot_id !== undefined || m.user === undefined || m.user === identity.botUserId) return;
      if (m.subtype !== undefined && !PERSON_SUBTYPES.has(m.subtype)) return;
      const team = envelope.data.team_id;
      const direct = m.channel_type === 'im' || isDirectChannel(m.channel);
      const place = placeOf(team, m.channel, m.ts, m.thread_ts);
      if (!direct) {
        // In channels: only thread replies, only in the bot's threads; a mention is app_mention's.
        if (m.thread_ts === undefined || mentionsBot(m.text)) return;
        const message = textMessage({ place, userId: m.user, text: m.text ?? '', eventId: eventIds.event(envelope.data.event_id), botUserId: identity.botUserId, receivedAt: now() });
        if (!(await threads.has(message.conversationKey))) return;
        const result = await turn(message);
        if (result) await deliver(result, { channel: m.channel, threadTs: m.thread_ts });
        return;
      }
      const message = textMessage({ place, userId: m.user, text: m.text ?? '', eventId: eventIds.event(envelope.data.event_id), botUserId: identity.botUserId, receivedAt: now() });
      const result = await turn(message);
      if (result) await deliver(result, m.thread_ts ? { channel: m.channel, threadTs: m.thread_ts } : { channel: m.channel });
    }),
  );

  // @bot in a channel: answered in a thread, which becomes one conversation.
  app.event(
    'app_mention',
    tracked('app_mention', async ({ event, body }: { event: unknown; body: unknown }) => {
      const parsed = appMentionEventSchema.safeParse(event);
      const envelope = eventEnvelopeSchema.safeParse(body);
      if (!parsed.success || !envelope.success) {
        logger.warn({ problem: describeIssues((parsed.error ?? envelope.error)!) }, 'unreadable Slack app_mention ignored');
        return;
      }
      const m = parsed.data;
      if (m.bot_id !== undefined || m.user === undefined || m.user === identity.botUserId) return;
      if (isDirectChannel(m.channel)) return; // DMs come as message events
      const place = placeOf(envelope.data.team_id, m.channel, m.ts, m.thread_ts);
      const message = textMessage({ place, userId: m.user, text: m.text ?? '', eventId: eventIds.event(envelope.data.event_id), botUserId: identity.botUserId, receivedAt: now() });
      await threads.remember(message.conversationKey);
      const result = await turn(message);
      if (result) await deliver(result, { channel: m.channel, threadTs: place.threadTs ?? m.ts });
    }),
  );

  // The bot's buttons: a choice continues the conversation; "Hand back" releases a handoff.
  app.action(
    { action_id: /^supportbot:/ },
    tracked('action', async ({ ack, body }: { ack: () => Promise<void>; body: unknown }) => {
      await ack();
      const parsed = blockActionsSchema.safeParse(body);
      if (!parsed.success) {
        logger.warn({ problem: describeIssues(parsed.error) }, 'unreadable Slack button click ignored');
        return;
      }
      const click = parsed.data;
      const action = click.actions[0];
      if (!action) return;
      if (action.action_id === ACTION_IDS.handBack) await handBack(click, action.value);
      else if (action.action_id.startsWith(ACTION_IDS.choicePrefix)) await choose(click, action);
    }),
  );

  async function choose(click: BlockActions, action: BlockActions['actions'][number]): Promise<void> {
    const channel = click.container?.channel_id ?? click.channel?.id;
    const messageTs = click.container?.message_ts ?? click.message?.ts;
    if (!channel || !messageTs || !action.value) {
      logger.warn({ actionId: action.action_id }, 'Slack button click without channel, message or value ignored');
      return;
    }
    const threadTs = click.message?.thread_ts ?? click.container?.thread_ts;
    const team = click.team?.id ?? identity.teamId;
    const place = placeOf(team, channel, messageTs, threadTs);
    const eventId = eventIds.action(click.trigger_id ?? `${messageTs}:${action.action_id}:${action.action_ts ?? ''}`);
    const result = await turn(actionMessage({ place, userId: click.user.id, value: action.value, eventId, receivedAt: now() }));
    if (!result) return;
    const label = action.text?.text ?? action.value;
    const direct = isDirectChannel(channel);
    await update(channel, messageTs, click.message?.text ?? label, renderChoiceMade(click.message?.blocks ?? [], choiceLine(label, click.user.id, direct)));
    const target: Target = direct ? (threadTs ? { channel, threadTs } : { channel }) : { channel, threadTs: place.threadTs ?? messageTs };
    await deliver(result, target);
  }

  async function handBack(click: BlockActions, conversationKey: string | undefined): Promise<void> {
    const place = conversationKey === undefined ? undefined : parseConversationKey(conversationKey);
    const channel = click.container?.channel_id ?? click.channel?.id;
    const messageTs = click.container?.message_ts ?? click.message?.ts;
    if (!place) {
      logger.warn({ actionId: ACTION_IDS.handBack }, 'hand-back click without a Slack conversation ignored');
      return;
    }
    const eventId = eventIds.action(click.trigger_id ?? `${messageTs ?? ''}:${ACTION_IDS.handBack}`);
    const result = await turn(actionMessage({ place, userId: click.user.id, value: ACTIONS.handBack, eventId, receivedAt: now() }));
    if (!result) return;
    if (channel && messageTs) {
      await update(channel, messageTs, click.message?.text ?? 'Handed back to the bot', renderChoiceMade(click.message?.blocks ?? [], handedBackLine(click.user.id)));
    }
    await deliver(result, place.threadTs ? { channel: place.channel, threadTs: place.threadTs } : { channel: place.channel });
  }

  // The slash command starts (or continues) a conversation in a DM with the person: payment
  // problems are private, and a DM works wherever the command was typed.
  app.command(
    options.slashCommand,
    tracked('command', async ({ ack, body, respond }: { ack: () => Promise<void>; body: unknown; respond: (m: { response_type: 'ephemeral'; text: string }) => Promise<unknown> }) => {
      await ack();
      const parsed = slashCommandSchema.safeParse(body);
      if (!parsed.success) {
        logger.warn({ problem: describeIssues(parsed.error) }, 'unreadable Slack slash command ignored');
        return;
      }
      const command = parsed.data;
      const opened = await app.client.conversations.open({ users: command.user_id });
      const channel = opened.channel?.id;
      if (!channel) {
        await respond({ response_type: 'ephemeral', text: "Sorry, I couldn't open a direct message with you. Please message me directly." });
        return;
      }
      if (channel !== command.channel_id) {
        await respond({ response_type: 'ephemeral', text: `I've sent you a direct message: let's continue there, <@${command.user_id}>.` }).catch((error: unknown) => {
          logger.warn({ err: errorText(error) }, 'could not answer the slash command');
        });
      }
      const text = command.text.trim() === '' ? 'help' : command.text;
      const message = textMessage({ place: { team: command.team_id, channel }, userId: command.user_id, text, eventId: eventIds.command(command.trigger_id), botUserId: identity.botUserId, receivedAt: now() });
      const result = await turn(message);
      if (result) await deliver(result, { channel });
    }),
  );

  // Slack only sends this app's own commands: another name means the manifest and
  // SLACK_SLASH_COMMAND disagree. Answer instead of leaving the person with "dispatch_failed".
  app.command(
    /^\//,
    tracked('other-command', async ({ ack, body }: { ack: (m?: { response_type: 'ephemeral'; text: string }) => Promise<void>; body: unknown }) => {
      const parsed = slashCommandSchema.safeParse(body);
      if (parsed.success && parsed.data.command === options.slashCommand) return;
      await ack({ response_type: 'ephemeral', text: `Sorry, this command is not set up. Try ${options.slashCommand}, or send me a direct message.` });
      logger.warn({ command: parsed.data?.command, expected: options.slashCommand }, 'slash command does not match SLACK_SLASH_COMMAND; check the app manifest');
    }),
  );

  app.error(async (error) => {
    logger.error({ err: errorText(error) }, 'slack app error');
  });

  return {
    app,
    receiver,
    async idle() {
      // One turn of the event loop first: a request acknowledged a moment ago may not have reached its listener yet.
      await new Promise((resolve) => setImmediate(resolve));
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },
  };
}

/** Slack Web API errors carry their code in data.error (e.g. not_in_channel); show that. */
export function errorText(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const data = (error as { data?: { error?: unknown } }).data;
    if (data && typeof data.error === 'string') return `${(error as Error).message ?? 'Slack API error'} (${data.error})`;
    if (error instanceof Error) return error.message;
  }
  return String(error);
}

/** Our blocks are built to Block Kit's shapes; the zod-loose type only lacks the nominal typing. */
function asBlocks(blocks: SlackBlock[]): types.Block[] {
  return blocks as types.Block[];
}
