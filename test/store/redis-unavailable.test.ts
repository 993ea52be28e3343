import { afterAll, describe, expect, it } from 'vitest';
import { StoreUnavailableError } from '../../src/core/errors.js';
import { STORE_DOWN_TEXT } from '../../src/core/turn-pipeline.js';
import { openRedisStore } from '../../src/store/redis-store.js';
import { spawnChat, type ChatProcess } from './chat-process.js';
import { freePort, hasRedisServer, noteSkipped, ownRedis, type OwnRedis } from './redis-helpers.js';

if (!hasRedisServer) noteSkipped('Redis outage tests', 'redis-server is not installed (apt-get install redis-server)');

const servers: OwnRedis[] = [];
const chats: ChatProcess[] = [];
async function startRedis(): Promise<OwnRedis> {
  const server = ownRedis(await freePort());
  servers.push(server);
  await server.start();
  return server;
}

/** Retries `fn` until it stops throwing, for up to `ms`. */
async function eventually<T>(fn: () => Promise<T>, ms = 8000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await fn();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe.skipIf(!hasRedisServer)('the Redis store when Redis is unreachable', () => {
  afterAll(async () => {
    for (const p of chats) if (p.child.exitCode === null) p.child.kill('SIGKILL');
    await Promise.all(servers.map((s) => s.stop()));
  });

  it('fails fast with StoreUnavailableError, then works again once Redis is back, without a new store', async () => {
    const server = ownRedis(await freePort());
    servers.push(server);
    // Nothing listens yet: the store still opens, so the instance can start before Redis.
    const store = await openRedisStore(server.url, { keyPrefix: 'outage:', timeoutMs: 500 });
    const started = Date.now();
    await expect(store.get('c1')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.claimEvent('e1')).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(store.withLock('c1', async () => 'x')).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(Date.now() - started).toBeLessThan(1500);

    await server.start();
    await eventually(() => store.put({ key: 'c1', version: 1, state: 'back', updatedAt: 1 }, 0));
    expect((await store.get('c1'))?.state).toBe('back');

    await server.stop();
    await expect(store.get('c1')).rejects.toBeInstanceOf(StoreUnavailableError);
    await store.close();
  });

  it('gives the person a short "try again" while Redis is down, keeps running, and answers normally once it is back', async () => {
    const server = await startRedis();
    const chat = spawnChat([], { REDIS_URL: server.url, REDIS_KEY_PREFIX: 'outage-cli:', LOG_LEVEL: 'silent' });
    chats.push(chat);
    const first = await chat.send({ user: 'u1', text: 'my card was declined' });
    expect(first.error).toBeUndefined();
    expect((first.replies as Array<{ text: string }>)[0]?.text).not.toBe(STORE_DOWN_TEXT);

    await server.stop();
    const during = await chat.send({ user: 'u1', text: 'visa' });
    expect(during.replies).toEqual([{ text: STORE_DOWN_TEXT, buttons: [] }]);
    expect(chat.child.exitCode).toBeNull();

    await server.start();
    const after = await eventually(async () => {
      const out = await chat.send({ user: 'u1', text: 'visa' });
      if ((out.replies as Array<{ text: string }>)[0]?.text === STORE_DOWN_TEXT) throw new Error('still down');
      return out;
    });
    expect(after.error).toBeUndefined();
    expect((after.replies as unknown[]).length).toBeGreaterThan(0);
    expect(await chat.end()).toBe(0);
  }, 120_000);
});
