import type { Command } from 'commander';
import type { Adapter } from '../../core/adapter.js';
import { createConversationRunner } from '../../core/conversation-runner.js';
import { InputError } from '../../core/errors.js';
import { hasDiscord, hasSlack, parseEnv, type Env } from '../../config/env.js';
import { createSupportbot, createSupportbotLogger } from '../../index.js';
import { storeSpecFrom } from '../store-option.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the Slack and/or Discord adapters from the environment')
    .action(async () => {
      await runServe(parseEnv());
    });
}

/** Starts every configured adapter and runs until SIGTERM or SIGINT, then stops cleanly. */
export async function runServe(env: Env): Promise<void> {
  if (!hasSlack(env) && !hasDiscord(env)) {
    throw new InputError('nothing to serve: set SLACK_BOT_TOKEN (Slack) or DISCORD_TOKEN (Discord); see .env.example');
  }
  const logger = createSupportbotLogger(env.LOG_LEVEL);
  // The bot goes quiet after a handoff only where staff will see the summary.
  const staffPlatforms = [...(env.SLACK_HANDOFF_CHANNEL ? ['slack' as const] : []), ...(env.DISCORD_HANDOFF_CHANNEL ? ['discord' as const] : [])];
  const bot = await createSupportbot({
    store: storeSpecFrom(undefined, env),
    logger,
    dialogue: { idleMs: env.IDLE_TIMEOUT_MINUTES * 60_000 },
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    staffPlatforms,
    ...(env.RECORD_DIR ? { recordDir: env.RECORD_DIR } : {}),
  });
  const runner = createConversationRunner({ pipeline: bot, logger });
  const adapters: Adapter[] = [];
  try {
    // Imported here, not at the top: Bolt and discord.js cost about 0.5 s each to load, and the
    // other commands (chat --json above all) must start fast.
    if (hasSlack(env)) {
      const { createSlackAdapter } = await import('../../adapters/slack/index.js');
      adapters.push(createSlackAdapter({ runner, env, logger, store: bot.parts.store }));
    }
    if (hasDiscord(env)) {
      const { discordAdapterFromEnv } = await import('../../adapters/discord/index.js');
      adapters.push(discordAdapterFromEnv({ runner, env, logger }));
    }
    for (const adapter of adapters) await adapter.start();
  } catch (error) {
    await Promise.allSettled(adapters.map((a) => a.stop()));
    await bot.close();
    throw error;
  }
  logger.info({ slack: hasSlack(env), discord: hasDiscord(env) }, 'supportbot is serving');
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  logger.info('shutting down');
  await Promise.allSettled(adapters.map((a) => a.stop()));
  await runner.idle();
  await bot.close();
}
