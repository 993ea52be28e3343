/**
 * `supportbot serve` (or any command line, e.g. the container's start command) in a child process,
 * with its JSON log lines parsed as they come, so a test can wait for one and find the ports.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { BIN, cliEnv, ROOT } from './spawn-cli.js';

export interface Served {
  child: ChildProcessWithoutNullStreams;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Log lines (JSON) so far. */
  lines: Array<Record<string, unknown>>;
  /** Resolves with the first log line matching, already written or to come. */
  waitForLog(predicate: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after 10 s; resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Spawns `argv` (argv[0] "node" runs this Node; a bin/supportbot.js path is resolved in the repository). */
export function serveProcess(argv: string[], env: Record<string, string | undefined>): Served {
  const [command = 'node', ...args] = argv;
  const resolved = args.map((a) => (a === 'bin/supportbot.js' ? BIN : a));
  const child = spawn(command === 'node' ? process.execPath : command, resolved, { cwd: ROOT, env: cliEnv(env), stdio: ['pipe', 'pipe', 'pipe'] });
  child.stdout.resume();
  let stderr = '';
  let buffer = '';
  const lines: Array<Record<string, unknown>> = [];
  const waiters = new Set<() => void>();
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    buffer += chunk.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 1);
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // not a log line (the CLI's one-line error)
      }
    }
    for (const wake of waiters) wake();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const served: Served = {
    child,
    stderr: () => stderr,
    lines,
    waitForLog(predicate, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = lines.find(predicate);
          if (found) {
            done();
            resolve(found);
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no matching log line within ${timeoutMs} ms:\n${stderr}`));
        }, timeoutMs);
        const onExit = () => {
          done();
          reject(new Error(`the process exited before the log line:\n${stderr}`));
        };
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
          child.off('exit', onExit);
        };
        waiters.add(check);
        child.once('exit', onExit);
        check();
      });
    },
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      const { code } = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  return served;
}

/** GET a path, answering status and body (and never throwing on a refused connection: status 0). */
export async function get(url: string): Promise<{ status: number; body: string }> {
  try {
    const res = await fetch(url);
    return { status: res.status, body: await res.text() };
  } catch {
    return { status: 0, body: '' };
  }
}

/** Polls until `fn` answers true, for up to `ms`. */
export async function until(fn: () => Promise<boolean>, ms = 15_000, what = 'the condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await fn())) {
    if (Date.now() > deadline) throw new Error(`${what} did not hold within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
