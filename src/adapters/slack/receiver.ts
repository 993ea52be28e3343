import type { ServerResponse } from 'node:http';
import { HTTPReceiver, SocketModeReceiver, type CustomRoute, type InstallationStore } from '@slack/bolt';
import type { HttpRoutes } from '../../core/http-routes.js';
import type { Logger } from '../../core/logger.js';
import { createBoltLogger } from './bolt-logger.js';
import { errorText } from './errors.js';
import type { SlackClientOptions } from './identity.js';
import { installPages } from './install-pages.js';
import { guardSlackRequests } from './request-guard.js';

/** Many workspaces: Bolt's OAuth install flow on the HTTP server. */
export interface SlackOAuth {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  scopes: readonly string[];
  installationStore: InstallationStore;
  /** Slack's authorize page (https://slack.com/oauth/v2/authorize, or a fake's in tests). */
  authorizationUrl: string;
}

export type SlackTransport =
  | { mode: 'http'; signingSecret: string; oauth?: SlackOAuth }
  | { mode: 'socket'; appToken: string; pingTimeoutMs?: number };

/**
 * How Slack reaches the bot: HTTP (Events API and interactivity on POST /slack/events, verified
 * with the signing secret and guarded against future timestamps and non-object bodies, plus
 * `routes` such as /healthz, and with OAuth /slack/install and /slack/oauth_redirect) or Socket
 * Mode (a WebSocket the bot opens).
 */
export function createReceiver(transport: SlackTransport, logger: Logger, clientOptions: SlackClientOptions, routes?: HttpRoutes): HTTPReceiver | SocketModeReceiver {
  const boltLogger = createBoltLogger(logger);
  if (transport.mode === 'http') {
    const { oauth } = transport;
    const receiver = new HTTPReceiver({
      signingSecret: transport.signingSecret,
      logger: boltLogger,
      // Ack first, then work: Slack gets its 200 at once (its limit is 3 s), the turn runs after.
      processBeforeResponse: false,
      customRoutes: customRoutesOf(routes, logger),
      ...(oauth
        ? {
            clientId: oauth.clientId,
            clientSecret: oauth.clientSecret,
            stateSecret: oauth.stateSecret,
            scopes: [...oauth.scopes],
            installationStore: oauth.installationStore,
            installerOptions: {
              // /slack/install goes straight to Slack's consent screen, which asks where summaries go.
              directInstall: true,
              authorizationUrl: oauth.authorizationUrl,
              clientOptions,
              callbackOptions: installPages(logger),
            },
          }
        : {}),
    });
    guardSlackRequests(receiver, { signingSecret: transport.signingSecret, logger });
    return receiver;
  }
  return new SocketModeReceiver({
    appToken: transport.appToken,
    logger: boltLogger,
    installerOptions: { clientOptions },
    // Our listeners never throw, so an error here is Bolt failing to read the payload: it would
    // fail the same way on every redelivery, so acknowledge it (no retries) and log it.
    processEventErrorHandler: async ({ error }) => {
      logger.warn({ err: errorText(error) }, 'Slack envelope Bolt could not process; acknowledged and dropped');
      return true;
    },
    ...(transport.pingTimeoutMs ? { clientPingTimeout: transport.pingTimeoutMs } : {}),
  });
}

/** Our routes as Bolt's custom routes; without any, GET /healthz still answers for load balancers. */
function customRoutesOf(routes: HttpRoutes | undefined, logger: Logger): CustomRoute[] {
  const all = new Map(routes ?? []);
  if (!all.has('/healthz')) {
    all.set('/healthz', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"ok":true}');
    });
  }
  return [...all].map(([path, handler]) => ({
    path,
    method: ['GET', 'HEAD', 'POST'],
    handler: (req, res: ServerResponse) => {
      Promise.resolve()
        .then(() => handler(req, res))
        .catch((error: unknown) => {
          logger.error({ path, err: errorText(error) }, 'HTTP route failed');
          if (!res.headersSent) res.writeHead(500).end();
          else res.end();
        });
    },
  }));
}
