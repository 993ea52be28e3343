/**
 * The discord.js wiring: gateway events in, REST calls out. Transport only: it dedupes (through
 * the core's event ids), normalises, renders, and leaves every decision about words to the core.
 * Only ids ever reach the log, never what people wrote.
 */
import {
  ChannelType,
  Client,
  ComponentType,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  PermissionFlagsBits,
  Routes,
  ThreadAutoArchiveDuration,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type Message,
} from 'discord.js';
import { ACTIONS } from '../../core/actions.js';
import type { Logger } from '../../core/logger.js';
import type { TurnPipeline } from '../../core/turn-pipeline.js';
import type { HandoffSummary, TurnResult } from '../../core/types.js';
import { HELP_COMMAND, QUESTION_OPTION } from './commands.js';
import { channelIdOf, conversationKeyOf, placeOf, type DiscordPlace } from './conversation-key.js';
import { createButtonCodec } from './custom-id.js';
import { markChoice, MESSAGE_MAX, renderReplies, type DiscordMessageBody } from './render.js';
import { renderHandoff } from './render-handoff.js';
import { isSupportChannel, routeMessage } from './route-message.js';
import { secretNotice, secretsToAct, type SecretOutcome } from './secret-notice.js';
import { clickToIncoming, discordMessageViewSchema, messageToIncoming, normaliseDiscordText } from './to-message.js';
import { errorCode, explainLoginError } from './login-errors.js';
import { canOpenThreadOn, permissionsIn, THREAD_PERMISSIONS, viewOf } from './message-view.js';
import { guardPacketHandling } from './packet-guard.js';

export interface DiscordAppOptions {
  bot: TurnPipeline;
  token: string;
  /** REST base such as `http://127.0.0.1:PORT/api` (discord.js appends /v10); the gateway address comes from its /gateway/bot. */
  apiUrl?: string;
  /** Channel ids where mentions are answered; empty = all. */
  supportChannels?: readonly string[];
  handoffChannel?: string;
  supportRole?: string;
  logger: Logger;
  /** How long to wait for the gateway to be ready at start (default 30 s). */
  readyTimeoutMs?: number;
}

export interface DiscordApp {
  readonly client: Client;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What the bot needs from the gateway: guilds, guild messages (+ content, privileged) and DMs. */
export const DISCORD_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.DirectMessages,
];

const NO_PINGS = { parse: [] as [] };

type AnyRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** A thread's name from what the person asked (already redacted by the core). */
export function threadNameFrom(text: string | undefined, fallback = 'Alipay help'): string {
  const clean = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!clean) return fallback;
  return clean.length <= 80 ? clean : `${clean.slice(0, 79)}…`;
}

function toReplyOptions(body: DiscordMessageBody): InteractionReplyOptions & InteractionEditReplyOptions {
  return { content: body.content, components: body.components, allowedMentions: body.allowed_mentions };
}

export function createDiscordApp(options: DiscordAppOptions): DiscordApp {
  const { bot, logger } = options;
  const supportChannels = options.supportChannels ?? [];
  const codec = createButtonCodec();
  const client = new Client({
    intents: DISCORD_INTENTS,
    // DM channels are never cached ahead: without this, direct messages are silently dropped.
    partials: [Partials.Channel],
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });

  /** Turns of one conversation run one after another, so replies keep the order of messages. */
  const queues = new Map<string, Promise<unknown>>();
  function serial(key: string, fn: () => Promise<void>): Promise<void> {
    const previous = queues.get(key) ?? Promise.resolve();
    const next = previous.then(fn, fn);
    queues.set(key, next);
    const forget = () => {
      if (queues.get(key) === next) queues.delete(key);
    };
    next.then(forget, forget);
    return next;
  }

  const botId = (): string => client.user?.id ?? '';

  async function post(channelId: string, body: DiscordMessageBody): Promise<string> {
    const sent = (await client.rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
    return sent.id;
  }

  function bodiesFor(result: TurnResult, notice?: string): DiscordMessageBody[] {
    const rendered = renderReplies(result.replies, codec);
    if (rendered.droppedButtons > 0) {
      logger.warn({ conversationKey: result.conversationKey, dropped: rendered.droppedButtons }, 'discord: more than 25 buttons; extra buttons not shown');
    }
    return [...(notice ? [{ content: notice, components: [], allowed_mentions: NO_PINGS }] : []), ...rendered.bodies];
  }

  async function deliver(channelId: string, bodies: DiscordMessageBody[], replyTo?: string): Promise<void> {
    for (const [i, body] of bodies.entries()) {
      await post(channelId, i === 0 && replyTo ? { ...body, message_reference: { message_id: replyTo, fail_if_not_exists: false } } : body);
    }
  }

  async function notifyHandoff(summary: HandoffSummary | undefined): Promise<void> {
    if (!summary) return;
    if (!options.handoffChannel) {
      logger.warn({ conversationKey: summary.conversationKey }, 'discord: handoff requested but DISCORD_HANDOFF_CHANNEL is not set; staff were not told');
      return;
    }
    try {
      await post(options.handoffChannel, renderHandoff(summary, options.supportRole));
      logger.info({ conversationKey: summary.conversationKey, channel: options.handoffChannel }, 'discord: handoff summary posted');
    } catch (error) {
      logger.error({ conversationKey: summary.conversationKey, err: String(error) }, 'discord: could not post the handoff summary');
    }
  }

  /** Removes a message that carried a secret when allowed; says what happened either way. */
  async function removeSecret(message: Message, isDm: boolean): Promise<SecretOutcome> {
    if (isDm) return 'dm';
    if (!permissionsIn(message, client.user)?.has(PermissionFlagsBits.ManageMessages)) return 'not_deleted';
    try {
      await client.rest.delete(Routes.channelMessage(message.channelId, message.id), { reason: 'contained a card number or other secret' });
      return 'deleted';
    } catch (error) {
      logger.warn({ messageId: message.id, code: errorCode(error) }, 'discord: could not delete a message with a secret');
      return 'not_deleted';
    }
  }

  async function onMessage(message: Message): Promise<void> {
    // Cheap checks first: most traffic in a guild is not for the bot.
    if (message.author.id === botId() || message.author.bot) return;
    const parsed = discordMessageViewSchema.safeParse(viewOf(message));
    if (!parsed.success) {
      logger.warn({ messageId: message.id, issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'discord: ignored a malformed message');
      return;
    }
    const view = parsed.data;
    const route = routeMessage(view, {
      botId: botId(),
      supportChannels,
      canOpenThread: canOpenThreadOn(message, client.user),
      ...(options.supportRole ? { supportRole: options.supportRole } : {}),
    });
    if (route.action === 'ignore') {
      logger.debug({ messageId: view.id, reason: route.reason }, 'discord: message ignored');
      return;
    }
    const key = conversationKeyOf(route.place);
    await serial(key, async () => {
      const result = await bot.handle(messageToIncoming(view, key, botId()));
      if (result.duplicate) {
        logger.info({ messageId: view.id, conversationKey: key }, 'discord: repeated message ignored');
        return;
      }
      let channelId = route.replyChannelId;
      let replyTo = route.replyTo;
      if (route.openThreadOn) {
        try {
          await client.rest.post(Routes.threads(view.channelId, route.openThreadOn), {
            body: { name: threadNameFrom(result.redactedText), auto_archive_duration: ThreadAutoArchiveDuration.OneDay },
          });
          await client.rest.put(Routes.threadMembers(route.openThreadOn, view.authorId)).catch(() => undefined);
        } catch (error) {
          // No thread (permissions changed, channel type): answer in the channel instead of not at all.
          logger.warn({ messageId: view.id, code: errorCode(error) }, 'discord: could not open a thread; answering in the channel');
          channelId = view.channelId;
          replyTo = view.id;
        }
      }
      let notice: string | undefined;
      const secrets = secretsToAct(result.redactions);
      if (secrets.length > 0) {
        const outcome = await removeSecret(message, route.place.kind === 'dm');
        notice = secretNotice(secrets, outcome);
        if (outcome === 'deleted') replyTo = undefined;
        logger.info({ messageId: view.id, kinds: secrets, outcome }, 'discord: message with a secret handled');
      }
      await deliver(channelId, bodiesFor(result, notice), replyTo);
      await notifyHandoff(result.handoffSummary);
    });
  }

  function placeOfInteraction(interaction: Interaction): DiscordPlace {
    const channelId = interaction.channelId ?? '';
    if (!interaction.inGuild()) return { kind: 'dm', channelId };
    if (interaction.channel?.isThread()) return { kind: 'thread', threadId: channelId };
    return { kind: 'channel', channelId, userId: interaction.user.id };
  }

  function rowsOf(message: Message): AnyRow[] {
    return message.components
      .map((c) => c.toJSON() as { type: number })
      .filter((c): c is AnyRow => c.type === ComponentType.ActionRow);
  }

  async function acknowledge(interaction: ButtonInteraction, update: Parameters<ButtonInteraction['update']>[0]): Promise<boolean> {
    try {
      await interaction.update(update);
      return true;
    } catch (error) {
      // A replayed interaction was already answered; the core's dedupe makes sure nothing repeats.
      logger.info({ interactionId: interaction.id, code: errorCode(error) }, 'discord: could not update the clicked message');
      return false;
    }
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const decoded = codec.decode(interaction.customId);
    if (decoded.kind === 'foreign' || decoded.kind === 'expired') {
      await interaction.reply({ content: 'This button has expired. Please type your question instead.', flags: MessageFlags.Ephemeral });
      return;
    }
    if (decoded.kind === 'hand_back') {
      await onHandBack(interaction, decoded.conversationKey, decoded.userId);
      return;
    }
    const place = placeOfInteraction(interaction);
    // Discord wants an answer within 3 s: show the choice first, then run the turn.
    await acknowledge(interaction, { components: markChoice(rowsOf(interaction.message), interaction.customId) });
    const key = conversationKeyOf(place);
    await serial(key, async () => {
      const click = { interactionId: interaction.id, userId: interaction.user.id, value: decoded.value, receivedAt: interaction.createdTimestamp };
      const result = await bot.handle(clickToIncoming(click, key));
      if (result.duplicate) return;
      const secrets = secretsToAct(result.redactions);
      const notice = secrets.length > 0 ? secretNotice(secrets, 'command') : undefined;
      await deliver(channelIdOf(place), bodiesFor(result, notice));
      await notifyHandoff(result.handoffSummary);
    });
  }

  function isSupportStaff(interaction: ButtonInteraction): boolean {
    const role = options.supportRole;
    if (!role) return true;
    if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
    const roles = interaction.member?.roles;
    if (!roles) return false;
    return Array.isArray(roles) ? roles.includes(role) : roles.cache.has(role);
  }

  async function onHandBack(interaction: ButtonInteraction, conversationKey: string, userId: string): Promise<void> {
    const place = placeOf(conversationKey);
    if (!place) {
      await interaction.reply({ content: 'I do not know that conversation any more.', flags: MessageFlags.Ephemeral });
      return;
    }
    if (!isSupportStaff(interaction)) {
      await interaction.reply({ content: `Only the support team (<@&${options.supportRole}>) can hand a conversation back.`, flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
      return;
    }
    const stamp = `\n-# Handed back to the bot by <@${interaction.user.id}>.`;
    const content = `${interaction.message.content.slice(0, MESSAGE_MAX - stamp.length)}${stamp}`;
    await acknowledge(interaction, { content, components: markChoice(rowsOf(interaction.message), interaction.customId), allowedMentions: NO_PINGS });
    await serial(conversationKey, async () => {
      const click = { interactionId: interaction.id, userId, value: ACTIONS.handBack, receivedAt: interaction.createdTimestamp };
      const result = await bot.handle(clickToIncoming(click, conversationKey));
      if (result.duplicate) return;
      logger.info({ conversationKey, staff: interaction.user.id }, 'discord: conversation handed back to the bot');
      await deliver(channelIdOf(place), bodiesFor(result));
    });
  }

  async function answerInteraction(interaction: ChatInputCommandInteraction, bodies: DiscordMessageBody[]): Promise<void> {
    const [first, ...rest] = bodies;
    await interaction.editReply(first ? toReplyOptions(first) : { content: 'Ask me anything about paying on Alibaba with Alipay.' });
    for (const body of rest) await interaction.followUp(toReplyOptions(body));
  }

  async function onSlashCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    if (interaction.commandName !== HELP_COMMAND) {
      await interaction.reply({ content: `I only know /${HELP_COMMAND}.`, flags: MessageFlags.Ephemeral });
      return;
    }
    const text = normaliseDiscordText(interaction.options.getString(QUESTION_OPTION) ?? '', { botId: botId() });
    const userId = interaction.user.id;
    const channelId = interaction.channelId;
    const incoming = (key: string) => ({
      platform: 'discord' as const,
      conversationKey: key,
      userId,
      text,
      eventId: `discord:interaction:${interaction.id}`,
      receivedAt: interaction.createdTimestamp,
    });
    const noticeFor = (result: TurnResult) => {
      const secrets = secretsToAct(result.redactions);
      return secrets.length > 0 ? secretNotice(secrets, 'command') : undefined;
    };

    const inGuildChannel = interaction.inGuild() && !interaction.channel?.isThread();
    if (inGuildChannel && !isSupportChannel(channelId, supportChannels)) {
      const where = supportChannels.map((id) => `<#${id}>`).join(', ');
      await interaction.reply({ content: `I answer in ${where}. Ask me there, or send me a direct message.`, flags: MessageFlags.Ephemeral });
      return;
    }
    const canThread =
      inGuildChannel &&
      (interaction.channel?.type === ChannelType.GuildText || interaction.channel?.type === ChannelType.GuildAnnouncement) &&
      (interaction.appPermissions?.has(THREAD_PERMISSIONS) ?? false);

    /** Runs the turn and answers the command in place (as a reply to the interaction). */
    const answerHere = (key: string) =>
      serial(key, async () => {
        const result = await bot.handle(incoming(key));
        if (result.duplicate) return;
        await answerInteraction(interaction, bodiesFor(result, noticeFor(result)));
        await notifyHandoff(result.handoffSummary);
      });

    if (!canThread) {
      // DMs, threads, and channels where no thread can be opened: answer right here.
      const place = placeOfInteraction(interaction);
      const key = conversationKeyOf(place);
      await interaction.deferReply();
      await answerHere(key);
      return;
    }

    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const name = threadNameFrom(undefined, `Alipay help · ${interaction.user.displayName}`);
    let thread: { id: string };
    try {
      thread = (await client.rest.post(Routes.threads(channelId), {
        body: { name: name.slice(0, 100), type: ChannelType.PublicThread, auto_archive_duration: ThreadAutoArchiveDuration.OneDay },
      })) as { id: string };
    } catch (error) {
      // No thread after all: answer privately to this person instead of not at all.
      logger.warn({ interactionId: interaction.id, code: errorCode(error) }, 'discord: could not open a thread for a command; answering privately');
      const key = conversationKeyOf({ kind: 'channel', channelId, userId });
      await answerHere(key);
      return;
    }
    await client.rest.put(Routes.threadMembers(thread.id, userId)).catch(() => undefined);
    const key = conversationKeyOf({ kind: 'thread', threadId: thread.id });
    await serial(key, async () => {
      const result = await bot.handle(incoming(key));
      if (result.duplicate) return;
      const asked = result.redactedText ? `<@${userId}> asked: “${result.redactedText.slice(0, 1500)}”` : `<@${userId}> asked for help.`;
      await post(thread.id, { content: asked, components: [], allowed_mentions: { parse: [], users: [userId] } });
      await deliver(thread.id, bodiesFor(result, noticeFor(result)));
      await interaction.editReply({ content: `I opened a thread for you: <#${thread.id}>` });
      await notifyHandoff(result.handoffSummary);
    });
  }

  async function onInteraction(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isButton()) await onButton(interaction);
      else if (interaction.isChatInputCommand()) await onSlashCommand(interaction);
    } catch (error) {
      logger.error({ interactionId: interaction.id, err: String(error) }, 'discord: interaction failed');
      if (interaction.isRepliable()) {
        const apology = { content: 'Sorry, something went wrong on my side. Please try again in a moment.' };
        try {
          if (interaction.deferred && !interaction.replied) await interaction.editReply(apology);
          else if (!interaction.replied && !interaction.deferred) await interaction.reply({ ...apology, flags: MessageFlags.Ephemeral });
        } catch {
          // Nothing more to do: the interaction token may have expired.
        }
      }
    }
  }

  guardPacketHandling(client, logger);

  client.on(Events.MessageCreate, (message) => {
    onMessage(message).catch((error: unknown) => {
      logger.error({ messageId: message.id, err: String(error) }, 'discord: message handling failed');
    });
  });
  client.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction));
  client.on(Events.Error, (error) => logger.error({ err: String(error) }, 'discord: client error'));
  client.on(Events.Warn, (warning) => logger.warn({ warning }, 'discord: client warning'));
  let stopping = false;
  client.on(Events.ShardDisconnect, (event, shardId) => {
    if (!stopping) logger.warn({ shardId, code: event.code }, 'discord: gateway disconnected');
  });
  client.on(Events.ShardReconnecting, (shardId) => {
    if (!stopping) logger.info({ shardId }, 'discord: gateway reconnecting');
  });
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'discord: gateway session resumed'));

  return {
    client,
    async start() {
      const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
      let timer: NodeJS.Timeout | undefined;
      const ready = new Promise<void>((resolve, reject) => {
        client.once(Events.ClientReady, () => resolve());
        timer = setTimeout(() => reject(new Error(`Discord gateway not ready after ${readyTimeoutMs} ms`)), readyTimeoutMs);
      });
      try {
        await client.login(options.token);
        await ready;
      } catch (error) {
        await client.destroy();
        throw explainLoginError(error);
      } finally {
        clearTimeout(timer);
      }
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, supportChannels: supportChannels.length || 'all' }, 'discord: connected');
    },
    async stop() {
      stopping = true;
      await Promise.allSettled([...queues.values()]);
      await client.destroy();
    },
  };
}
