/**
 * The one way tests start the real `supportbot` in a child process: the built dist/, as
 * `npm start` runs it (the e2e project rebuilds dist/ first when the sources are newer, see
 * build-dist.ts). Only for what needs a real process: a crash, two processes, `serve`, exit codes.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/supportbot.js', import.meta.url));

/** Settings that would leak from the developer's shell into a child and change what it does. */
const LEAKY = /^(SLACK_|DISCORD_|REDIS_|INSIGHTS_|RECORD_DIR$|DATA_DIR$|RATE_LIMIT_PER_MINUTE$|LOG_LEVEL$|PORT$|HEALTH_PORT$|HOST$|SUPPORTBOT_FROM_SOURCE$)/;

/** The child's environment: the parent's without leaky settings, then `env` (undefined unsets a variable). */
export function cliEnv(env: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!LEAKY.test(name)) out[name] = value;
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) delete out[name];
    else out[name] = value;
  }
  return out;
}

export interface SpawnCliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Run as another user (e.g. nobody, so a read-only folder is read-only even when tests run as root). */
  uid?: number;
  gid?: number;
}

export function spawnCli(args: string[], options: SpawnCliOptions = {}): ChildProcessWithoutNullStreams {
  const user = options.uid === undefined ? {} : { uid: options.uid, ...(options.gid === undefined ? {} : { gid: options.gid }) };
  return spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: cliEnv(options.env), stdio: ['pipe', 'pipe', 'pipe'], ...user });
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end, feeding `input` on stdin; a run longer than `timeoutMs` is killed. */
export function runCli(args: string[], options: SpawnCliOptions & { input?: string | Buffer; timeoutMs?: number } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, options);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}
