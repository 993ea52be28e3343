import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisRateLimiter } from '../../src/store/redis-rate-limiter.js';
import { deletePrefix, REDIS_URL, uniquePrefix } from './redis-helpers.js';

const prefix = uniquePrefix('rate');
const clients: Redis[] = [];
function client(): Redis {
  const c = new Redis(REDIS_URL ?? '', { maxRetriesPerRequest: 0 });
  clients.push(c);
  return c;
}
/** One limiter per "instance", each with its own connection, as two processes would have. */
const instance = (limit: number, windowMs = 60_000) => createRedisRateLimiter({ client: client(), limit, windowMs, keyPrefix: prefix });

describe.skipIf(!REDIS_URL)('the rate limiter shared through Redis', () => {
  afterAll(async () => {
    await deletePrefix(REDIS_URL ?? '', prefix);
    await Promise.all(clients.map((c) => c.quit()));
  });

  it('gives a person the limit once across two instances, not once per instance', async () => {
    const a = instance(3);
    const b = instance(3);
    const taken = [await a.take('slack:U1'), await b.take('slack:U1'), await a.take('slack:U1'), await b.take('slack:U1'), await a.take('slack:U1')];
    expect(taken).toEqual([true, true, true, false, false]);
    // Another person is counted on their own.
    expect(await b.take('slack:U2')).toBe(true);
  });

  it('counts concurrent takes atomically: exactly the limit gets through', async () => {
    const limiters = [instance(10), instance(10), instance(10)];
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => limiters[i % 3]!.take('discord:flood')));
    expect(results.filter(Boolean)).toHaveLength(10);
  });

  it('sends one notice per window across instances, and a taken turn starts the notices over', async () => {
    const a = instance(1, 1000);
    const b = instance(1, 1000);
    expect(await a.take('u')).toBe(true);
    expect(await b.take('u')).toBe(false);
    expect([await b.notice('u'), await a.notice('u'), await b.notice('u')]).toEqual([true, false, false]);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await a.take('u')).toBe(true);
    expect(await b.take('u')).toBe(false);
    expect(await b.notice('u')).toBe(true);
  });

  it('does not count refused turns, so a person who keeps trying is served once the window moves on', async () => {
    const a = instance(2, 1000);
    expect([await a.take('p'), await a.take('p')]).toEqual([true, true]);
    for (let i = 0; i < 5; i++) expect(await a.take('p')).toBe(false);
    await new Promise((r) => setTimeout(r, 1100));
    expect(await a.take('p')).toBe(true);
  });

  it('lets turns through when Redis cannot answer, rather than silencing everyone', async () => {
    const down = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, retryStrategy: () => null });
    const limiter = createRedisRateLimiter({ client: down, limit: 1, keyPrefix: prefix });
    expect([await limiter.take('x'), await limiter.take('x')]).toEqual([true, true]);
    down.disconnect();
  });
});

describe.skipIf(!REDIS_URL)('two bots on one Redis', () => {
  it('share each person\'s limit, and the flood gets one notice between them', async () => {
    const { createSupportbot } = await import('../../src/index.js');
    const keyPrefix = uniquePrefix('bots');
    const open = () => createSupportbot({ store: { kind: 'redis', url: REDIS_URL ?? '', keyPrefix }, rateLimitPerMinute: 2 });
    const [a, b] = await Promise.all([open(), open()]);
    try {
      const say = (bot: typeof a, i: number) =>
        bot.handle({ platform: 'slack', conversationKey: `slack:T1:D1:${i}`, userId: 'U1', text: 'hello', eventId: `e${i}`, receivedAt: Date.now() });
      const results = [await say(a, 1), await say(b, 2), await say(a, 3), await say(b, 4)];
      expect(results.map((r) => r.rateLimited === true)).toEqual([false, false, true, true]);
      expect(results.map((r) => r.replies.length > 0)).toEqual([true, true, true, false]);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await deletePrefix(REDIS_URL ?? '', keyPrefix);
    }
  }, 30_000);
});
