import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createTurnPipeline } from '../../src/core/turn-pipeline.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createPrivacyGuard } from '../../src/privacy/privacy-guard.js';
import { createSupportbot, type StoreSpec } from '../../src/index.js';
import type { DialoguePolicy, KnowledgeBase } from '../../src/core/ports.js';
import type { IncomingMessage } from '../../src/core/types.js';
import { NOTHING_STATED } from '../../src/core/types.js';

const TURNS = 40;
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function messageAt(i: number, conversationKey = 'busy'): IncomingMessage {
  return { platform: 'slack', conversationKey, userId: 'u1', text: `message ${i}`, eventId: `${conversationKey}-${i}`, receivedAt: Date.now() };
}

describe('two messages at once in one conversation', () => {
  it('are shown to the dialogue one at a time, in arrival order, none dropped', async () => {
    const seen: string[] = [];
    const dialogue: DialoguePolicy<string[]> = {
      initialState: () => [],
      parseState: (raw) => raw as string[],
      position: () => ({ flow: null, step: null }),
      step: (state, input) => {
        seen.push(input.message.text ?? '');
        return { state: [...state, input.message.text ?? ''], effects: [{ type: 'say', text: 'ok' }] };
      },
    };
    const knowledge: KnowledgeBase = { section: () => undefined, search: () => [] };
    const store = createMemoryStore();
    const pipeline = createTurnPipeline({
      privacy: createPrivacyGuard(),
      nlu: { parse: () => ({ intent: 'greeting', confidence: 1, ranking: [], entities: {}, ...NOTHING_STATED }) },
      dialogue: dialogue as DialoguePolicy,
      knowledge,
      store,
    });
    const results = await Promise.all(Array.from({ length: TURNS }, (_, i) => pipeline.handle(messageAt(i))));
    const expected = Array.from({ length: TURNS }, (_, i) => `message ${i}`);
    expect(results.filter((r) => r.errorRef !== undefined)).toEqual([]);
    expect(seen).toEqual(expected);
    expect((await store.get('busy'))?.state).toEqual(expected);
  });

  it.each<[string, () => StoreSpec]>([
    ['memory', () => ({ kind: 'memory' })],
    [
      'lowdb',
      () => {
        const dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-order-'));
        dirs.push(dir);
        return { kind: 'lowdb', path: path.join(dir, 'supportbot.json') };
      },
    ],
  ])('are all answered, in order, by the real bot with a %s store, while another conversation goes on', async (_name, spec) => {
    const order: string[] = [];
    const bot = await createSupportbot({
      store: spec(),
      onTurn: (message) => {
        if (message.conversationKey === 'busy') order.push(message.text ?? '');
      },
    });
    try {
      const busy = Array.from({ length: TURNS }, (_, i) => bot.handle(messageAt(i)));
      const quiet = Array.from({ length: 5 }, (_, i) => bot.handle(messageAt(i, 'quiet')));
      const results = await Promise.all([...busy, ...quiet]);
      expect(results.filter((r) => r.errorRef !== undefined || r.duplicate)).toEqual([]);
      expect(results.every((r) => r.replies.length > 0)).toBe(true);
      expect(order).toEqual(Array.from({ length: TURNS }, (_, i) => `message ${i}`));
      expect((await bot.parts.store.get('busy'))?.version).toBe(TURNS);
      expect((await bot.parts.store.get('quiet'))?.version).toBe(5);
    } finally {
      await bot.close();
    }
  }, 120_000);
});
