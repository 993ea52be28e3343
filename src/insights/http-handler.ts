/**
 * GET /insights: the report page, for requests that carry INSIGHTS_TOKEN as a bearer token
 * (`Authorization: Bearer <token>`) or as the password of basic auth (any user name), so a browser
 * can ask for it. Anything else gets 401 and nothing of the report. A plain `(req, res)` handler:
 * any HTTP server of `serve` can mount it. Building a report reads every stored record, so one
 * page is built at a time and kept for a minute.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { silentLogger, type Logger } from '../core/logger.js';

export const INSIGHTS_PATH = '/insights';

export interface InsightsHandlerOptions {
  token: string;
  /** Builds the page for a period like `7d` (checked by the handler: digits and d, h or m). */
  buildPage(since: string): Promise<string>;
  cacheMs?: number;
  now?: () => number;
  logger?: Logger;
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Bearer token or basic-auth password, compared in constant time. */
export function authorised(header: string | undefined, token: string): boolean {
  if (!header) return false;
  const [scheme, value = ''] = header.trim().split(/\s+/, 2);
  let given: string | undefined;
  if (scheme?.toLowerCase() === 'bearer') given = value;
  else if (scheme?.toLowerCase() === 'basic') {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    given = colon < 0 ? undefined : decoded.slice(colon + 1);
  }
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

export function createInsightsHandler(options: InsightsHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const logger = options.logger ?? silentLogger();
  const now = options.now ?? Date.now;
  const cacheMs = options.cacheMs ?? 60_000;
  const pages = new Map<string, { at: number; html: Promise<string> }>();

  const page = (since: string): Promise<string> => {
    const cached = pages.get(since);
    if (cached && now() - cached.at < cacheMs) return cached.html;
    const html = options.buildPage(since);
    pages.set(since, { at: now(), html });
    html.catch(() => pages.delete(since));
    return html;
  };

  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== INSIGHTS_PATH) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('method not allowed\n');
      return;
    }
    if (!authorised(req.headers.authorization, options.token)) {
      res.writeHead(401, { 'www-authenticate': 'Basic realm="supportbot insights", charset="UTF-8"', 'content-type': 'text/plain', 'cache-control': 'no-store' }).end('unauthorised\n');
      return;
    }
    const since = url.searchParams.get('since') ?? '7d';
    if (!/^\d{1,4}[dhm]$/.test(since)) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('since: a period like 7d, 24h or 90m\n');
      return;
    }
    page(since).then(
      (html) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' });
        res.end(req.method === 'HEAD' ? undefined : html);
      },
      (error: unknown) => {
        logger.error({ err: String(error) }, 'insights: could not build the report');
        res.writeHead(500, { 'content-type': 'text/plain' }).end('the report could not be built; see the log\n');
      },
    );
  };
}
