import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { hasDiscord, hasSlack, parseEnv, type Env } from '../../config/env.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('start the Slack and/or Discord adapters from the environment')
    .action(async () => {
      await runServe(parseEnv());
    });
}

// PLACEHOLDER: issues 7 and 8 start the adapters here.
export async function runServe(env: Env): Promise<void> {
  if (!hasSlack(env) && !hasDiscord(env)) {
    throw new InputError('nothing to serve: set SLACK_BOT_TOKEN (Slack) or DISCORD_TOKEN (Discord); see .env.example');
  }
  throw new InputError('the Slack and Discord adapters are not built yet');
}
