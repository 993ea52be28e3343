import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConversationStore, DialoguePolicy, KnowledgeBase } from '../../src/core/ports.js';
import { createTurnPipeline, STORE_DOWN_TEXT } from '../../src/core/turn-pipeline.js';
import { NOTHING_STATED } from '../../src/core/types.js';
import { createPrivacyGuard } from '../../src/privacy/privacy-guard.js';
import { openRedisStore } from '../../src/store/redis-store.js';
import { FencedWriteError } from '../../src/store/store-errors.js';
import { freePort, hasRedisServer, noteSkipped, ownRedis, type OwnRedis } from './redis-helpers.js';

if (!hasRedisServer) noteSkipped('Redis fencing tests', 'redis-server is not installed (apt-get install redis-server)');

const knowledge: KnowledgeBase = { section: () => undefined, search: () => [] };
const nlu = { parse: () => ({ intent: 'greeting' as const, confidence: 0.9, ranking: [], entities: {}, ...NOTHING_STATED }) };
const counting: DialoguePolicy<{ n: number }> = {
  initialState: () => ({ n: 0 }),
  parseState: (raw) => raw as { n: number },
  position: (s) => ({ flow: null, step: String(s.n) }),
  step: (s) => ({ state: { n: s.n + 1 }, effects: [{ type: 'say', text: `turn ${s.n + 1}` }] }),
};

// Its own redis-server: freezing the one other tests share would stall them.
describe.skipIf(!hasRedisServer)('Redis writes fenced by the conversation lock', () => {
  let server: OwnRedis;
  const clients: Redis[] = [];
  const stores: ConversationStore[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((s) => s.close()));
    for (const c of clients) c.disconnect();
    await server?.stop();
  });

  async function setup(prefix: string) {
    server ??= ownRedis(await freePort());
    await server.start().catch(() => undefined);
    const store = await openRedisStore(server.url, { keyPrefix: prefix, timeoutMs: 400, lockTtlMs: 30_000 });
    const control = new Redis(server.url);
    stores.push(store);
    clients.push(control);
    return { store, control };
  }

  it('never applies the write of a turn answered "I\'m having trouble" when Redis wakes up later', async () => {
    const { store, control } = await setup('frozen:');
    // Redis freezes (CLIENT PAUSE ALL) right as the turn sends its write.
    const freezing: ConversationStore = {
      ...store,
      async put(record, expected) {
        await control.call('CLIENT', 'PAUSE', '1500', 'ALL');
        return store.put(record, expected);
      },
    };
    const pipeline = createTurnPipeline({ privacy: createPrivacyGuard(), nlu, dialogue: counting as DialoguePolicy, knowledge, store: freezing });
    const message = { platform: 'slack' as const, conversationKey: 'c', userId: 'u', text: 'hello', receivedAt: 0 };
    // A first turn elsewhere, so the server has every script loaded (as it would in a running bot).
    const normal = createTurnPipeline({ privacy: createPrivacyGuard(), nlu, dialogue: counting as DialoguePolicy, knowledge, store });
    expect((await normal.handle({ ...message, conversationKey: 'warm-up', eventId: 'e0' })).replies[0]?.text).toBe('turn 1');
    const answered = await pipeline.handle({ ...message, eventId: 'e1' });
    expect(answered.replies[0]?.text).toBe(STORE_DOWN_TEXT);

    // Redis is back and has run everything that was queued while it was frozen.
    await sleep(1600);
    expect(await control.ping()).toBe('PONG');
    expect(await control.hget('frozen:conversation:c', 'v')).toBeNull();

    // The conversation goes on from where it was.
    const next = await normal.handle({ ...message, eventId: 'e2' });
    expect(next.replies[0]?.text).toBe('turn 1');
    expect(await control.hget('frozen:conversation:c', 'v')).toBe('1');
  }, 20_000);

  it('refuses a write whose lock expired and was taken by another instance', async () => {
    const { store, control } = await setup('fenced:');
    await expect(
      store.withLock('c', async () => {
        // Our lock expired and another instance now holds it.
        await control.set('fenced:lock:c', 'someone-else');
        await store.put({ key: 'c', version: 1, state: {}, updatedAt: 1 }, 0);
      }),
    ).rejects.toBeInstanceOf(FencedWriteError);
    expect(await control.hget('fenced:conversation:c', 'v')).toBeNull();
  });
});
