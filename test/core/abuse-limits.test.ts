import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/core/actions.js';
import { ALREADY_WITH_STAFF_TEXT } from '../../src/core/open-handoffs.js';
import { createRateLimiter } from '../../src/core/rate-limiter.js';
import { createTurnPipeline, RATE_LIMITED_TEXT } from '../../src/core/turn-pipeline.js';
import type { ConversationStore, DialoguePolicy, KnowledgeBase } from '../../src/core/ports.js';
import { NOTHING_STATED, type IncomingMessage } from '../../src/core/types.js';
import { createSupportbot, type Supportbot } from '../../src/index.js';
import { createPrivacyGuard } from '../../src/privacy/privacy-guard.js';
import { openLowdbStore } from '../../src/store/lowdb-store.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createCaptureLogger } from './capture-logger.js';

const knowledge: KnowledgeBase = { section: () => undefined, search: () => [] };
const nlu = { parse: () => ({ intent: 'greeting' as const, confidence: 0.9, ranking: [], entities: {}, ...NOTHING_STATED }) };
const counting: DialoguePolicy<{ n: number }> = {
  initialState: () => ({ n: 0 }),
  parseState: (raw) => raw as { n: number },
  position: (s) => ({ flow: null, step: String(s.n) }),
  step: (s) => ({ state: { n: s.n + 1 }, effects: [{ type: 'say', text: `turn ${s.n + 1}` }] }),
};

function limitedPipeline(store: ConversationStore, clock: { t: number }, logger = createCaptureLogger().logger) {
  return createTurnPipeline({
    privacy: createPrivacyGuard(),
    nlu,
    dialogue: counting as DialoguePolicy,
    knowledge,
    store,
    logger,
    now: () => clock.t,
    rateLimiter: createRateLimiter({ limit: 20, windowMs: 60_000, now: () => clock.t }),
  });
}
const msg = (eventId: string, text = 'hello'): IncomingMessage => ({ platform: 'slack', conversationKey: 'c', userId: 'flooder', eventId, text, receivedAt: 0 });

describe('a flood of messages', () => {
  it('gets 20 answers, one "slow down" notice and silence for the other 79, each dropped one logged', async () => {
    const capture = createCaptureLogger();
    const clock = { t: 0 };
    const pipeline = limitedPipeline(createMemoryStore(), clock, capture.logger);
    const results = [];
    for (let i = 0; i < 100; i++) results.push(await pipeline.handle(msg(`flood-${i}`)));
    expect(results.slice(0, 20).every((r) => r.replies[0]?.text.startsWith('turn '))).toBe(true);
    const notices = results.filter((r) => r.replies.some((reply) => reply.text === RATE_LIMITED_TEXT));
    expect(notices).toHaveLength(1);
    expect(results.slice(21).every((r) => r.replies.length === 0 && !r.duplicate && r.errorRef === undefined)).toBe(true);
    expect(capture.records().filter((r) => r.msg === 'rate limited; dropped without a reply')).toHaveLength(79);

    // Another window: served again, and a new flood gets its own single notice.
    clock.t = 60_000;
    const next = [];
    for (let i = 0; i < 25; i++) next.push(await pipeline.handle(msg(`second-${i}`)));
    expect(next.filter((r) => r.replies[0]?.text === RATE_LIMITED_TEXT)).toHaveLength(1);
    expect(next.filter((r) => r.replies.length === 0)).toHaveLength(4);
  });

  describe('does not use up the event id of a limited message, so its retry is answered', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-abuse-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const memory = createMemoryStore();
    const stores: Array<[string, () => Promise<ConversationStore>]> = [
      ['memory store', async () => memory],
      ['lowdb store, across a restart', () => openLowdbStore(path.join(dir, 's.json'))],
    ];
    it.each(stores)('%s', async (_name, open) => {
      const clock = { t: 0 };
      let store = await open();
      let pipeline = limitedPipeline(store, clock);
      for (let i = 0; i < 20; i++) await pipeline.handle(msg(`ok-${i}`));
      const limited = await pipeline.handle(msg('retry-me'));
      expect(limited.replies[0]?.text).toBe(RATE_LIMITED_TEXT);
      // A repeat of an answered event is still a duplicate.
      expect((await pipeline.handle(msg('ok-3'))).duplicate).toBe(true);
      await store.close();
      store = await open();
      clock.t = 60_000;
      pipeline = limitedPipeline(store, clock);
      const retried = await pipeline.handle(msg('retry-me'));
      expect(retried.duplicate).toBe(false);
      expect(retried.replies[0]?.text).toMatch(/^turn \d+$/);
      expect((await pipeline.handle(msg('ok-3'))).duplicate).toBe(true);
      await store.close();
    });
  });
});

describe('one open handoff per person', () => {
  let bot: Supportbot;
  beforeAll(async () => {
    bot = await createSupportbot({ store: { kind: 'memory' } });
  }, 120_000);
  afterAll(() => bot.close());
  let n = 0;
  const click = (conversationKey: string, action: string, userId = 'asker'): IncomingMessage => ({
    platform: 'slack',
    conversationKey,
    userId,
    action,
    eventId: `h-${++n}`,
    receivedAt: Date.now(),
  });

  it('sends staff one summary when someone asks for a person in 20 threads at once, and tells the rest it is already with the team', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => bot.handle(click(`slack:T:C:thread-${i}`, ACTIONS.human))));
    expect(results.filter((r) => r.handoffSummary !== undefined)).toHaveLength(1);
    const others = results.filter((r) => r.handoffSummary === undefined);
    expect(others).toHaveLength(19);
    for (const r of others) {
      expect(r.handoff).toBe(false);
      expect(r.replies.map((reply) => reply.text)).toEqual([ALREADY_WITH_STAFF_TEXT]);
    }
    // Someone else is not affected.
    expect((await bot.handle(click('slack:T:C:other', ACTIONS.human, 'someone-else'))).handoffSummary).toBeDefined();
  });

  it('lets the person ask again once staff hand the first conversation back', async () => {
    const first = await bot.handle(click('slack:T:C:a', ACTIONS.human, 'returning'));
    expect(first.handoffSummary).toBeDefined();
    expect((await bot.handle(click('slack:T:C:b', ACTIONS.human, 'returning'))).handoffSummary).toBeUndefined();
    await bot.handle(click('slack:T:C:a', ACTIONS.handBack, 'returning'));
    const again = await bot.handle(click('slack:T:C:b', ACTIONS.human, 'returning'));
    expect(again.handoffSummary).toBeDefined();
    expect(again.handoff).toBe(true);
  });
});
