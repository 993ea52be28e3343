import { randomUUID } from 'node:crypto';
import os from 'node:os';
import readline from 'node:readline';
import type { Command } from 'commander';
import { parseEnv } from '../../config/env.js';
import { createSupportbot, type Supportbot } from '../../index.js';
import { protocolLines, tooLongMessage } from '../json-lines.js';
import { parseJsonLine, toIncomingMessage, toJsonOutput } from '../json-protocol.js';
import { STORE_OPTION_HELP, storeSpecFrom } from '../store-option.js';
import { buttonsOf, pickButton, renderTurn } from '../terminal-render.js';
import { createStyle } from '../terminal-style.js';
import type { Button } from '../../core/types.js';

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
  const bot = await createSupportbot({
    store: storeSpecFrom(options.store, env),
    logLevel: options.json ? env.LOG_LEVEL : 'warn',
    // The terminal chat is a person: limited as in serve. --json is a machine protocol: only when the variable is set.
    ...(!options.json || process.env.RATE_LIMIT_PER_MINUTE !== undefined ? { rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE } : {}),
    ...(options.record ?? env.RECORD_DIR ? { recordDir: options.record ?? env.RECORD_DIR ?? '' } : {}),
  });
  try {
    if (options.json) await runJsonProtocol(bot);
    else await runTerminalChat(bot, options.user ?? safeUsername());
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
    try {
      const result = await bot.handle(toIncomingMessage(parsed.input, Date.now()));
      await write(toJsonOutput(result));
    } catch (error) {
      await write({ error: error instanceof Error ? error.message : String(error) });
    }
  }
}

async function runTerminalChat(bot: Supportbot, user: string): Promise<void> {
  const style = createStyle(process.stdout);
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY) });
  const conversationKey = `cli:${user}`;
  let buttons: Button[] = [];
  process.stdout.write(
    `${style.bold('supportbot')} — help with paying on Alibaba with Alipay. ${style.dim('Type a message, a number to pick a choice, or "quit".')}\n`,
  );
  const ask = () => rl.setPrompt(`${style.green(style.bold('you ›'))} `);
  ask();
  rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (/^(quit|exit|\/quit|\/exit)$/i.test(text)) break;
    if (text === '') {
      rl.prompt();
      continue;
    }
    const picked = pickButton(text, buttons);
    const base = { platform: 'console' as const, conversationKey, userId: user, eventId: randomUUID(), receivedAt: Date.now() };
    const result = await bot.handle(picked ? { ...base, action: picked.value } : { ...base, text: line });
    process.stdout.write(`${renderTurn(result, style, process.stdout.columns || 80)}\n`);
    buttons = buttonsOf(result);
    rl.prompt();
  }
  rl.close();
  process.stdout.write(`${style.dim('Bye! Your conversation is saved; run chat again to continue.')}\n`);
}
