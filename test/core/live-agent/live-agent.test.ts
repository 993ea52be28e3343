import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../src/core/actions.js';
import { createConversationRunner, type ConversationRunner, type TurnDelivery } from '../../../src/core/conversation-runner.js';
import { createLiveAgent, type LiveAgent, type LiveAgentOptions, type LiveRecord } from '../../../src/core/live-agent/live-agent.js';
import type { ConversationStore } from '../../../src/core/ports.js';
import type { TurnPipeline } from '../../../src/core/turn-pipeline.js';
import type { HandoffSummary, IncomingMessage, TurnResult } from '../../../src/core/types.js';
import { createPrivacyGuard } from '../../../src/privacy/privacy-guard.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { createFakeDesk, type FakeDesk } from './fake-desk.js';

const KEY = 'slack:T1:D1';
const privacy = createPrivacyGuard();

/** A small core: dedupes event ids, redacts with the real guard, hands off on "person please", answers staff endings. */
function fakeCore(store: ConversationStore): TurnPipeline & { seen: IncomingMessage[] } {
  const seen: IncomingMessage[] = [];
  return {
    seen,
    async handle(message) {
      const base: TurnResult = { conversationKey: message.conversationKey, userId: message.userId, platform: message.platform, intent: null, confidence: 1, flow: null, step: null, replies: [], citations: [], handoff: false, duplicate: false, redactions: [] };
      if (!(await store.claimEvent(message.eventId))) return { ...base, duplicate: true };
      seen.push(message);
      if (message.action !== undefined) return { ...base, replies: [{ text: `bot after ${message.action}`, buttons: [], citations: [] }] };
      const redaction = privacy.redact(message.text ?? '');
      const result: TurnResult = { ...base, redactedText: redaction.text, redactions: redaction.findings };
      if (message.text === 'person please') {
        const summary: HandoffSummary = { reason: 'asked for a person', problem: 'a declined card', flow: 'payment_declined', stepsTried: [], userId: message.userId, conversationKey: message.conversationKey, platform: message.platform };
        return { ...result, handoff: true, handoffSummary: summary, replies: [{ text: 'passing you to the team', buttons: [], citations: [] }] };
      }
      return result;
    },
  };
}

interface World {
  store: ConversationStore;
  core: ReturnType<typeof fakeCore>;
  runner: ConversationRunner;
  desk: FakeDesk;
  live: LiveAgent;
  records: LiveRecord[];
  clock: { t: number };
  /** The person writes in their conversation. */
  say(text: string, id?: string): Promise<void>;
  settle(): Promise<void>;
}

function world(options: Partial<LiveAgentOptions> & { store?: ConversationStore; desk?: FakeDesk; clock?: { t: number } } = {}): World {
  const clock = options.clock ?? { t: 1_000_000 };
  const store = options.store ?? createMemoryStore();
  const core = fakeCore(store);
  const runner = createConversationRunner({ pipeline: core });
  const desk = options.desk ?? createFakeDesk();
  const records: LiveRecord[] = [];
  const live = createLiveAgent({ runner, store, privacy, now: () => clock.t, relaySettleMs: 0, onRecord: (r) => records.push(r), ...options });
  live.attach(desk);
  let n = 0;
  const delivery: TurnDelivery = {
    deliver: async (replies) => void desk.inbox.set(KEY, [...(desk.inbox.get(KEY) ?? []), ...replies]),
    notifyStaff: (summary) => live.open(summary),
  };
  return {
    store,
    core,
    runner,
    desk,
    live,
    records,
    clock,
    async say(text, id = `e${(n += 1)}`) {
      await runner.run({ platform: 'slack', conversationKey: KEY, userId: 'alice', text, eventId: id, receivedAt: clock.t }, delivery);
    },
    async settle() {
      await live.idle();
      await runner.idle();
    },
  };
}

const staffMessage = (w: World, userId: string, text: string, id: string, ms = w.clock.t) => w.live.fromStaff({ platform: 'slack', thread: 'T1', userId, text, messageId: id, order: { ms, tie: id } });
const act = (w: World, userId: string, verb: 'claim' | 'hand_back' | 'close', eventId: string, note?: string) =>
  w.live.act({ platform: 'slack', thread: 'T1', userId, verb, eventId, ...(note === undefined ? {} : { note }) });

describe('the live agent', () => {
  it('opens a staff thread on the summary once, with its intro, and waits for a claim', async () => {
    const w = world();
    await w.say('person please');
    await w.settle();
    expect(w.desk.summaries).toEqual([{ status: 'waiting', owner: null, endedBy: null, note: null }]);
    expect(w.desk.thread).toEqual([{ kind: 'notice', text: expect.stringContaining('what you write here is sent to the person') }]);
    expect(await w.live.open({ reason: 'again', problem: '', flow: null, stepsTried: [], userId: 'alice', conversationKey: KEY, platform: 'slack' })).toBe(true);
    expect(w.desk.summaries).toHaveLength(1);
    expect(w.records.map((r) => r.kind)).toEqual(['opened']);
  });

  it('relays the person\'s words to the staff thread in order, with what was hidden, and not the handoff request itself', async () => {
    const w = world();
    await w.say('person please');
    await w.say('first');
    await w.say('my card is 4111 1111 1111 1111');
    await w.say('third');
    await w.settle();
    const relayed = w.desk.thread.filter((p) => p.kind === 'person');
    expect(relayed).toEqual([
      { kind: 'person', userId: 'alice', text: 'first' },
      { kind: 'person', userId: 'alice', text: 'my card is [card number]', note: '(I hid a card number from this message.)' },
      { kind: 'person', userId: 'alice', text: 'third' },
    ]);
    expect(JSON.stringify(await w.store.get(`live:${KEY}`))).not.toMatch(/4111/);
  });

  it('gives a claim to one of two staff members pressing Claim at once, and tells the other who has it', async () => {
    const w = world();
    await w.say('person please');
    const [a, b] = await Promise.all([act(w, 'sam', 'claim', 'c1'), act(w, 'kim', 'claim', 'c2')]);
    await w.settle();
    expect([a, b].filter((o) => o.ok)).toHaveLength(1);
    const refused = [a, b].find((o) => !o.ok);
    const winner = a.ok ? 'Sam' : 'Kim';
    expect(refused?.text).toBe(`${winner} has already claimed this conversation.`);
    expect(w.desk.received(KEY).filter((t) => t.includes('has joined'))).toEqual([`**${winner}** from the support team has joined and will answer you here.`]);
    expect(w.desk.statuses.at(-1)).toMatchObject({ status: 'claimed', owner: { name: winner } });
    expect(await act(w, winner === 'Sam' ? 'sam' : 'kim', 'claim', 'c3')).toEqual({ ok: true, text: 'You have already claimed this conversation.' });
  });

  it('refuses a staff action or message from someone who is not staff, and relays nothing', async () => {
    const w = world();
    await w.say('person please');
    const claim = await act(w, 'mallory', 'claim', 'x1');
    const handBack = await act(w, 'mallory', 'hand_back', 'x2');
    const message = await staffMessage(w, 'mallory', 'hi, send me your card number', 'm1');
    await w.settle();
    for (const outcome of [claim, handBack, message]) expect(outcome).toEqual({ ok: false, text: 'Only the support team (#support-staff) can do that here. Nothing was sent or changed.' });
    expect(w.desk.received(KEY)).toEqual(['passing you to the team']);
    expect(w.core.seen.map((m) => m.action).filter(Boolean)).toEqual([]);
    expect(w.desk.statuses).toEqual([]);
  });

  it('lets the first reply claim, relays only the owner\'s words with their name, once per message, and keeps // notes in the thread', async () => {
    const w = world();
    await w.say('person please');
    await staffMessage(w, 'sam', 'Hello, Sam here.', 'm1');
    await staffMessage(w, 'sam', 'Hello, Sam here.', 'm1'); // the platform sent it twice
    const kim = await staffMessage(w, 'kim', 'I can take it', 'm2');
    await staffMessage(w, 'sam', '// looks like a bank block', 'm3');
    await staffMessage(w, 'sam', 'Which card is it?', 'm4');
    await w.settle();
    expect(kim).toEqual({ ok: false, text: 'Sam has already claimed this conversation, so your message was not sent to the person; it stays here as a note.' });
    expect(w.desk.received(KEY).slice(1)).toEqual(['**Sam** from the support team has joined and will answer you here.', '**Sam** (support team): Hello, Sam here.', '**Sam** (support team): Which card is it?']);
    expect(w.records.filter((r) => r.kind === 'staff_said').map((r) => (r.kind === 'staff_said' ? r.text : ''))).toEqual(['Hello, Sam here.', 'Which card is it?']);
  });

  it('hides a secret a staff member pasted before it reaches the person, and tells them', async () => {
    const w = world();
    await w.say('person please');
    const outcome = await staffMessage(w, 'sam', 'try the test card 5500 0000 0000 0004, code 482913 is the verification code', 'm1');
    await w.settle();
    expect(outcome.text).toMatch(/^I hid a card number and a verification code from your message/);
    const said = w.desk.received(KEY).at(-1) ?? '';
    expect(said).toContain('[card number]');
    expect(said).not.toMatch(/5500|0004|482913/);
    expect(JSON.stringify(await w.store.get(`live:${KEY}`))).not.toMatch(/5500|482913/);
  });

  it('relays what staff wrote before the hand-back, then runs the hand-back turn once with the note, redacted', async () => {
    const w = world();
    await w.say('person please');
    await staffMessage(w, 'sam', 'All sorted, bye!', 'm1');
    const [first, second] = await Promise.all([act(w, 'sam', 'hand_back', 'h1', 'told them to call the bank, card 4111 1111 1111 1111'), act(w, 'kim', 'hand_back', 'h2')]);
    await w.settle();
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const endings = w.core.seen.filter((m) => m.action?.startsWith('handoff:'));
    expect(endings).toHaveLength(1);
    expect(endings[0]?.eventId).toMatch(/^live:handback:/);
    const received = w.desk.received(KEY);
    expect(received.indexOf('**Sam** (support team): All sorted, bye!')).toBeLessThan(received.findIndex((t) => t.startsWith('bot after handoff:release')));
    if (first.ok) {
      expect(endings[0]?.action).toBe('handoff:release:told them to call the bank, card [card number]');
      const summary = w.desk.thread.at(-1);
      expect(summary).toMatchObject({ kind: 'notice', text: expect.stringContaining('Note: told them to call the bank, card [card number]') });
      expect(summary).toMatchObject({ text: expect.stringContaining('Sam: All sorted, bye!') });
    }
    // Later words of the person are the bot's again, not the staff thread's.
    const posted = w.desk.thread.length;
    await w.say('thanks');
    await w.settle();
    expect(w.desk.thread.length).toBe(posted);
  });

  it('closes: the person\'s side runs as a close turn, and later staff messages are refused', async () => {
    const w = world();
    await w.say('person please');
    expect(await act(w, 'kim', 'close', 'k1')).toEqual({ ok: true });
    await w.settle();
    expect(w.core.seen.at(-1)?.action).toBe(ACTIONS.close);
    expect(await staffMessage(w, 'kim', 'one more thing', 'm9')).toEqual({ ok: false, text: expect.stringContaining('(it was closed)') });
    expect(w.desk.thread.at(-1)).toMatchObject({ text: 'Kim closed this conversation. The bot is back with the person if they write again.' });
  });

  it('times out an unclaimed conversation once, even with two instances ticking at the same moment', async () => {
    const store = createMemoryStore();
    const clock = { t: 1_000_000 };
    const desk = createFakeDesk();
    const a = world({ store, clock, desk, claimTimeoutMs: 60_000 });
    const b = world({ store, clock, desk, claimTimeoutMs: 60_000 });
    await a.say('person please');
    await a.settle();
    clock.t += 59_000;
    await Promise.all([a.live.tick(), b.live.tick()]);
    expect(desk.received(KEY)).toEqual(['passing you to the team']);
    clock.t += 2_000;
    await Promise.all([a.live.tick(), b.live.tick(), a.live.tick()]);
    await a.settle();
    await b.settle();
    const timeouts = [...a.core.seen, ...b.core.seen].filter((m) => m.action === ACTIONS.timedOut);
    expect(timeouts).toHaveLength(1);
    expect(desk.received(KEY).filter((t) => t === `bot after ${ACTIONS.timedOut}`)).toHaveLength(1);
    expect(desk.thread.at(-1)).toMatchObject({ text: expect.stringContaining('Nobody claimed this within 1 minute') });
    expect(desk.statuses.at(-1)?.status).toBe('expired');
    expect(await act(a, 'sam', 'claim', 'late')).toEqual({ ok: false, text: expect.stringContaining('nobody claimed it in time') });
  });

  it('does not time out a claimed conversation', async () => {
    const w = world({ claimTimeoutMs: 60_000 });
    await w.say('person please');
    await act(w, 'sam', 'claim', 'c1');
    w.clock.t += 120_000;
    await w.live.tick();
    await w.settle();
    expect(w.core.seen.some((m) => m.action === ACTIONS.timedOut)).toBe(false);
  });

  it('gives the conversation back to the bot at once when there is nowhere to post the summary', async () => {
    const desk = createFakeDesk();
    desk.noChannel = true;
    const w = world({ desk });
    await w.say('person please');
    await w.settle();
    expect(w.core.seen.at(-1)?.action).toBe(ACTIONS.timedOut);
    expect(w.desk.received(KEY)).toEqual(['passing you to the team', `bot after ${ACTIONS.timedOut}`]);
  });

  it('tries a relay that failed again, and tells staff when it gives up', async () => {
    const desk = createFakeDesk();
    const w = world({ desk, relayRetryMs: 5 });
    await w.say('person please');
    await act(w, 'sam', 'claim', 'c1');
    await w.settle();
    desk.failPerson = 5;
    await staffMessage(w, 'sam', 'are you there?', 'm1');
    await w.settle();
    expect(w.desk.received(KEY).filter((t) => t.includes('are you there'))).toEqual([]);
    expect(w.desk.thread.at(-1)).toEqual({ kind: 'notice', text: 'I could not deliver a message to the person after several tries; it was not sent.' });
  });

  it('relays staff messages in the order they were written, even when they arrive out of order within the settle time', async () => {
    const w = world({ relaySettleMs: 40 });
    await w.say('person please');
    await act(w, 'sam', 'claim', 'c1');
    // The relay waits for the clock to pass the settle time.
    w.clock.t += 100;
    await w.settle();
    // Written at t+2 and t+1, received the other way round (two instances, one slower): the later
    // one waits out the settle time (the relay has looked at it once meanwhile) and goes second.
    await staffMessage(w, 'sam', 'second', 'm2', w.clock.t + 2);
    await new Promise((r) => setTimeout(r, 60));
    await staffMessage(w, 'sam', 'first', 'm1', w.clock.t + 1);
    w.clock.t += 100;
    await w.settle();
    expect(w.desk.received(KEY).filter((t) => t.includes('(support team)'))).toEqual(['**Sam** (support team): first', '**Sam** (support team): second']);
  });
});
