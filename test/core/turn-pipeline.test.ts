import { describe, expect, it } from 'vitest';
import { createTurnPipeline } from '../../src/core/turn-pipeline.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import type { DialoguePolicy, KnowledgeBase } from '../../src/core/ports.js';
import type { IncomingMessage } from '../../src/core/types.js';
import { NOTHING_STATED } from '../../src/core/types.js';

const knowledge: KnowledgeBase = {
  section: (id) => (id === 'a#b' ? { id, articleId: 'a', title: 'B', text: 'Fact B.', source: 'guide', intents: [] } : undefined),
  search: () => [],
};
const counting: DialoguePolicy<{ n: number }> = {
  initialState: () => ({ n: 0 }),
  parseState: (raw) => {
    if (typeof raw !== 'object' || raw === null || typeof (raw as { n?: unknown }).n !== 'number') throw new Error('bad state');
    return raw as { n: number };
  },
  position: (s) => ({ flow: s.n > 0 ? 'count' : null, step: String(s.n) }),
  step: (s, input) => {
    if (input.message.text === 'boom') throw new Error('boom');
    return { state: { n: s.n + 1 }, effects: [{ type: 'say_section', section: 'a#b', intro: `turn ${s.n + 1}` }] };
  },
};
const nlu = { parse: () => ({ intent: 'greeting' as const, confidence: 0.9, ranking: [], entities: {}, ...NOTHING_STATED }) };
const privacy = { redact: (t: string) => ({ text: t.replace(/\d{16}/g, '[card number]'), findings: /\d{16}/.test(t) ? ['card_number'] : [] }) };

function message(text: string, eventId = `e-${Math.random()}`): IncomingMessage {
  return { platform: 'json', conversationKey: 'c1', userId: 'u1', text, eventId, receivedAt: 0 };
}

describe('the turn pipeline', () => {
  it('carries state from one turn to the next through the store', async () => {
    const store = createMemoryStore();
    const pipeline = createTurnPipeline({ privacy, nlu, dialogue: counting as DialoguePolicy, knowledge, store });
    await pipeline.handle(message('one'));
    const second = await pipeline.handle(message('two'));
    expect(second.step).toBe('2');
    expect(second.replies[0]?.text).toBe('turn 2\n\nFact B.');
    expect(second.citations).toEqual([{ source: 'guide', section: 'a#b', title: 'B' }]);
  });

  it('answers a repeated event id only once', async () => {
    const pipeline = createTurnPipeline({ privacy, nlu, dialogue: counting as DialoguePolicy, knowledge, store: createMemoryStore() });
    const first = await pipeline.handle(message('hi', 'same'));
    const again = await pipeline.handle(message('hi', 'same'));
    expect(first.duplicate).toBe(false);
    expect(again).toMatchObject({ duplicate: true, replies: [] });
  });

  it('apologises with a reference id and leaves the state as it was when a turn fails', async () => {
    const store = createMemoryStore();
    const pipeline = createTurnPipeline({ privacy, nlu, dialogue: counting as DialoguePolicy, knowledge, store });
    await pipeline.handle(message('one'));
    const failed = await pipeline.handle(message('boom'));
    expect(failed.errorRef).toMatch(/^[0-9a-f]{8}$/);
    expect(failed.replies[0]?.text).toContain(failed.errorRef);
    expect((await store.get('c1'))?.state).toEqual({ n: 1 });
  });

  it('gives later stages and listeners only the redacted text', async () => {
    const seen: string[] = [];
    const pipeline = createTurnPipeline({
      privacy,
      nlu: { parse: (t) => (seen.push(t), nlu.parse()) },
      dialogue: counting as DialoguePolicy,
      knowledge,
      store: createMemoryStore(),
      onTurn: (m) => void seen.push(m.text ?? ''),
    });
    const result = await pipeline.handle(message('card 4111111111111111 please'));
    expect(seen).toEqual(['card [card number] please', 'card [card number] please']);
    expect(result.redactions).toEqual(['card_number']);
  });

  it('starts fresh when the stored state can no longer be read', async () => {
    const store = createMemoryStore();
    await store.put({ key: 'c1', version: 1, state: { garbage: true }, updatedAt: 0 }, 0);
    const pipeline = createTurnPipeline({ privacy, nlu, dialogue: counting as DialoguePolicy, knowledge, store });
    const result = await pipeline.handle(message('hi'));
    expect(result.step).toBe('1');
    expect((await store.get('c1'))?.version).toBe(2);
  });
});
