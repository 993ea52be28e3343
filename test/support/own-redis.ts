/**
 * Global setup of the e2e project: the Redis tests need a real redis-server. When REDIS_URL is set
 * (a developer's own Redis), it is used as it is. Otherwise, when `redis-server` is on PATH, this
 * starts a throwaway one on a free port (no persistence, files in a temporary folder), sets
 * REDIS_URL for the test workers (they are forked after this runs, so they inherit it) and stops it
 * at teardown. Without the binary the Redis tests skip, and this says so in one line.
 *
 * No server is left behind: teardown kills its process group; a run that exits without teardown
 * kills it on the way out; and a run killed outright (SIGKILL) is noticed within a second by the
 * small shell that started the server, which then stops it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const START_TIMEOUT_MS = 10_000;
const ATTEMPTS = 3;

// Runs redis-server in the background and waits while both this test run and the server live.
// Whichever goes first, the EXIT trap stops the server (and removes its folder).
const WATCHDOG = 'redis-server "$@" & r=$!; trap \'kill -9 $r 2>/dev/null; rm -rf "$WATCH_DIR"\' EXIT HUP INT TERM; while kill -0 "$WATCH_PID" 2>/dev/null && kill -0 $r 2>/dev/null; do sleep 1; done';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Redis answers PING with +PONG once it is ready. */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

function killGroup(child: ChildProcess): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

async function startOnce(dir: string): Promise<{ child: ChildProcess; url: string } | { error: string }> {
  const port = await freePort();
  const log = path.join(dir, `redis-${port}.log`);
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir, '--logfile', log];
  // Its own process group, so teardown can stop the shell and the server together.
  const child = spawn('sh', ['-c', WATCHDOG, 'redis-watchdog', ...args], { detached: true, stdio: 'ignore', env: { ...process.env, WATCH_PID: String(process.pid), WATCH_DIR: dir } });
  child.unref();
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await pong(port)) return { child, url: `redis://127.0.0.1:${port}` };
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  killGroup(child);
  let said = '';
  try {
    said = readFileSync(log, 'utf8').trim().split('\n').slice(-3).join(' | ');
  } catch {
    // No log written.
  }
  return { error: `redis-server did not answer on 127.0.0.1:${port} within ${START_TIMEOUT_MS / 1000} s${said ? `: ${said}` : ''}` };
}

export default async function ownRedis(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.REDIS_URL) return undefined;
  if (spawnSync('redis-server', ['--version']).status !== 0) {
    console.warn('\n  [skipped] Redis tests (store, rate limiter, insights, several processes): REDIS_URL is not set and no redis-server is on PATH (apt-get install redis-server)\n');
    return undefined;
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-test-redis-'));
  let started: { child: ChildProcess; url: string } | undefined;
  const errors: string[] = [];
  for (let i = 0; i < ATTEMPTS && !started; i += 1) {
    const attempt = await startOnce(dir);
    if ('error' in attempt) errors.push(attempt.error);
    else started = attempt;
  }
  if (!started) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start a throwaway redis-server for the tests: ${errors.join('; ')}`);
  }
  const { child, url } = started;
  const onExit = () => killGroup(child);
  process.once('exit', onExit);
  process.env.REDIS_URL = url;
  return async () => {
    process.off('exit', onExit);
    child.ref(); // wait for it below, even if nothing else keeps the run alive
    const exited = child.exitCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
    killGroup(child);
    await exited;
    delete process.env.REDIS_URL;
    rmSync(dir, { recursive: true, force: true });
  };
}
