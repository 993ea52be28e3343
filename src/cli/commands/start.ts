import type { Command } from 'commander';
import { hasDiscord, hasSlack, parseEnv } from '../../config/env.js';
import { runChat } from './chat.js';
import { runServe } from './serve.js';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('what `npm start` runs: serve when Slack or Discord credentials are set, otherwise the terminal chat')
    .action(async () => {
      const env = parseEnv();
      if (hasSlack(env) || hasDiscord(env)) await runServe(env);
      else await runChat({});
    });
}
