import type { HttpRoutes } from '../core/http-routes.js';
import { sendJson, type HttpHandler } from '../core/http-routes.js';
import type { BotMetrics } from './metrics.js';
import type { Readiness } from './readiness.js';

/** GET or HEAD only: a probe or a scraper never posts. */
function readOnly(handler: HttpHandler): HttpHandler {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    return handler(req, res);
  };
}

/**
 * /healthz: the process is up and serving HTTP (liveness). /readyz: every part is ready (200) or
 * not yet (503), with each part's state. /metrics: Prometheus's text format.
 */
export function opsRoutes(options: { readiness: Readiness; metrics?: BotMetrics; startedAt?: number }): Map<string, HttpHandler> {
  const startedAt = options.startedAt ?? Date.now();
  const routes = new Map<string, HttpHandler>([
    ['/healthz', readOnly((_req, res) => sendJson(res, 200, { ok: true, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000) }))],
    [
      '/readyz',
      readOnly(async (_req, res) => {
        const report = await options.readiness.report();
        sendJson(res, report.ready ? 200 : 503, report);
      }),
    ],
  ]);
  const { metrics } = options;
  if (metrics) {
    routes.set(
      '/metrics',
      readOnly(async (_req, res) => {
        const { contentType, body } = await metrics.render();
        res.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
        res.end(body);
      }),
    );
  }
  return routes;
}

/** Joins route maps; a path given twice is a wiring mistake, said at start. */
export function joinRoutes(...maps: HttpRoutes[]): Map<string, HttpHandler> {
  const out = new Map<string, HttpHandler>();
  for (const map of maps) {
    for (const [path, handler] of map) {
      if (out.has(path)) throw new Error(`HTTP route ${path} is registered twice`);
      out.set(path, handler);
    }
  }
  return out;
}
