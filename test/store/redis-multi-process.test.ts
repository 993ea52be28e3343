import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { spawnChat, type ChatProcess } from './chat-process.js';
import { deletePrefix, REDIS_URL, uniquePrefix } from './redis-helpers.js';

const prefix = uniquePrefix('cli');
const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix, LOG_LEVEL: 'silent' };
const running: ChatProcess[] = [];
function chat(args: string[] = [], extra: Record<string, string> = {}): ChatProcess {
  const p = spawnChat(args, { ...env, ...extra });
  running.push(p);
  return p;
}

/** The protocol's structure of a turn: where the conversation is and what kind of answer came back. */
const shape = (out: Record<string, unknown>) => ({
  error: out.error,
  intent: out.intent,
  flow: out.flow,
  step: out.step,
  replies: (out.replies as unknown[] | undefined)?.length,
  buttons: (out.replies as Array<{ buttons: unknown[] }> | undefined)?.map((r) => r.buttons.length),
  handoff: out.handoff,
});

async function storedVersion(conversation: string): Promise<number> {
  const client = new Redis(REDIS_URL ?? '');
  const version = await client.hget(`${prefix}conversation:cli:${conversation}`, 'v');
  await client.quit();
  return Number(version ?? 0);
}

const conversationTurns = [
  { text: 'my card was declined' },
  { text: 'it is a visa card' },
  { text: 'it says insufficient funds' },
  { text: 'I want to link my card to alipay' },
  { text: 'mastercard' },
  { text: 'thanks' },
];

describe.skipIf(!REDIS_URL)('several bot processes sharing one Redis', () => {
  // Started once for the whole file: two instances on one Redis, and a one-process reference.
  let a: ChatProcess;
  let b: ChatProcess;
  let single: ChatProcess;
  beforeAll(async () => {
    [a, b, single] = [chat(), chat(), chat(['--store', 'memory'])];
    await Promise.all([a, b, single].map((p, i) => p.send({ user: `warm-up-${i}`, text: 'hello' })));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(running.map((p) => p.end()));
    await deletePrefix(REDIS_URL ?? '', prefix);
  }, 60_000);

  it('continue each other\'s conversation turn by turn, exactly as one process would', async () => {
    // The same conversation in one process, as the reference.
    const reference = [];
    for (const turn of conversationTurns) reference.push(shape(await single.send({ user: 'ref', ...turn })));
    // Turns alternate between two processes; each must see where the other left the conversation.
    const alternating = [];
    for (const [i, turn] of conversationTurns.entries()) {
      const to = i % 2 === 0 ? a : b;
      alternating.push(shape(await to.send({ user: 'shared', ...turn })));
    }
    expect(alternating).toEqual(reference);
    expect(await storedVersion('shared')).toBe(conversationTurns.length);
    // Buttons answer from the other process too: the click lands in the flow the first one started.
    const offered = (a.outputs.at(-1)?.replies as Array<{ buttons: Array<{ value: string }> }> | undefined)?.flatMap((r) => r.buttons) ?? [];
    if (offered[0]) {
      const viaB = shape(await b.send({ user: 'shared', action: offered[0].value }));
      const viaRef = shape(await single.send({ user: 'ref', action: offered[0].value }));
      expect(viaB).toEqual(viaRef);
    }
  }, 120_000);

  it('answers an event delivered to both processes only once', async () => {
    const event = { user: 'dedupe', text: 'hello', id: `Ev-${prefix}` };
    const [fromA, fromB] = await Promise.all([a.send(event), b.send(event)]);
    const answered = [fromA, fromB].filter((o) => !o.duplicate);
    const duplicates = [fromA, fromB].filter((o) => o.duplicate === true);
    expect(answered).toHaveLength(1);
    expect((answered[0]?.replies as unknown[]).length).toBeGreaterThan(0);
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]?.replies).toEqual([]);
    expect(await storedVersion('dedupe')).toBe(1);
  }, 60_000);

  it('serialises simultaneous bursts to one conversation from two processes and loses no turn', async () => {
    const before = [a.outputs.length, b.outputs.length] as const;
    const burst = Array.from({ length: 30 }, (_, i) => ({ user: 'burst', text: i % 2 ? 'my card was declined' : 'visa' }));
    a.write(burst);
    b.write(burst);
    await Promise.all([a.waitFor(before[0] + 30, 60_000), b.waitFor(before[1] + 30, 60_000)]);
    for (const out of [...a.outputs.slice(before[0]), ...b.outputs.slice(before[1])]) expect(out.error).toBeUndefined();
    expect(await storedVersion('burst')).toBe(60);
  }, 90_000);
});
