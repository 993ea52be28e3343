#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { InputError } from '../core/errors.js';
import { registerCommands } from './commands/index.js';
import { loadDotenv } from '../config/load-dotenv.js';

/** The version in package.json (two folders up from src/cli/ and from dist/cli/ alike). */
export function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: unknown };
  return typeof pkg.version === 'string' ? pkg.version : '0.0.0';
}

/** Builds the `supportbot` program; exported so tests can drive it in-process. */
export function buildProgram(): Command {
  const program = new Command('supportbot')
    .description('Support chatbot for paying on Alibaba with Alipay (Slack, Discord, terminal).')
    .version(packageVersion())
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ outputError: (str, write) => write(str) })
    // Before the commands are added, so they inherit it: a usage mistake throws, and main() picks the exit code.
    .exitOverride();
  registerCommands(program);
  return program;
}

/** Runs the CLI; turns operator mistakes into one clear line and exit code 2, our failures into 1. */
export async function main(argv: string[] = process.argv): Promise<void> {
  // `supportbot kb list | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  loadDotenv();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end with 0; a usage mistake (unknown option or command) is the operator's: 2.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (error instanceof InputError) {
      process.stderr.write(`supportbot: ${error.message}\n`);
      // The operator gets one line; the trace (with its cause) only when asked for.
      if (/^(debug|trace)$/i.test(process.env.LOG_LEVEL ?? '')) process.stderr.write(`${traceOf(error)}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`supportbot: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  }
}

function traceOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause === undefined ? (error.stack ?? error.message) : `${error.stack ?? error.message}\nCaused by: ${traceOf(error.cause)}`;
}
