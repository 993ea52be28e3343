import type { Command } from 'commander';
import type { Adapter } from '../../core/adapter.js';
import { createConversationRunner, type ConversationRunner } from '../../core/conversation-runner.js';
import { createLiveAgent, type LiveAgent } from '../../core/live-agent/live-agent.js';
import { InputError } from '../../core/errors.js';
import type { HttpRoutes } from '../../core/http-routes.js';
import { hasDiscord, hasSlack, parseEnv, type Env } from '../../config/env.js';
import { adapterCheck } from '../../ops/readiness.js';
import { createSupportbot, createSupportbotLogger, type Supportbot } from '../../index.js';
import { joinRoutes } from '../../ops/ops-routes.js';
import { storeSpecFrom } from '../store-option.js';
import { insightsStoreOption } from '../insights/insights-option.js';
import { insightsRoutes } from '../insights/serve-insights.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the Slack and/or Discord adapters from the environment, with /healthz, /readyz and /metrics')
    .action(async () => {
      await runServe(parseEnv());
    });
}

export interface ServeOptions {
  /** More routes on the bot's HTTP listener (e.g. an insights report), by exact path. */
  routes?: HttpRoutes;
}

/** Starts every configured adapter and runs until SIGTERM or SIGINT, then stops cleanly. */
export async function runServe(env: Env, options: ServeOptions = {}): Promise<void> {
  if (!hasSlack(env) && !hasDiscord(env)) {
    throw new InputError('nothing to serve: set SLACK_BOT_TOKEN or SLACK_CLIENT_ID (Slack), or DISCORD_TOKEN (Discord); see .env.example');
  }
  const logger = createSupportbotLogger(env.LOG_LEVEL);
  const parts = [...(hasSlack(env) ? ['slack'] : []), ...(hasDiscord(env) ? ['discord'] : [])];
  const spec = storeSpecFrom(undefined, env);
  let bot: Supportbot | undefined;
  // The report at /insights (only with INSIGHTS_TOKEN), on the same listener as /healthz.
  const insights = insightsRoutes(env, spec, () => bot?.parts.nlu, logger);
  // Loaded here, not at the top: the metrics client and the Redis client cost every other command
  // (a `chat --json` cold start) about 0.1 s to load.
  const { createServeOps, openServeStore, startOpsListener } = await import('../serve-ops.js');
  const ops = createServeOps(env, parts, joinRoutes(insights, options.routes ?? new Map()));
  // Up first, so an orchestrator sees the process live (and not yet ready) while the model loads.
  const listener = await startOpsListener(env, ops, logger);
  // The bot goes quiet after a handoff only where staff will see the summary (with OAuth, each
  // workspace picks its channel when it installs the app).
  const staffPlatforms = [...(env.SLACK_HANDOFF_CHANNEL || env.SLACK_CLIENT_ID ? ['slack' as const] : []), ...(env.DISCORD_HANDOFF_CHANNEL ? ['discord' as const] : [])];
  const adapters: Adapter[] = [];
  let runner: ConversationRunner;
  let live: LiveAgent | undefined;
  try {
    const store = await openServeStore(env, ops, logger);
    bot = await createSupportbot({
      store,
      ...(await insightsStoreOption(env, spec, logger)),
      logger,
      dialogue: { idleMs: env.IDLE_TIMEOUT_MINUTES * 60_000, ...(env.SUPPORT_HOURS ? { supportHours: env.SUPPORT_HOURS } : {}) },
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
      staffPlatforms,
      ...(env.RECORD_DIR ? { recordDir: env.RECORD_DIR } : {}),
    });
    ops.readiness.set('model', () => ({ ok: true }));
    runner = createConversationRunner({ pipeline: bot, logger });
    ops.metrics.observe(runner.events);
    // Staff answer from a thread on the summary, wherever summaries reach staff (docs/live-agent.md).
    const recorder = bot.recorder;
    if (env.LIVE_AGENT && staffPlatforms.length > 0) {
      live = createLiveAgent({ runner, store, privacy: bot.parts.privacy, logger, claimTimeoutMs: env.HANDOFF_CLAIM_TIMEOUT, ...(recorder ? { onRecord: (r) => recorder.onLive(r) } : {}) });
    }
    const liveOption = live ? { live } : {};
    // Imported here, not at the top: Bolt and discord.js cost about 0.5 s each to load, and the
    // other commands (chat --json above all) must start fast.
    if (hasSlack(env)) {
      const { createSlackAdapter } = await import('../../adapters/slack/index.js');
      adapters.push(createSlackAdapter({ runner, env, logger, store, ...liveOption, ...(ops.onSlackServer ? { routes: ops.routes } : {}) }));
    }
    if (hasDiscord(env)) {
      const { discordAdapterFromEnv } = await import('../../adapters/discord/index.js');
      adapters.push(discordAdapterFromEnv({ runner, env, logger, store, ...liveOption }));
    }
    for (const adapter of adapters) ops.readiness.set(adapter.name, adapterCheck(adapter));
    for (const adapter of adapters) await adapter.start();
    live?.start();
  } catch (error) {
    await live?.stop();
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await bot?.close();
    await listener?.close();
    throw error;
  }
  logger.info({ slack: hasSlack(env), discord: hasDiscord(env), liveAgent: live !== undefined, health: listener ? listener.port : 'on the Slack port', insights: insights.size > 0 ? '/insights' : 'off' }, 'supportbot is serving');
  await stopSignal();
  logger.info('shutting down');
  // Relays still waiting go out while the adapters can still post them.
  await live?.stop();
  await Promise.allSettled(adapters.map((a) => a.stop()));
  await runner.idle();
  await bot.close();
  await listener?.close();
}

/**
 * Resolves on the first SIGTERM or SIGINT. The process handles both itself, so it stops cleanly as
 * PID 1 in a container; a second signal while stopping ends it at once.
 */
function stopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      resolve();
      const force = () => process.exit(130);
      process.once('SIGTERM', force);
      process.once('SIGINT', force);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
}
