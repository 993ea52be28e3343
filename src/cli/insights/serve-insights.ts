/**
 * The report at /insights in `serve`, only when INSIGHTS_TOKEN is set: one more route on the bot's
 * one HTTP listener (the ops listener on HEALTH_PORT or PORT, or Slack's HTTP server). Without
 * INSIGHTS_TOKEN there is no route at all: /insights is 404. Insights are read from the same store
 * as the conversations, at each build of the page (one a minute at most).
 */
import type { Env } from '../../config/env.js';
import type { HttpRoutes } from '../../core/http-routes.js';
import type { Logger } from '../../core/logger.js';
import type { IntentClassifier } from '../../core/ports.js';
import { createInsightsHandler, INSIGHTS_PATH } from '../../insights/http-handler.js';
import { renderReportHtml } from '../../insights/render-html.js';
import { openInsightsStore } from '../../store/insights/open-insights.js';
import type { StoreSpec } from '../../store/open-store.js';
import { parseSince, reportFrom } from './report-context.js';

/**
 * `nlu`: the bot's classifier once it is loaded (the route exists before: the listener is up first);
 * until then the report loads its own.
 */
export function insightsRoutes(env: Env, spec: StoreSpec, nlu: () => IntentClassifier | undefined, logger: Logger): HttpRoutes {
  const token = env.INSIGHTS_TOKEN;
  if (!token) return new Map();
  const handler = createInsightsHandler({
    token,
    logger,
    async buildPage(since) {
      const store = await openInsightsStore(spec, { logger });
      try {
        const now = Date.now();
        const classifier = nlu();
        const data = await reportFrom({ store, since: parseSince(since, now), now, idleMs: env.IDLE_TIMEOUT_MINUTES * 60_000, ...(classifier ? { nlu: classifier } : {}) });
        return renderReportHtml({ ...data, misunderstood: data.misunderstood.map(({ texts: _texts, ...group }) => group) });
      } finally {
        await store.close();
      }
    },
  });
  return new Map([[INSIGHTS_PATH, handler]]);
}
