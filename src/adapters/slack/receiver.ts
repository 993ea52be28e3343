import { HTTPReceiver, SocketModeReceiver } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import { createBoltLogger } from './bolt-logger.js';
import { errorText } from './errors.js';
import type { SlackClientOptions } from './identity.js';

export type SlackTransport = { mode: 'http'; signingSecret: string } | { mode: 'socket'; appToken: string; pingTimeoutMs?: number };

/**
 * How Slack reaches the bot: HTTP (Events API and interactivity on POST /slack/events, verified
 * with the signing secret, plus GET /healthz) or Socket Mode (a WebSocket the bot opens).
 */
export function createReceiver(transport: SlackTransport, logger: Logger, clientOptions: SlackClientOptions): HTTPReceiver | SocketModeReceiver {
  const boltLogger = createBoltLogger(logger);
  if (transport.mode === 'http') {
    return new HTTPReceiver({
      signingSecret: transport.signingSecret,
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
    });
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
