/**
 * The Discord adapter: gateway events in, REST calls out, through discord.js. Transport only:
 * listeners turn messages, clicks and slash commands into IncomingMessage and hand them to the
 * ConversationRunner with a delivery that posts Discord messages. Only ids reach the log.
 */
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import type { Env } from '../../config/env.js';
import { trackAdapterStatus, type Adapter } from '../../core/adapter.js';
import { createConversationOwners } from '../../core/conversation-owners.js';
import type { ConversationRunner } from '../../core/conversation-runner.js';
import type { HandoffSummary } from '../../core/types.js';
import { createErrorBoundary, type AdapterErrorHandler } from '../../core/error-boundary.js';
import { ConfigError, StartupError } from '../../core/errors.js';
import type { LiveAgent } from '../../core/live-agent/live-agent.js';
import type { Logger } from '../../core/logger.js';
import type { ConversationStore } from '../../core/ports.js';
import { createButtonCodec } from './custom-id.js';
import { createDiscordOutbox } from './deliver.js';
import { destroyClient } from './destroy-client.js';
import { explainLoginError } from './login-errors.js';
import type { DiscordListenerContext } from './listeners/context.js';
import { onInteraction } from './listeners/interaction.js';
import { onMessage } from './listeners/message.js';
import { guardPacketHandling } from './packet-guard.js';
import { createDiscordStaffDesk } from './staff-desk.js';
import { checkDiscordSetup } from './startup-checks.js';

export interface DiscordAdapterOptions {
  runner: ConversationRunner;
  token: string;
  logger: Logger;
  /** REST base such as `http://127.0.0.1:PORT/api` (discord.js appends /v10); the gateway address comes from its /gateway/bot. */
  apiUrl?: string;
  /** Channel ids where mentions are answered; empty = all. */
  supportChannels?: readonly string[];
  handoffChannel?: string;
  supportRole?: string;
  /** How long to wait for the gateway to be ready at start (default 30 s). */
  readyTimeoutMs?: number;
  store?: Pick<ConversationStore, 'get' | 'put' | 'withLock'>;
  /**
   * The live agent: staff answer the person from a thread on the handoff summary (Claim, Hand back
   * to the bot, Close). Without it the summary has only "Hand back to the bot".
   */
  live?: LiveAgent;
}

export interface DiscordAdapter extends Adapter {
  readonly client: Client;
  /** Resolves when every event handler that has started has finished. */
  idle(): Promise<void>;
  /** The adapter's one error boundary (grammY's bot.catch): replaces the default handler, which logs. */
  catch(handler: AdapterErrorHandler): void;
}

/** What the bot needs from the gateway: guilds, guild messages (+ content, privileged) and DMs. */
export const DISCORD_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent, GatewayIntentBits.DirectMessages];

/** How long a stop waits for turns in progress to finish posting their replies. */
const STOP_DRAIN_MS = 10_000;

export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const { runner } = options;
  const logger = options.logger.child({ adapter: 'discord' });
  const client = new Client({
    intents: DISCORD_INTENTS,
    // DM channels are never cached ahead: without this, direct messages are silently dropped.
    partials: [Partials.Channel],
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
  const status = trackAdapterStatus('discord', runner.events);
  const boundary = createErrorBoundary('discord', logger, runner.events);
  // Hand-back ids are signed with a key derived from the bot token: every instance and restart agree.
  const codec = createButtonCodec({ secret: options.token });
  const live = options.live;
  const outbox = createDiscordOutbox({
    client,
    codec,
    logger,
    ...(options.handoffChannel ? { handoffChannel: options.handoffChannel } : {}),
    ...(options.supportRole ? { supportRole: options.supportRole } : {}),
    ...(live ? { openLive: (summary: HandoffSummary) => live.open(summary) } : {}),
  });
  const ctx: DiscordListenerContext = {
    client,
    runner,
    codec,
    logger,
    outbox,
    supportChannels: options.supportChannels ?? [],
    ...(options.supportRole ? { supportRole: options.supportRole } : {}),
    ...(options.handoffChannel ? { handoffChannel: options.handoffChannel } : {}),
    owners: createConversationOwners(options.store),
    ...(live ? { live } : {}),
    botId: () => client.user?.id ?? '',
  };
  let detachDesk: (() => void) | undefined;

  guardPacketHandling(client, logger);
  const messageListener = boundary.wrap('message', (message: Parameters<typeof onMessage>[1]) => onMessage(ctx, message), (message) => ({ messageId: message.id }));
  const interactionListener = boundary.wrap('interaction', (interaction: Parameters<typeof onInteraction>[1]) => onInteraction(ctx, interaction), (interaction) => ({ interactionId: interaction.id }));
  client.on(Events.MessageCreate, (message) => void messageListener(message));
  client.on(Events.InteractionCreate, (interaction) => void interactionListener(interaction));
  client.on(Events.Error, (error) => void boundary.report('client', error));
  client.on(Events.Warn, (warning) => logger.warn({ warning }, 'discord: client warning'));
  let stopping: Promise<void> | undefined;
  client.on(Events.ShardDisconnect, (event, shardId) => {
    if (stopping) return;
    logger.warn({ shardId, code: event.code }, 'discord: gateway disconnected');
    status.set('reconnecting');
  });
  client.on(Events.ShardReconnecting, (shardId) => {
    if (stopping) return;
    logger.info({ shardId }, 'discord: gateway reconnecting');
    status.set('reconnecting');
  });
  client.on(Events.ShardResume, (shardId, replayed) => {
    logger.info({ shardId, replayed }, 'discord: gateway session resumed');
    status.set('ready');
  });
  client.on(Events.ShardReady, () => {
    if (status.get().state === 'reconnecting') status.set('ready');
  });

  return {
    name: 'discord',
    client,
    status: () => status.get(),
    catch: (handler) => boundary.catch(handler),
    idle: () => boundary.idle(),
    async start() {
      status.set('starting');
      const readyTimeoutMs = options.readyTimeoutMs ?? 30_000;
      let timer: NodeJS.Timeout | undefined;
      const ready = new Promise<void>((resolve, reject) => {
        client.once(Events.ClientReady, () => resolve());
        timer = setTimeout(() => reject(new StartupError('Discord', `the gateway did not get ready within ${readyTimeoutMs} ms: check the network and any proxy (WebSocket to the gateway)`)), readyTimeoutMs);
      });
      try {
        await client.login(options.token);
        await ready;
        await checkDiscordSetup(client, { ...options, liveAgent: live !== undefined });
      } catch (error) {
        await destroyClient(client);
        const explained = explainLoginError(error, options.apiUrl);
        status.set('failed', explained instanceof Error ? explained.message : String(explained));
        throw explained;
      } finally {
        clearTimeout(timer);
      }
      if (live) {
        detachDesk = live.attach(
          createDiscordStaffDesk({ client, outbox, logger, ...(options.handoffChannel ? { handoffChannel: options.handoffChannel } : {}), ...(options.supportRole ? { supportRole: options.supportRole } : {}) }),
        );
      }
      status.set('ready');
      logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, supportChannels: ctx.supportChannels.length || 'all' }, 'discord: connected');
    },
    stop() {
      stopping ??= (async () => {
        detachDesk?.();
        await withTimeout(boundary.idle(), STOP_DRAIN_MS);
        // The client before any fake server: a client left running keeps reconnecting.
        await destroyClient(client);
        status.set('stopped');
        logger.info('discord adapter stopped');
      })();
      return stopping;
    },
  };
}

/** Reads the Discord variables from the environment and creates the adapter (not yet started). */
export function discordAdapterFromEnv(options: { runner: ConversationRunner; env: Env; logger: Logger; store?: DiscordAdapterOptions['store']; live?: LiveAgent }): DiscordAdapter {
  const { env } = options;
  if (!env.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN', 'is required for the Discord adapter');
  return createDiscordAdapter({
    runner: options.runner,
    token: env.DISCORD_TOKEN,
    logger: options.logger,
    supportChannels: env.DISCORD_SUPPORT_CHANNELS,
    ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
    ...(env.DISCORD_HANDOFF_CHANNEL ? { handoffChannel: env.DISCORD_HANDOFF_CHANNEL } : {}),
    ...(env.DISCORD_SUPPORT_ROLE ? { supportRole: env.DISCORD_SUPPORT_ROLE } : {}),
    ...(options.store ? { store: options.store } : {}),
    ...(options.live ? { live: options.live } : {}),
  });
}

/** Connects to Discord with DISCORD_TOKEN and answers until stop() (which `serve` calls on SIGTERM). */
export async function startDiscordAdapter(options: Parameters<typeof discordAdapterFromEnv>[0]): Promise<DiscordAdapter> {
  const adapter = discordAdapterFromEnv(options);
  await adapter.start();
  return adapter;
}

async function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
