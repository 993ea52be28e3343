/**
 * The Slack adapter: `supportbot serve` starts it when SLACK_BOT_TOKEN is set. HTTP mode (Events
 * API and interactivity on POST /slack/events, verified with the signing secret) or Socket Mode
 * when SLACK_APP_TOKEN is set.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { SocketModeReceiver, webApi } from '@slack/bolt';
import type { Env } from '../../config/env.js';
import { ConfigError, SupportbotError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { ConversationStore } from '../../core/ports.js';
import type { TurnPipeline } from '../../core/turn-pipeline.js';
import { createSlackApp, errorText, type SlackClientOptions, type SlackIdentity, type SlackTransport } from './app.js';
import { createBoltLogger } from './bolt-logger.js';
import { authTestSchema } from './payload-schemas.js';
import { memoryThreadMemory, storeThreadMemory } from './thread-memory.js';

export interface SlackAdapterOptions {
  /** The bot core. When it exposes its store (createSupportbot does), thread membership lives there. */
  bot: TurnPipeline & { parts?: { store?: Pick<ConversationStore, 'get'> } };
  env: Env;
  logger: Logger;
  /** Extra Web API client options, e.g. `{ retryConfig: { retries: 0 } }` in tests. Production keeps Bolt's defaults. */
  clientOptions?: SlackClientOptions;
  /** HTTP mode: where to listen (default: PORT and HOST from the environment). */
  port?: number;
  host?: string;
  /** Socket Mode: ping interval base in ms (Bolt's default 5000); also the reconnect back-off unit. */
  socketPingTimeoutMs?: number;
  now?: () => number;
}

export interface RunningAdapter {
  stop(): Promise<void>;
}

export interface RunningSlackAdapter extends RunningAdapter {
  mode: 'http' | 'socket';
  /** HTTP mode: the port actually listened on (useful with PORT=0). */
  port?: number;
  identity: SlackIdentity;
  /** Resolves when every event handler that has started has finished. */
  idle(): Promise<void>;
}

/** Slack could not be reached or refused us at start. */
export class SlackStartError extends SupportbotError {}

/** How long a stop waits for turns in progress to finish posting their replies. */
const STOP_DRAIN_MS = 10_000;

export async function startSlackAdapter(options: SlackAdapterOptions): Promise<RunningSlackAdapter> {
  const { env, logger } = options;
  const token = env.SLACK_BOT_TOKEN;
  if (!token) throw new ConfigError('SLACK_BOT_TOKEN', 'is required for the Slack adapter');
  const transport: SlackTransport = env.SLACK_APP_TOKEN
    ? { mode: 'socket', appToken: env.SLACK_APP_TOKEN, ...(options.socketPingTimeoutMs ? { pingTimeoutMs: options.socketPingTimeoutMs } : {}) }
    : { mode: 'http', signingSecret: requireSecret(env) };
  const clientOptions: SlackClientOptions = {
    ...(env.SLACK_API_URL ? { slackApiUrl: withTrailingSlash(env.SLACK_API_URL) } : {}),
    ...options.clientOptions,
  };

  const identity = await whoAmI(token, clientOptions, logger);
  const store = options.bot.parts?.store;
  const { app, receiver, idle } = createSlackApp({
    bot: options.bot,
    logger,
    token,
    identity,
    transport,
    slashCommand: env.SLACK_SLASH_COMMAND,
    ...(env.SLACK_HANDOFF_CHANNEL ? { handoffChannel: env.SLACK_HANDOFF_CHANNEL } : {}),
    threads: store ? storeThreadMemory(store) : memoryThreadMemory(),
    clientOptions,
    ...(options.now ? { now: options.now } : {}),
  });

  let port: number | undefined;
  if (transport.mode === 'http') {
    const host = options.host ?? env.HOST;
    const wanted = options.port ?? env.PORT;
    let server: Server;
    try {
      server = (await app.start({ port: wanted, ...(host ? { host } : {}) })) as Server;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EADDRINUSE' || code === 'EACCES') throw new ConfigError('PORT', `cannot listen on ${host ?? ''}:${wanted} (${code}); pick another port`);
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new ConfigError('HOST', `cannot listen on ${host ?? ''} (${code})`);
      throw new SlackStartError(`could not start the HTTP server: ${errorText(error)}`, { cause: error });
    }
    port = (server.address() as AddressInfo).port;
    logger.info({ port, host: host ?? 'all interfaces', path: '/slack/events', bot: identity.botUserId, team: identity.teamId }, 'slack adapter listening (HTTP mode)');
  } else {
    try {
      await app.start();
    } catch (error) {
      if (receiver instanceof SocketModeReceiver) await receiver.client.disconnect().catch(() => {});
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code === 'invalid_auth' || code === 'not_authed' || code === 'not_allowed_token_type') {
        throw new ConfigError('SLACK_APP_TOKEN', `Slack rejected the app-level token (${code}); it must be an xapp- token with the connections:write scope, and Socket Mode must be on`);
      }
      throw new SlackStartError(`could not connect to Slack in Socket Mode: ${errorText(error)}`, { cause: error });
    }
    logger.info({ bot: identity.botUserId, team: identity.teamId }, 'slack adapter connected (Socket Mode)');
  }

  let stopping: Promise<void> | undefined;
  async function stop(): Promise<void> {
    stopping ??= (async () => {
      try {
        // Socket Mode: app.stop() does not wait for the WebSocket to close; disconnect() does.
        if (receiver instanceof SocketModeReceiver) await receiver.client.disconnect();
        else await app.stop();
      } catch (error) {
        logger.warn({ err: errorText(error) }, 'slack adapter stop');
      }
      await withTimeout(idle(), STOP_DRAIN_MS);
      logger.info('slack adapter stopped');
    })();
    return stopping;
  }

  return { mode: transport.mode, ...(port === undefined ? {} : { port }), identity, idle, stop };
}

function requireSecret(env: Env): string {
  if (!env.SLACK_SIGNING_SECRET) {
    throw new ConfigError('SLACK_SIGNING_SECRET', 'is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  }
  return env.SLACK_SIGNING_SECRET;
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/**
 * `auth.test`: checks the token and learns the bot's user id, so the app recognises its own
 * messages and mentions. A few quick retries only: a bad token or address should fail the start
 * now, with a message, not after Bolt's 30-minute retry policy.
 */
async function whoAmI(token: string, clientOptions: SlackClientOptions, logger: Logger): Promise<SlackIdentity> {
  const client = new webApi.WebClient(token, {
    retryConfig: { retries: 2, factor: 1, minTimeout: 500, maxTimeout: 1000 },
    logger: createBoltLogger(logger.child({ adapter: 'slack' })),
    ...clientOptions,
  });
  let raw: unknown;
  try {
    raw = await client.auth.test();
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code === 'invalid_auth' || code === 'not_authed' || code === 'token_revoked' || code === 'account_inactive') {
      throw new ConfigError('SLACK_BOT_TOKEN', `Slack rejected the token (${code}); copy the Bot User OAuth Token again from the app's "OAuth & Permissions" page`);
    }
    throw new SlackStartError(`could not reach Slack (auth.test at ${clientOptions.slackApiUrl ?? 'https://slack.com/api/'}): ${errorText(error)}`, { cause: error });
  }
  const parsed = authTestSchema.safeParse(raw);
  if (!parsed.success) throw new SlackStartError('auth.test answered without user_id or team_id: is SLACK_BOT_TOKEN a bot token (xoxb-)?');
  const { user_id, team_id, bot_id, url } = parsed.data;
  return {
    botUserId: user_id,
    teamId: team_id,
    ...(bot_id ? { botId: bot_id } : {}),
    ...(url && URL.canParse(url) ? { workspaceUrl: url } : {}),
  };
}

async function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
