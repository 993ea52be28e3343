import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { Redis } from 'ioredis';

/**
 * The Redis the suite may use: the developer's own, or the throwaway one test/support/own-redis.ts
 * starts for the e2e project; unset (no redis-server installed) means those tests are skipped.
 */
export const REDIS_URL = process.env.REDIS_URL;
export const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;

export function noteSkipped(what: string, why: string): void {
  console.warn(`\n  [skipped] ${what}: ${why}\n`);
}

/** A key prefix no other test run uses, so runs never collide. */
export function uniquePrefix(name: string): string {
  return `supportbot-test:${name}:${process.pid}:${Date.now().toString(36)}:`;
}

/** Deletes every key under a prefix. */
export async function deletePrefix(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true });
  await client.connect();
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await client.del(...keys);
  } while (cursor !== '0');
  await client.quit();
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A throwaway redis-server on 127.0.0.1 that a test can stop and start again. */
export interface OwnRedis {
  readonly url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function ownRedis(port: number): OwnRedis {
  let child: ChildProcess | undefined;
  // A worker that ends without stop() (a failed hook) must not leave the server behind.
  const onExit = () => child?.kill('SIGKILL');
  return {
    url: `redis://127.0.0.1:${port}`,
    async start() {
      // Started already: a second server on the same port would fail to bind, and stop() would then
      // stop that one and leave the first running.
      if (child && child.exitCode === null && child.signalCode === null) return;
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
      process.once('exit', onExit);
      const deadline = Date.now() + 5000;
      for (;;) {
        const ok = await new Promise<boolean>((resolve) => {
          const socket = net.connect(port, '127.0.0.1', () => {
            socket.end();
            resolve(true);
          });
          socket.on('error', () => resolve(false));
        });
        if (ok) return;
        if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${port}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      process.off('exit', onExit);
      child = undefined;
    },
  };
}
