/**
 * What `serve` runs beside the adapters: metrics, readiness, and the HTTP routes that expose them
 * (with any extra routes the caller adds), plus the store opened, timed and checked at start.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { slackOverHttp, type Env } from '../config/env.js';
import { StartupError } from '../core/errors.js';
import type { HttpHandler, HttpRoutes } from '../core/http-routes.js';
import type { Logger } from '../core/logger.js';
import type { ConversationStore } from '../core/ports.js';
import { startHttpListener, type HttpListener } from '../ops/http-listener.js';
import { instrumentStore } from '../ops/instrument-store.js';
import { createBotMetrics, type BotMetrics } from '../ops/metrics.js';
import { joinRoutes, opsRoutes } from '../ops/ops-routes.js';
import { createReadiness, storeCheck, type Readiness } from '../ops/readiness.js';
import { openStore } from '../store/open-store.js';
import { redactRedisUrl, type RedisStore } from '../store/redis-store.js';
import { storeSpecFrom } from './store-option.js';

export interface ServeOps {
  metrics: BotMetrics;
  readiness: Readiness;
  /** Every route of the bot's HTTP listener: /healthz, /readyz, /metrics and the caller's. */
  routes: Map<string, HttpHandler>;
  /** Where the routes are served: Slack's HTTP server, or a listener of their own. */
  onSlackServer: boolean;
}

export function createServeOps(env: Env, parts: readonly string[], extraRoutes?: HttpRoutes): ServeOps {
  const metrics = createBotMetrics();
  const readiness = createReadiness();
  for (const part of ['model', 'store', ...parts]) readiness.expect(part);
  const routes = joinRoutes(opsRoutes({ readiness, metrics }), extraRoutes ?? new Map());
  return { metrics, readiness, routes, onSlackServer: slackOverHttp(env) && env.HEALTH_PORT === undefined };
}

/** The routes' own listener, unless Slack's HTTP server carries them: HEALTH_PORT, else PORT. */
export async function startOpsListener(env: Env, ops: ServeOps, logger: Logger): Promise<HttpListener | undefined> {
  if (ops.onSlackServer) return undefined;
  const variable = env.HEALTH_PORT === undefined ? 'PORT' : 'HEALTH_PORT';
  return startHttpListener({ routes: ops.routes, port: env.HEALTH_PORT ?? env.PORT, ...(env.HOST ? { host: env.HOST } : {}), logger, variable });
}

/** How long `serve` keeps trying to reach Redis at start before it says so and stops. */
const REDIS_START_WAIT_MS = 5000;

/**
 * The store from the environment, its calls timed for /metrics and its health on /readyz. A Redis
 * that cannot be reached at start stops the start with one line (exit code 2): a bot that cannot
 * keep a conversation should not report itself started.
 */
export async function openServeStore(env: Env, ops: ServeOps, logger: Logger): Promise<ConversationStore> {
  const spec = storeSpecFrom(undefined, env);
  const store = instrumentStore(await openStore(spec, { logger }), (operation, outcome, seconds) => ops.metrics.storeCall(operation, outcome, seconds));
  if (spec.kind === 'redis') {
    const deadline = Date.now() + REDIS_START_WAIT_MS;
    for (;;) {
      try {
        await store.ping?.();
        break;
      } catch (error) {
        if (Date.now() >= deadline) {
          await store.close();
          const problem = (store as Partial<RedisStore>).connectionProblem?.();
          const reason = problem ?? (error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error));
          throw new StartupError('Redis', `could not reach ${redactRedisUrl(spec.url)} (${reason}): check REDIS_URL, that Redis is running, and that this host can reach it`, { cause: error });
        }
        await sleep(250);
      }
    }
  }
  ops.readiness.set('store', storeCheck(store));
  return store;
}
