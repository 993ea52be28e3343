import type { Env } from '../../config/env.js';
import type { Logger } from '../../core/logger.js';
import type { TurnPipeline } from '../../core/turn-pipeline.js';

export interface DiscordAdapterOptions {
  bot: TurnPipeline;
  env: Env;
  logger: Logger;
}

export interface RunningAdapter {
  stop(): Promise<void>;
}

// PLACEHOLDER: the Discord adapter (its issue fills this in).
export async function startDiscordAdapter(_options: DiscordAdapterOptions): Promise<RunningAdapter> {
  throw new Error('the Discord adapter is not built yet');
}
