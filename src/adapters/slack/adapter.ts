/**
 * The Slack adapter: `supportbot serve` starts it when SLACK_BOT_TOKEN is set (one workspace) or
 * SLACK_CLIENT_ID is (many workspaces, each installing the app through Bolt's OAuth flow). HTTP
 * mode (Events API and interactivity on POST /slack/events, verified with the signing secret) or
 * Socket Mode when SLACK_APP_TOKEN is set. Transport only: listeners turn Slack events into IncomingMessage
 * and hand them to the ConversationRunner with a delivery that posts Block Kit.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { App, SocketModeReceiver } from '@slack/bolt';
import { hasSlackOAuth, type Env } from '../../config/env.js';
import { trackAdapterStatus, type Adapter } from '../../core/adapter.js';
import { createConversationOwners } from '../../core/conversation-owners.js';
import type { ConversationRunner } from '../../core/conversation-runner.js';
import { createErrorBoundary, type AdapterErrorHandler } from '../../core/error-boundary.js';
import { ConfigError } from '../../core/errors.js';
import type { LiveAgent } from '../../core/live-agent/live-agent.js';
import type { Logger } from '../../core/logger.js';
import type { HttpRoutes } from '../../core/http-routes.js';
import type { ConversationStore } from '../../core/ports.js';
import { createValueSigner } from '../../core/signed-values.js';
import type { HandoffSummary } from '../../core/types.js';
import { createBoltLogger } from './bolt-logger.js';
import { errorText, slackErrorCode, SlackStartError } from './errors.js';
import { checkHandoffChannel, startClient, whoAmI, type SlackClientOptions, type SlackIdentity } from './identity.js';
import { createSlackInstallations, INSTALLATIONS_NAMESPACE, type SlackInstallations } from './installation-store.js';
import { listenToMentions } from './listeners/app-mention.js';
import { listenToButtons } from './listeners/button.js';
import type { SlackListenerContext } from './listeners/context.js';
import { listenToNoteForms } from './listeners/live-staff.js';
import { listenToMessages } from './listeners/message.js';
import { listenToSlashCommand } from './listeners/slash-command.js';
import { listenToUninstalls } from './listeners/uninstall.js';
import { createReceiver, type SlackOAuth, type SlackTransport } from './receiver.js';
import { SLACK_BOT_SCOPES } from './scopes.js';
import { createSlackStaffDesk } from './staff-desk.js';
import { memoryThreadMemory, storeThreadMemory } from './thread-memory.js';
import { installedWorkspaces, singleWorkspace, type SlackWorkspaces } from './workspaces.js';

export interface SlackAdapterOptions {
  runner: ConversationRunner;
  env: Env;
  logger: Logger;
  /**
   * The conversation store: a thread is the bot's when it has a record there, who owns each
   * conversation is kept there, and with OAuth the workspaces' installations. Without it, this
   * process remembers threads and owners only.
   */
  store?: Pick<ConversationStore, 'get' | 'put' | 'withLock' | 'records'>;
  /** Extra Web API client options, e.g. `{ retryConfig: { retries: 0 } }` in tests. Production keeps Bolt's defaults. */
  clientOptions?: SlackClientOptions;
  /** HTTP mode: where to listen (default: PORT and HOST from the environment). */
  port?: number;
  host?: string;
  /** HTTP mode: more routes on the same server (health, readiness, metrics, insights…). */
  routes?: HttpRoutes;
  /**
   * The live agent: staff answer the person from a thread on the handoff summary (Claim, Hand back
   * to the bot, Close). Without it the summary has only "Hand back to the bot".
   */
  live?: LiveAgent;
  /** Socket Mode: ping interval base in ms (Bolt's default 5000); also the reconnect back-off unit. */
  socketPingTimeoutMs?: number;
  now?: () => number;
}

export interface SlackAdapter extends Adapter {
  readonly mode: 'http' | 'socket';
  /** True when workspaces install the app through OAuth (SLACK_CLIENT_ID); false with one SLACK_BOT_TOKEN. */
  readonly multiWorkspace: boolean;
  /** HTTP mode, once started: the port actually listened on (useful with PORT=0). */
  readonly port: number | undefined;
  /** Once started with SLACK_BOT_TOKEN: who the bot is in the workspace. */
  readonly identity: SlackIdentity | undefined;
  /** Resolves when every event handler that has started has finished. */
  idle(): Promise<void>;
  /** The adapter's one error boundary (grammY's bot.catch): replaces the default handler, which logs. */
  catch(handler: AdapterErrorHandler): void;
}

/** How long a stop waits for turns in progress to finish posting their replies. */
const STOP_DRAIN_MS = 10_000;

export function createSlackAdapter(options: SlackAdapterOptions): SlackAdapter {
  const { env, runner } = options;
  const logger = options.logger.child({ adapter: 'slack' });
  const token = env.SLACK_BOT_TOKEN;
  const installations = hasSlackOAuth(env) ? installationsIn(options.store, logger) : undefined;
  if (!token && !installations) throw new ConfigError('SLACK_BOT_TOKEN', 'is required for the Slack adapter (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for many workspaces)');
  const clientOptions: SlackClientOptions = { ...(env.SLACK_API_URL ? { slackApiUrl: withTrailingSlash(env.SLACK_API_URL) } : {}), ...options.clientOptions };
  const transport: SlackTransport = env.SLACK_APP_TOKEN
    ? { mode: 'socket', appToken: env.SLACK_APP_TOKEN, ...(options.socketPingTimeoutMs ? { pingTimeoutMs: options.socketPingTimeoutMs } : {}) }
    : { mode: 'http', signingSecret: requireSecret(env), ...(installations ? { oauth: oauthOf(env, installations) } : {}) };
  const status = trackAdapterStatus('slack', runner.events);
  const boundary = createErrorBoundary('slack', logger, runner.events);
  const owners = createConversationOwners(options.store);
  // Signs the conversation key on hand-back buttons with a secret every instance shares.
  const handBackSigner = createValueSigner(env.SLACK_SIGNING_SECRET ?? token ?? env.SLACK_CLIENT_SECRET ?? '', 'slack hand-back');
  let identity: SlackIdentity | undefined;
  let port: number | undefined;
  let app: App | undefined;
  let receiver: ReturnType<typeof createReceiver> | undefined;
  let stopping: Promise<void> | undefined;
  let detachDesk: (() => void) | undefined;
  const live = options.live;
  const openLive = live ? { openLive: (summary: HandoffSummary) => live.open(summary) } : {};

  async function listen(started: App): Promise<void> {
    if (transport.mode === 'http') {
      const host = options.host ?? env.HOST;
      const wanted = options.port ?? env.PORT;
      let server: Server;
      try {
        server = (await started.start({ port: wanted, ...(host ? { host } : {}) })) as Server;
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'EADDRINUSE' || code === 'EACCES') throw new ConfigError('PORT', `cannot listen on ${host ?? ''}:${wanted} (${code}); pick another port`);
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new ConfigError('HOST', `cannot listen on ${host ?? ''} (${code})`);
        throw new SlackStartError(`could not start the HTTP server: ${errorText(error)}`, { cause: error });
      }
      port = (server.address() as AddressInfo).port;
      const paths = ['/slack/events', ...(installations ? ['/slack/install', '/slack/oauth_redirect'] : []), ...(options.routes?.keys() ?? ['/healthz'])];
      logger.info({ port, host: host ?? 'all interfaces', paths, bot: identity?.botUserId, team: identity?.teamId, workspaces: installations ? 'installed through OAuth' : 'one' }, 'slack adapter listening (HTTP mode)');
      return;
    }
    const socket = receiver instanceof SocketModeReceiver ? receiver.client : undefined;
    try {
      await started.start();
    } catch (error) {
      await socket?.disconnect().catch(() => undefined);
      const code = slackErrorCode(error);
      if (code === 'invalid_auth' || code === 'not_authed' || code === 'not_allowed_token_type') {
        throw new ConfigError('SLACK_APP_TOKEN', `Slack rejected the app-level token (${code}); it must be an xapp- token with the connections:write scope, and Socket Mode must be on`);
      }
      throw new SlackStartError(`could not connect in Socket Mode (${errorText(error)}); check the network, any proxy, and SLACK_API_URL if you set it`, { cause: error });
    }
    socket?.on('reconnecting', () => status.set('reconnecting'));
    socket?.on('connected', () => status.set('ready'));
    logger.info({ bot: identity?.botUserId, team: identity?.teamId }, 'slack adapter connected (Socket Mode)');
  }

  /** One workspace (SLACK_BOT_TOKEN: who the bot is, and its handoff channel checked) or every installed one. */
  async function workspacesFor(started: App): Promise<SlackWorkspaces> {
    if (!token) return installedWorkspaces({ installations: installations!, logger, handBackSigner, clientOptions, ...openLive });
    const handoffChannel = env.SLACK_HANDOFF_CHANNEL;
    if (handoffChannel) await checkHandoffChannel(startClient(token, clientOptions, logger), handoffChannel, logger);
    return singleWorkspace({ client: started.client, identity: identity!, logger, handBackSigner, ...(handoffChannel ? { handoffChannel } : {}), ...openLive });
  }

  return {
    name: 'slack',
    mode: transport.mode,
    multiWorkspace: installations !== undefined,
    get port() {
      return port;
    },
    get identity() {
      return identity;
    },
    status: () => status.get(),
    catch: (handler) => boundary.catch(handler),
    idle: () => boundary.idle(),
    async start() {
      status.set('starting');
      try {
        if (token) identity = await whoAmI(token, clientOptions, logger);
        receiver = createReceiver(transport, logger, clientOptions, options.routes);
        const boltLogger = createBoltLogger(logger);
        const single = token && identity ? { token, botUserId: identity.botUserId, ...(identity.botId ? { botId: identity.botId } : {}) } : {};
        app = new App({ ...single, receiver, logger: boltLogger, clientOptions });
        const ctx: SlackListenerContext = {
          app,
          runner,
          workspaces: await workspacesFor(app),
          boundary,
          threads: options.store ? storeThreadMemory(options.store) : memoryThreadMemory(),
          owners,
          handBackSigner,
          logger,
          slashCommand: env.SLACK_SLASH_COMMAND,
          now: options.now ?? Date.now,
          ...(live ? { live } : {}),
        };
        listenToMessages(ctx);
        listenToMentions(ctx);
        listenToButtons(ctx);
        listenToSlashCommand(ctx);
        if (installations) listenToUninstalls(ctx, installations);
        if (live) {
          listenToNoteForms(ctx);
          detachDesk = live.attach(createSlackStaffDesk(ctx.workspaces, logger));
        }
        app.error(async (error) => boundary.report('bolt', error));
        await listen(app);
      } catch (error) {
        status.set('failed', error instanceof Error ? error.message : String(error));
        throw error;
      }
      status.set('ready');
    },
    stop() {
      stopping ??= (async () => {
        detachDesk?.();
        try {
          // Socket Mode: app.stop() does not wait for the WebSocket to close; disconnect() does.
          if (receiver instanceof SocketModeReceiver) await receiver.client.disconnect();
          else await app?.stop();
        } catch (error) {
          logger.warn({ err: errorText(error) }, 'slack adapter stop');
        }
        await withTimeout(boundary.idle(), STOP_DRAIN_MS);
        status.set('stopped');
        logger.info('slack adapter stopped');
      })();
      return stopping;
    },
  };
}

/** Creates and starts the adapter; rejects with ConfigError or SlackStartError when it cannot. */
export async function startSlackAdapter(options: SlackAdapterOptions): Promise<SlackAdapter & { identity: SlackIdentity }> {
  const adapter = createSlackAdapter(options);
  await adapter.start();
  return adapter as SlackAdapter & { identity: SlackIdentity };
}

function installationsIn(store: SlackAdapterOptions['store'], logger: Logger): SlackInstallations {
  const records = store?.records?.(INSTALLATIONS_NAMESPACE);
  if (!records) throw new ConfigError('SLACK_CLIENT_ID', 'many workspaces need a store that keeps their installations (the lowdb files in DATA_DIR, or REDIS_URL)');
  return createSlackInstallations(records, logger);
}

function oauthOf(env: Env, installationStore: SlackInstallations): SlackOAuth {
  return {
    clientId: env.SLACK_CLIENT_ID ?? '',
    clientSecret: env.SLACK_CLIENT_SECRET ?? '',
    stateSecret: env.SLACK_STATE_SECRET ?? '',
    scopes: SLACK_BOT_SCOPES,
    installationStore,
    // Slack's authorize page sits beside its Web API: https://slack.com/api/ → https://slack.com/oauth/v2/authorize.
    authorizationUrl: new URL('../oauth/v2/authorize', withTrailingSlash(env.SLACK_API_URL ?? 'https://slack.com/api/')).toString(),
  };
}

function requireSecret(env: Env): string {
  if (!env.SLACK_SIGNING_SECRET) throw new ConfigError('SLACK_SIGNING_SECRET', 'is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)');
  return env.SLACK_SIGNING_SECRET;
}

function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

async function withTimeout(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}
