import os from 'node:os';
import type { Command } from 'commander';
import { parseEnv } from '../../config/env.js';
import { createSupportbot, type Supportbot } from '../../index.js';
import { protocolLines, tooLongMessage } from '../json-lines.js';
import { parseJsonLine, toIncomingMessage, toJsonOutput } from '../json-protocol.js';
import { STORE_OPTION_HELP, storeSpecFrom } from '../store-option.js';
import { insightsOption } from '../insights/insights-option.js';
import { createConversationRunner } from '../../core/conversation-runner.js';
import { createTerminalAdapter } from '../terminal-adapter.js';

export interface ChatOptions {
  json?: boolean;
  store?: string;
  user?: string;
  record?: string;
}

export function registerChat(program: Command): void {
  program
    .command('chat')
    .description('talk to the bot in the terminal; --json for the line protocol used by other tools')
    .option('--json', 'machine protocol: one JSON object per line on stdin and stdout')
    .option('--store <memory|PATH>', STORE_OPTION_HELP)
    .option('--user <name>', 'your user id in the terminal chat')
    .option('--record <dir>', 'write a redacted transcript of each conversation to this folder (replay it with `supportbot replay`)')
    .action(async (options: ChatOptions) => {
      await runChat(options);
    });
}

export async function runChat(options: ChatOptions): Promise<void> {
  const env = parseEnv();
  const spec = storeSpecFrom(options.store, env);
  const bot = await createSupportbot({
    store: spec,
    ...insightsOption(env, spec),
    logLevel: options.json ? env.LOG_LEVEL : 'warn',
    // The terminal chat is a person: limited as in serve. --json is a machine protocol: only when the variable is set.
    ...(!options.json || process.env.RATE_LIMIT_PER_MINUTE !== undefined ? { rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE } : {}),
    ...(options.record ?? env.RECORD_DIR ? { recordDir: options.record ?? env.RECORD_DIR ?? '' } : {}),
  });
  try {
    if (options.json) await runJsonProtocol(bot);
    else await runTerminalChat(bot, options.user ?? safeUsername(), options.store !== 'memory');
  } finally {
    await bot.close();
  }
}

function safeUsername(): string {
  try {
    return os.userInfo().username || 'you';
  } catch {
    return 'you';
  }
}

/** One output line per input line (split on "\n" only), in order, whatever the input. */
export async function runJsonProtocol(
  bot: Supportbot,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  // A machine protocol: each turn's line is the answer; the turn itself is logged at debug only.
  const runner = createConversationRunner({ pipeline: bot, logger: bot.parts.logger, turnLogLevel: 'debug' });
  const write = (value: unknown) => new Promise<void>((resolve) => output.write(`${JSON.stringify(value)}\n`, () => resolve()));
  for await (const line of protocolLines(input as AsyncIterable<Buffer | string>)) {
    if ('tooLong' in line) {
      await write({ error: tooLongMessage(line.tooLong) });
      continue;
    }
    const parsed = parseJsonLine(line.text);
    if (!parsed.ok) {
      await write({ error: parsed.error });
      continue;
    }
    const outcome = await runner.run(toIncomingMessage(parsed.input, Date.now()), {
      deliver: async (_replies, result) => {
        if (result) await write(toJsonOutput(result));
      },
    });
    if (outcome.status === 'duplicate') await write(toJsonOutput(outcome.result));
    else if (outcome.status === 'failed' && !outcome.result) await write({ error: outcome.error instanceof Error ? outcome.error.message : String(outcome.error) });
  }
}

async function runTerminalChat(bot: Supportbot, user: string, persistent: boolean): Promise<void> {
  const runner = createConversationRunner({ pipeline: bot, logger: bot.parts.logger });
  const terminal = createTerminalAdapter({ runner, user, persistent });
  await terminal.start();
  await terminal.finished;
  await terminal.stop();
}
