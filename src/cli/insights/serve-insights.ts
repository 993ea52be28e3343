/**
 * The report at /insights in `serve`, only when INSIGHTS_TOKEN is set. It is mounted on the HTTP
 * server serve already runs (Slack's, in HTTP mode); with no such server it gets a small one of its
 * own on PORT. Without INSIGHTS_TOKEN there is no route at all: /insights is 404.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Env } from '../../config/env.js';
import type { IntentClassifier } from '../../core/ports.js';
import type { Logger } from '../../core/logger.js';
import { createInsightsHandler, INSIGHTS_PATH } from '../../insights/http-handler.js';
import { renderReportHtml } from '../../insights/render-html.js';
import { openInsightsStore } from '../../store/insights/open-insights.js';
import type { StoreSpec } from '../../store/open-store.js';
import { parseSince, reportFrom } from './report-context.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void;
export interface InsightsRoute {
  path: string;
  method: string[];
  handler: RouteHandler;
}

export function insightsRoute(env: Env, spec: StoreSpec, nlu: IntentClassifier, logger: Logger): InsightsRoute | undefined {
  const token = env.INSIGHTS_TOKEN;
  if (!token) return undefined;
  const handler = createInsightsHandler({
    token,
    logger,
    async buildPage(since) {
      const store = await openInsightsStore(spec, { logger });
      try {
        const now = Date.now();
        const data = await reportFrom({ store, since: parseSince(since, now), now, idleMs: env.IDLE_TIMEOUT_MINUTES * 60_000, nlu });
        return renderReportHtml({ ...data, misunderstood: data.misunderstood.map(({ texts: _texts, ...group }) => group) });
      } finally {
        await store.close();
      }
    },
  });
  return { path: INSIGHTS_PATH, method: ['GET', 'HEAD'], handler };
}

/** A server for /insights alone, for when serve runs no HTTP server of its own (Socket Mode, Discord). */
export async function listenForInsights(route: InsightsRoute, port: number, host: string | undefined): Promise<Server> {
  const server = createServer((req, res) => route.handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
