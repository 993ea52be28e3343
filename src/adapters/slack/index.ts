import type { Env } from '../../config/env.js';
import type { Logger } from '../../core/logger.js';
import type { TurnPipeline } from '../../core/turn-pipeline.js';

export interface SlackAdapterOptions {
  bot: TurnPipeline;
  env: Env;
  logger: Logger;
}

export interface RunningAdapter {
  stop(): Promise<void>;
}

// PLACEHOLDER: the Slack adapter (its issue fills this in).
export async function startSlackAdapter(_options: SlackAdapterOptions): Promise<RunningAdapter> {
  throw new Error('the Slack adapter is not built yet');
}
