import { describe, expect, it } from 'vitest';
import { createTurnPipeline, RATE_LIMITED_TEXT } from '../../src/core/turn-pipeline.js';
import { createRateLimiter } from '../../src/core/rate-limiter.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createPrivacyGuard } from '../../src/privacy/privacy-guard.js';
import { createInputCleaner } from '../../src/privacy/input-cleaner.js';
import { createSupportbot } from '../../src/index.js';
import type { ConversationStore, DialogueInput, DialoguePolicy, KnowledgeBase } from '../../src/core/ports.js';
import type { IncomingMessage } from '../../src/core/types.js';
import { createCaptureLogger } from './capture-logger.js';
import { NOTHING_STATED } from '../../src/core/types.js';

const knowledge: KnowledgeBase = { section: () => undefined, search: () => [] };
const nlu = { parse: () => ({ intent: 'greeting' as const, confidence: 0.9, ranking: [], entities: {}, ...NOTHING_STATED }) };

/** Counts turns and keeps what it was shown; fails on "boom". */
function recordingDialogue(): DialoguePolicy<{ n: number }> & { inputs: DialogueInput[] } {
  const inputs: DialogueInput[] = [];
  return {
    inputs,
    initialState: () => ({ n: 0 }),
    parseState: (raw) => {
      if (typeof (raw as { n?: unknown } | null)?.n !== 'number') throw new Error('bad state');
      return raw as { n: number };
    },
    position: (s) => ({ flow: null, step: String(s.n) }),
    step: (s, input) => {
      inputs.push(input);
      if (input.message.text?.includes('boom')) throw new Error(`dialogue failed on "${input.message.text}"`);
      return { state: { n: s.n + 1 }, effects: [{ type: 'say', text: `turn ${s.n + 1}` }] };
    },
  };
}

let counter = 0;
function message(text: string, userId = 'u1'): IncomingMessage {
  return { platform: 'json', conversationKey: `c-${userId}`, userId, text, eventId: `e-${++counter}`, receivedAt: 0 };
}

describe('the turn pipeline under bad input and faults', () => {
  it('answers politely when a user sends too fast, without advancing the dialogue, storing anything or reporting an error', async () => {
    let t = 0;
    const store = createMemoryStore();
    const dialogue = recordingDialogue();
    const pipeline = createTurnPipeline({
      privacy: createPrivacyGuard(),
      nlu,
      dialogue: dialogue as DialoguePolicy,
      knowledge,
      store,
      now: () => t,
      rateLimiter: createRateLimiter({ limit: 2, now: () => t }),
    });
    await pipeline.handle(message('one'));
    await pipeline.handle(message('two'));
    const limited = await pipeline.handle(message('three, card 4111 1111 1111 1111'));
    expect(limited.replies).toEqual([{ text: RATE_LIMITED_TEXT, buttons: [], citations: [] }]);
    expect(limited.errorRef).toBeUndefined();
    expect(limited.duplicate).toBe(false);
    expect(limited.redactions).toEqual(['card_number']);
    expect(dialogue.inputs).toHaveLength(2);
    expect((await store.get('c-u1'))?.state).toEqual({ n: 2 });

    const other = await pipeline.handle(message('hello', 'u2'));
    expect(other.replies[0]?.text).toBe('turn 1');

    t = 60_000;
    const later = await pipeline.handle(message('four'));
    expect(later.replies[0]?.text).toBe('turn 3');
  });

  it('logs a failed turn once, with its reference id and context, and only redacted text', async () => {
    const capture = createCaptureLogger();
    const store = createMemoryStore();
    const pipeline = createTurnPipeline({
      cleaner: createInputCleaner(),
      privacy: createPrivacyGuard(),
      nlu,
      dialogue: recordingDialogue() as DialoguePolicy,
      knowledge,
      store,
      logger: capture.logger,
    });
    await pipeline.handle(message('hello'));
    const failed = await pipeline.handle(message('boom: my card 4111 1111 1111 1111, cvv 123, otp 482913'));

    expect(failed.errorRef).toMatch(/^[0-9a-f]{8}$/);
    expect(failed.replies).toHaveLength(1);
    expect(failed.replies[0]?.text).toContain(failed.errorRef);
    expect((await store.get('c-u1'))?.state).toEqual({ n: 1 });

    const errors = capture.records().filter((r) => r.level === 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ ref: failed.errorRef, conversationKey: 'c-u1', userId: 'u1', platform: 'json', msg: 'turn failed' });
    // The person's words never at error or info level: only in the debug line of the same turn.
    expect(errors[0]?.text).toBeUndefined();
    const turnLine = capture.records().find((r) => r.ref === failed.errorRef && r.msg === 'turn');
    expect(turnLine).toMatchObject({ level: 20, text: 'boom: my card [card number], cvv [cvv], otp [code]' });
    const all = capture.lines().join('\n');
    for (const secret of ['4111', 'cvv 123', '482913']) expect(all).not.toContain(secret);
  });

  it('apologises with a reference id through the real bot when the store fails, and the conversation continues from its last good state', async () => {
    const capture = createCaptureLogger();
    const inner = createMemoryStore();
    let failNextPut = false;
    const store: ConversationStore = {
      ...inner,
      async put(record, expected) {
        if (failNextPut) {
          failNextPut = false;
          throw new Error('disk full while writing');
        }
        return inner.put(record, expected);
      },
    };
    const bot = await createSupportbot({ store, logger: capture.logger });
    try {
      const base = { platform: 'json' as const, conversationKey: 'k', userId: 'u', receivedAt: Date.now() };
      await bot.handle({ ...base, eventId: 'a', text: 'my card was declined' });
      const before = await inner.get('k');
      failNextPut = true;
      const failed = await bot.handle({ ...base, eventId: 'b', text: 'my visa 4111 1111 1111 1111 says insufficient funds' });
      expect(failed.errorRef).toMatch(/^[0-9a-f]{8}$/);
      expect(failed.replies.map((r) => r.text).join(' ')).toContain(failed.errorRef);
      expect(await inner.get('k')).toEqual(before);
      const next = await bot.handle({ ...base, eventId: 'c', text: 'hello' });
      expect(next.errorRef).toBeUndefined();
      expect((await inner.get('k'))?.version).toBe((before?.version ?? 0) + 1);
      const logged = capture.records().filter((r) => r.ref === failed.errorRef);
      expect(logged[0]).toMatchObject({ level: 50, conversationKey: 'k' });
      expect(JSON.stringify(logged[0])).not.toContain('[card number]');
      expect(logged[1]).toMatchObject({ level: 20, msg: 'turn' });
      expect(JSON.stringify(logged[1])).toContain('[card number]');
      expect(capture.lines().join('\n')).not.toContain('4111');
    } finally {
      await bot.close();
    }
  }, 120_000);

  it('threads rateLimitPerMinute through createSupportbot', async () => {
    const bot = await createSupportbot({ rateLimitPerMinute: 3 });
    try {
      const replies = [];
      for (let i = 0; i < 5; i++) {
        const r = await bot.handle({ platform: 'slack', conversationKey: 'k', userId: 'fast', eventId: `r${i}`, text: 'hello', receivedAt: Date.now() });
        replies.push(r.replies[0]?.text);
      }
      expect(replies.slice(0, 3)).not.toContain(RATE_LIMITED_TEXT);
      // One notice per window; the next limited message gets no reply at all.
      expect(replies.slice(3)).toEqual([RATE_LIMITED_TEXT, undefined]);
    } finally {
      await bot.close();
    }
  }, 120_000);
});
