import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../core/errors.js';
import { sendJson, type HttpRoutes } from '../core/http-routes.js';
import type { Logger } from '../core/logger.js';

export interface HttpListener {
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The bot's own small HTTP server for health, readiness, metrics and whatever other routes the
 * composition root adds (e.g. insights), used whenever Slack's HTTP server does not carry them
 * (Socket Mode, Discord only, or HEALTH_PORT set). Exact paths; anything else is 404.
 */
export async function startHttpListener(options: { routes: HttpRoutes; port: number; host?: string; logger: Logger; variable?: string }): Promise<HttpListener> {
  const { routes, logger } = options;
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const handler = routes.get(path);
    if (!handler) return sendJson(res, 404, { error: 'not found' });
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((error: unknown) => {
        logger.error({ path, err: error instanceof Error ? error.message : String(error) }, 'HTTP route failed');
        if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
        else res.end();
      });
  });
  // A probe's connection must never keep a stopping process alive.
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const variable = options.variable ?? 'HEALTH_PORT';
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') reject(new ConfigError(variable, `cannot listen on ${options.host ?? ''}:${options.port} (${error.code}); pick another port`));
      else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') reject(new ConfigError('HOST', `cannot listen on ${options.host ?? ''} (${error.code})`));
      else reject(error);
    });
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port, host: options.host ?? 'all interfaces', paths: [...routes.keys()] }, 'health and metrics listening');
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
