/**
 * Extra HTTP routes the composition root hangs on the bot's one HTTP listener (health, metrics,
 * insights…): on the ops listener, or on Slack's HTTP server when Slack runs in HTTP mode. Keyed by
 * exact path; a handler answers every method it is sent and says 405 itself where it must.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export type HttpHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;
export type HttpRoutes = ReadonlyMap<string, HttpHandler>;

/** Writes a JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}
