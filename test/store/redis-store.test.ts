import { afterAll, describe, expect, it } from 'vitest';
import { VersionConflictError } from '../../src/core/errors.js';
import { openRedisStore, redactRedisUrl, type RedisStore, type RedisStoreOptions } from '../../src/store/redis-store.js';
import { LockTimeoutError } from '../../src/store/store-errors.js';
import { deletePrefix, REDIS_URL, uniquePrefix } from './redis-helpers.js';
import { storeContract } from './store-contract.js';

const prefix = uniquePrefix('store');
const opened: RedisStore[] = [];
async function open(options: RedisStoreOptions = {}): Promise<RedisStore> {
  const store = await openRedisStore(REDIS_URL ?? '', { keyPrefix: prefix, ...options });
  opened.push(store);
  return store;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let n = 0;
const key = () => `k${n++}`;

describe.skipIf(!REDIS_URL)('the Redis store', () => {
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await deletePrefix(REDIS_URL ?? '', prefix);
  });

  storeContract(() => open());

  it('keeps a conversation under the configured key prefix, expiring after the idle TTL', async () => {
    const store = await open({ idleTtlMs: 60_000 });
    const k = key();
    await store.put({ key: k, version: 1, state: { step: 'a' }, updatedAt: 1 }, 0);
    const ttl = await store.client.pttl(`${prefix}conversation:${k}`);
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);

    const short = await open({ idleTtlMs: 150 });
    const idle = key();
    await short.put({ key: idle, version: 1, state: 'soon gone', updatedAt: 1 }, 0);
    expect(await short.get(idle)).toBeDefined();
    await sleep(300);
    expect(await short.get(idle)).toBeUndefined();
  });

  it('refuses a lost update between two instances with a VersionConflictError', async () => {
    const [a, b] = [await open(), await open()];
    const k = key();
    await a.put({ key: k, version: 1, state: 'one', updatedAt: 1 }, 0);
    // Both read version 1; b writes first; a's write would silently drop b's turn.
    await b.put({ key: k, version: 2, state: 'b', updatedAt: 2 }, 1);
    await expect(a.put({ key: k, version: 2, state: 'a', updatedAt: 2 }, 1)).rejects.toBeInstanceOf(VersionConflictError);
    expect((await a.get(k))?.state).toBe('b');
  });

  it('serialises concurrent bursts to one conversation from two instances with no lost turn', async () => {
    const [a, b] = [await open(), await open()];
    const k = key();
    const turn = (store: RedisStore, who: string) =>
      store.withLock(k, async () => {
        const record = await store.get(k);
        const version = record?.version ?? 0;
        await store.put({ key: k, version: version + 1, state: [...((record?.state as string[]) ?? []), who], updatedAt: version }, version);
      });
    await Promise.all(Array.from({ length: 40 }, (_, i) => [turn(a, `a${i}`), turn(b, `b${i}`)]).flat());
    const final = await a.get(k);
    expect(final?.version).toBe(80);
    expect(new Set(final?.state as string[]).size).toBe(80);
  });

  it('keeps the lock of a long turn alive past its TTL, so another instance waits', async () => {
    const [a, b] = [await open({ lockTtlMs: 150 }), await open({ lockTtlMs: 150, lockWaitMs: 3000 })];
    const k = key();
    const events: string[] = [];
    let started!: () => void;
    const running = new Promise<void>((r) => (started = r));
    const long = a.withLock(k, async () => {
      events.push('a start');
      started();
      await sleep(600);
      events.push('a end');
    });
    await running;
    await b.withLock(k, async () => events.push('b'));
    await long;
    expect(events).toEqual(['a start', 'a end', 'b']);
    expect(await a.client.exists(`${prefix}lock:${k}`)).toBe(0);
  });

  it('lets another instance take the lock of an instance that died, once the lock expires', async () => {
    const store = await open({ lockTtlMs: 200, lockWaitMs: 3000 });
    const k = key();
    // A holder that never releases: the lock as a crashed instance leaves it.
    await store.client.set(`${prefix}lock:${k}`, 'dead-instance-token', 'PX', 200);
    const started = Date.now();
    await expect(store.withLock(k, async () => 'got it')).resolves.toBe('got it');
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it('gives up waiting for a held lock with a LockTimeoutError after the bound', async () => {
    const store = await open({ lockWaitMs: 200 });
    const k = key();
    await store.client.set(`${prefix}lock:${k}`, 'someone-else', 'PX', 10_000);
    let ran = false;
    const attempt = store.withLock(k, async () => {
      ran = true;
    });
    await expect(attempt).rejects.toBeInstanceOf(LockTimeoutError);
    await expect(attempt).rejects.toMatchObject({ conversationKey: k });
    expect(ran).toBe(false);
    // It never deletes a lock it does not hold.
    expect(await store.client.get(`${prefix}lock:${k}`)).toBe('someone-else');
  });

  it('answers an event id once across instances', async () => {
    const [a, b] = [await open(), await open()];
    const id = `Ev${key()}`;
    const claims = await Promise.all([a.claimEvent(id), b.claimEvent(id), a.claimEvent(id), b.claimEvent(id)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await a.client.pttl(`${prefix}event:${id}`)).toBeGreaterThan(0);
  });

  it('starts a conversation fresh when its stored record is unreadable, keeping its version for the next write', async () => {
    const store = await open();
    const k = key();
    await store.client.hset(`${prefix}conversation:${k}`, 'v', '4', 'd', '{"key":');
    expect(await store.get(k)).toEqual({ key: k, version: 4, state: null, updatedAt: 0 });
    await store.put({ key: k, version: 5, state: 'fresh', updatedAt: 1 }, 4);
    expect((await store.get(k))?.state).toBe('fresh');
  });

  it('never shows the password of the Redis URL in messages', () => {
    expect(redactRedisUrl('redis://user:s3cret@127.0.0.1:6390/2')).toBe('redis://127.0.0.1:6390/2');
  });
});
