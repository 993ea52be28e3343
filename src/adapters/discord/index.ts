import type { Env } from '../../config/env.js';
import { ConfigError } from '../../core/errors.js';
import type { Logger } from '../../core/logger.js';
import type { TurnPipeline } from '../../core/turn-pipeline.js';
import { createDiscordApp } from './app.js';

export interface DiscordAdapterOptions {
  bot: TurnPipeline;
  env: Env;
  logger: Logger;
}

export interface RunningAdapter {
  stop(): Promise<void>;
}

/** Connects to Discord with DISCORD_TOKEN and answers until stop() (which `serve` calls on SIGTERM). */
export async function startDiscordAdapter(options: DiscordAdapterOptions): Promise<RunningAdapter> {
  const { env } = options;
  if (!env.DISCORD_TOKEN) throw new ConfigError('DISCORD_TOKEN', 'is required for the Discord adapter');
  const app = createDiscordApp({
    bot: options.bot,
    token: env.DISCORD_TOKEN,
    logger: options.logger,
    supportChannels: env.DISCORD_SUPPORT_CHANNELS,
    ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
    ...(env.DISCORD_HANDOFF_CHANNEL ? { handoffChannel: env.DISCORD_HANDOFF_CHANNEL } : {}),
    ...(env.DISCORD_SUPPORT_ROLE ? { supportRole: env.DISCORD_SUPPORT_ROLE } : {}),
  });
  await app.start();
  return { stop: () => app.stop() };
}

export { createDiscordApp, type DiscordApp, type DiscordAppOptions } from './app.js';
export { registerCommands, type RegisterCommandsOptions, type RegisteredCommands } from './register-commands.js';
