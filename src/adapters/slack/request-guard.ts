import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPModuleFunctions, isValidSlackRequest, type HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../core/logger.js';
import { errorText } from './errors.js';

/** Slack's rule: a request more than 5 minutes away from our clock, either way, is refused. */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export interface RequestGuardOptions {
  signingSecret: string;
  logger: Logger;
  now?: () => number;
  /** Bolt's event endpoints (default /slack/events). */
  paths?: readonly string[];
}

/**
 * In front of Bolt's HTTP receiver, for POST /slack/events, two checks Bolt 5 does not make:
 * - a request timestamped more than 5 minutes in the future is refused with 401 (Bolt refuses
 *   only old ones, so a captured request signed ahead of time could be replayed later);
 * - a correctly signed body that is not an object (`null`, `[]`, `3`) gets 400: Bolt reads
 *   `body.ssl_check` outside any try/catch, and a signed `null` crashed the process.
 * The body is read once and left on the request (`rawBody`), where Bolt picks it up; everything
 * else (the signature check, old timestamps, malformed JSON) stays Bolt's.
 */
export function guardSlackRequests(receiver: HTTPReceiver, options: RequestGuardOptions): void {
  const { logger } = options;
  const now = options.now ?? Date.now;
  const paths = options.paths ?? ['/slack/events'];
  const bolt = receiver.requestListener;

  async function admit(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    let raw: string;
    try {
      raw = (await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit)).rawBody.toString();
    } catch (error) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
      logger.warn({ err: errorText(error) }, tooLarge ? 'Slack request body too large' : 'could not read a Slack request body');
      HTTPModuleFunctions.buildNoBodyResponse(res, tooLarge ? 413 : 400);
      return false;
    }
    const signature = req.headers['x-slack-signature'];
    const stamp = req.headers['x-slack-request-timestamp'];
    // Without these headers Bolt refuses the request itself (or it is Slack's unsigned ssl_check).
    if (typeof signature !== 'string' || typeof stamp !== 'string') return true;
    const timestamp = Number(stamp);
    if (!Number.isFinite(timestamp) || Math.abs(now() / 1000 - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
      logger.warn({ timestamp: stamp }, 'Slack request refused: its timestamp is more than 5 minutes from this clock');
      HTTPModuleFunctions.buildNoBodyResponse(res, 401);
      return false;
    }
    const headers = { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp };
    if (!isValidSlackRequest({ signingSecret: options.signingSecret, body: raw, headers, nowMilliseconds: now() })) return true; // Bolt answers 401
    let body: unknown;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(req as Parameters<typeof HTTPModuleFunctions.parseHTTPRequestBody>[0]);
    } catch {
      return true; // Bolt answers 400 "Malformed request body"
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      logger.warn({ bodyType: body === null ? 'null' : Array.isArray(body) ? 'array' : typeof body }, 'signed Slack request whose body is not an object refused');
      HTTPModuleFunctions.buildNoBodyResponse(res, 400);
      return false;
    }
    return true;
  }

  receiver.requestListener = (req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (req.method !== 'POST' || !paths.includes(path)) {
      bolt(req, res);
      return;
    }
    void (async () => {
      try {
        if (await admit(req, res)) bolt(req, res);
      } catch (error) {
        logger.error({ err: errorText(error) }, 'Slack request guard failed');
        if (!res.headersSent) HTTPModuleFunctions.buildNoBodyResponse(res, 500);
      }
    })();
  };
}
