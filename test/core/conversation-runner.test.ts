import { describe, expect, it } from 'vitest';
import { createConversationRunner, type TurnDelivery } from '../../src/core/conversation-runner.js';
import type { RunnerEvents } from '../../src/core/runner-events.js';
import type { TurnHooks, TurnPipeline } from '../../src/core/turn-pipeline.js';
import type { IncomingMessage, Reply, TurnResult } from '../../src/core/types.js';
import { createCaptureLogger } from './capture-logger.js';

let n = 0;
function message(text: string, conversationKey = 'c1'): IncomingMessage {
  n += 1;
  return { platform: 'slack', conversationKey, userId: 'u1', text, eventId: `ev-${n}`, receivedAt: 0 };
}

function resultFor(m: IncomingMessage, replies: string[], extra: Partial<TurnResult> = {}): TurnResult {
  return {
    conversationKey: m.conversationKey,
    userId: m.userId,
    platform: m.platform,
    intent: null,
    confidence: 1,
    flow: null,
    step: null,
    replies: replies.map((text) => ({ text, buttons: [], citations: [] })),
    citations: [],
    handoff: false,
    duplicate: false,
    redactions: [],
    ...extra,
  };
}

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A core that answers "X" with after a delay that shrinks with each message, so later messages would overtake. */
function numberedCore(): TurnPipeline {
  let delay = 30;
  return {
    async handle(m) {
      delay = Math.max(0, delay - 10);
      await tick(delay);
      return resultFor(m, [1, 2, 3].map((i) => `${m.text}-${i}`));
    },
  };
}

/** A delivery that posts slowly, one reply at a time, into `posted`. */
function slowDelivery(posted: string[]): TurnDelivery {
  return {
    async deliver(replies: readonly Reply[]) {
      for (const reply of replies) {
        await tick(3);
        posted.push(reply.text);
      }
    },
  };
}

function record(events: RunnerEvents[keyof RunnerEvents][], runner: ReturnType<typeof createConversationRunner>) {
  for (const name of ['turn:started', 'turn:finished', 'turn:duplicate', 'delivered', 'staff:notified', 'error'] as const) {
    runner.on(name, (payload) => events.push({ ...payload, name } as never));
  }
}

describe('the conversation runner', () => {
  it('delivers every reply of a message before any reply of the next one in the same conversation', async () => {
    const runner = createConversationRunner({ pipeline: numberedCore() });
    const posted: string[] = [];
    await Promise.all(['A', 'B', 'C'].map((t) => runner.run(message(t), slowDelivery(posted))));
    expect(posted).toEqual(['A-1', 'A-2', 'A-3', 'B-1', 'B-2', 'B-3', 'C-1', 'C-2', 'C-3']);
  });

  it('lets other conversations go on meanwhile', async () => {
    const runner = createConversationRunner({ pipeline: numberedCore() });
    const order: string[] = [];
    let release!: () => void;
    const held = runner.exclusive('busy', () => new Promise<void>((r) => (release = r)));
    await runner.run(message('other', 'quiet'), { deliver: async (replies) => void order.push(...replies.map((r) => r.text)) });
    expect(order).toEqual(['other-1', 'other-2', 'other-3']);
    release();
    await held;
  });

  it('runs exclusive work in the conversation order, between turns', async () => {
    const runner = createConversationRunner({ pipeline: numberedCore() });
    const posted: string[] = [];
    const first = runner.run(message('A'), slowDelivery(posted));
    const relay = runner.exclusive('c1', async () => void posted.push('staff: hello'));
    const second = runner.run(message('B'), slowDelivery(posted));
    await Promise.all([first, relay, second]);
    expect(posted).toEqual(['A-1', 'A-2', 'A-3', 'staff: hello', 'B-1', 'B-2', 'B-3']);
  });

  it('announces started, finished and delivered, with the turn and no text', async () => {
    const runner = createConversationRunner({ pipeline: numberedCore() });
    const events: Array<Record<string, unknown>> = [];
    record(events as never, runner);
    const m = message('secret words');
    const outcome = await runner.run(m, { deliver: async () => {} });
    expect(outcome.status).toBe('delivered');
    expect(events.map((e) => e.name)).toEqual(['turn:started', 'turn:finished', 'delivered']);
    const turn = { platform: 'slack', conversationKey: 'c1', userId: 'u1', eventId: m.eventId, kind: 'text' };
    expect(events[0]).toMatchObject({ turn });
    expect(events[1]).toMatchObject({ turn, durationMs: expect.any(Number) });
    expect(events[2]).toMatchObject({ turn, replies: 3 });
    expect(JSON.stringify(events.map(({ name, turn }) => ({ name, turn })))).not.toContain('secret words');
  });

  it('does nothing for a duplicate but say so', async () => {
    const runner = createConversationRunner({ pipeline: { handle: async (m) => resultFor(m, ['x'], { duplicate: true }) } });
    const events: Array<Record<string, unknown>> = [];
    record(events as never, runner);
    let delivered = false;
    const outcome = await runner.run(message('again'), { deliver: async () => void (delivered = true) });
    expect(outcome.status).toBe('duplicate');
    expect(delivered).toBe(false);
    expect(events.map((e) => e.name)).toEqual(['turn:started', 'turn:duplicate']);
  });

  it('tells staff about a handoff, even when the person’s copy failed to post', async () => {
    const summary = { reason: 'asked for a person', problem: 'declined', flow: null, stepsTried: [], userId: 'u1', conversationKey: 'c1', platform: 'slack' as const };
    const runner = createConversationRunner({ pipeline: { handle: async (m) => resultFor(m, ['passing you on'], { handoff: true, handoffSummary: summary }) } });
    const events: Array<Record<string, unknown>> = [];
    record(events as never, runner);
    const told: unknown[] = [];
    const outcome = await runner.run(message('a person please'), {
      deliver: async () => Promise.reject(new Error('channel_not_found')),
      notifyStaff: async (s) => void told.push(s),
    });
    expect(outcome).toMatchObject({ status: 'failed', error: expect.any(Error) });
    expect(told).toEqual([summary]);
    expect(events.map((e) => e.name)).toEqual(['turn:started', 'turn:finished', 'error', 'staff:notified']);
    expect(events[2]).toMatchObject({ stage: 'deliver' });
  });

  it('does not claim staff were told when the adapter had nowhere to tell them', async () => {
    const summary = { reason: 'r', problem: 'p', flow: null, stepsTried: [], userId: 'u1', conversationKey: 'c1', platform: 'slack' as const };
    const runner = createConversationRunner({ pipeline: { handle: async (m) => resultFor(m, ['ok'], { handoff: true, handoffSummary: summary }) } });
    const events: Array<Record<string, unknown>> = [];
    record(events as never, runner);
    await runner.run(message('person'), { deliver: async () => {}, notifyStaff: async () => false });
    expect(events.map((e) => e.name)).not.toContain('staff:notified');
  });

  it('answers with an apology and a reference when the core rejects the message, and keeps going', async () => {
    const { logger, records } = createCaptureLogger();
    let calls = 0;
    const runner = createConversationRunner({
      logger,
      pipeline: {
        handle: async (m) => {
          calls += 1;
          if (calls === 1) throw new Error('invalid incoming message');
          return resultFor(m, ['fine']);
        },
      },
    });
    const posted: string[] = [];
    const failed = await runner.run(message('first'), { deliver: async (replies) => void posted.push(...replies.map((r) => r.text)) });
    await runner.run(message('second'), { deliver: async (replies) => void posted.push(...replies.map((r) => r.text)) });
    expect(failed.status).toBe('failed');
    expect(posted[0]).toMatch(/^Sorry, something went wrong on my side\..*quote reference [0-9a-f]{8}/);
    expect(posted[1]).toBe('fine');
    const logged = records().find((r) => String(r.msg).startsWith('message not handled'));
    expect(logged).toMatchObject({ level: 50, conversationKey: 'c1', err: 'invalid incoming message' });
  });

  it('passes the delivery’s secret remover to the core as a turn hook', async () => {
    let seen: TurnHooks | undefined;
    const runner = createConversationRunner({
      pipeline: {
        handle: async (m, hooks) => {
          seen = hooks;
          return resultFor(m, [`exposure: ${(await hooks?.removeSecret?.(['card_number'])) ?? 'none'}`]);
        },
      },
    });
    const posted: string[] = [];
    await runner.run(message('4111…'), { deliver: async (r) => void posted.push(r[0]?.text ?? ''), removeSecret: async () => 'removed' });
    await runner.run(message('no remover'), { deliver: async (r) => void posted.push(r[0]?.text ?? '') });
    expect(posted).toEqual(['exposure: removed', 'exposure: none']);
    expect(seen).toEqual({});
  });

  it('runs stages after delivery, in order, and survives one that fails', async () => {
    const runner = createConversationRunner({ pipeline: numberedCore() });
    const order: string[] = [];
    const errors: unknown[] = [];
    runner.on('error', (e) => errors.push(e.stage));
    runner.use({ name: 'broken', afterDeliver: async () => Promise.reject(new Error('relay down')) });
    const remove = runner.use({ name: 'relay', afterDeliver: async ({ result }) => void order.push(`relay ${result.replies.length}`) });
    await runner.run(message('A'), { deliver: async () => void order.push('delivered') });
    remove();
    await runner.run(message('B'), { deliver: async () => void order.push('delivered') });
    expect(order).toEqual(['delivered', 'relay 3', 'delivered']);
    expect(errors).toEqual(['stage', 'stage']);
  });

  it('keeps a broken event listener from failing the turn', async () => {
    const { logger, records } = createCaptureLogger();
    const runner = createConversationRunner({ pipeline: numberedCore(), logger });
    runner.on('turn:finished', () => {
      throw new Error('metrics exploded');
    });
    const outcome = await runner.run(message('A'), { deliver: async () => {} });
    expect(outcome.status).toBe('delivered');
    expect(records().some((r) => r.msg === 'an event listener failed; ignored' && r.event === 'turn:finished')).toBe(true);
  });

  it('is idle only once every queued turn has been delivered', async () => {
    const runner = createConversationRunner({ pipeline: numberedCore() });
    const posted: string[] = [];
    void runner.run(message('A'), slowDelivery(posted));
    void runner.run(message('B'), slowDelivery(posted));
    await runner.idle();
    expect(posted).toHaveLength(6);
  });
});
