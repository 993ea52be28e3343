import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import readline from 'node:readline';
import { spawnCli } from '../support/spawn-cli.js';

/** One `supportbot chat --json` process driven line by line, as another tool would. */
export interface ChatProcess {
  readonly child: ChildProcessWithoutNullStreams;
  /** Every output line so far, parsed. */
  readonly outputs: Array<Record<string, unknown>>;
  /** Sends one input line and resolves with its output line. */
  send(input: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** Writes lines without waiting for their answers. */
  write(inputs: Array<Record<string, unknown>>): void;
  /** Resolves once `count` output lines have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  /** Closes stdin and waits for a clean exit; resolves with the exit code. */
  end(): Promise<number | null>;
  stderr(): string;
}

export function spawnChat(args: string[], env: Record<string, string | undefined>): ChatProcess {
  // The built CLI (see spawnCli); no per-user rate limit unless a test sets one: these tests send bursts on purpose.
  const child = spawnCli(['chat', '--json', ...args], { env: { LOG_LEVEL: 'warn', ...env } });
  const outputs: Array<Record<string, unknown>> = [];
  const waiters: Array<() => void> = [];
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString();
  });
  readline.createInterface({ input: child.stdout }).on('line', (line) => {
    outputs.push(JSON.parse(line) as Record<string, unknown>);
    for (const wake of waiters.splice(0)) wake();
  });
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exitCode = code;
      for (const wake of waiters.splice(0)) wake();
      resolve(code);
    }),
  );
  // Generous: a first start may train the model, and CI shares two cores with other tests.
  const waitFor = (count: number, timeoutMs = 90_000) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`waited ${timeoutMs} ms for ${count} lines, got ${outputs.length}; stderr: ${err.slice(-2000)}`)), timeoutMs);
      const check = () => {
        if (outputs.length >= count) {
          clearTimeout(timer);
          resolve();
        } else if (exitCode !== undefined) {
          clearTimeout(timer);
          reject(new Error(`chat --json exited (${exitCode}) after ${outputs.length} of ${count} lines; stderr: ${err.slice(-2000)}`));
        } else waiters.push(check);
      };
      check();
    });
  return {
    child,
    outputs,
    async send(input) {
      const index = outputs.length;
      child.stdin.write(`${JSON.stringify(input)}\n`);
      await waitFor(index + 1);
      return outputs[index] as Record<string, unknown>;
    },
    write(inputs) {
      child.stdin.write(inputs.map((i) => `${JSON.stringify(i)}\n`).join(''));
    },
    waitFor,
    async end() {
      child.stdin.end();
      // A process that does not finish within 20 s is killed, so a hung bot never hangs the suite.
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
    stderr: () => err,
  };
}
