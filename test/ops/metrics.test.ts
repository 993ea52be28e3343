import { describe, expect, it } from 'vitest';
import { trackAdapterStatus } from '../../src/core/adapter.js';
import { createEventBus } from '../../src/core/event-bus.js';
import { silentLogger } from '../../src/core/logger.js';
import type { RunnerEvents, TurnRef } from '../../src/core/runner-events.js';
import type { TurnResult } from '../../src/core/types.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createBotMetrics } from '../../src/ops/metrics.js';
import { instrumentStore } from '../../src/ops/instrument-store.js';

const turn = (conversationKey = 'c1', kind: TurnRef['kind'] = 'text'): TurnRef => ({ platform: 'discord', conversationKey, userId: 'u1', eventId: 'e', kind });
const result = (over: Partial<TurnResult> = {}): TurnResult => ({
  conversationKey: 'c1',
  userId: 'u1',
  platform: 'discord',
  intent: 'payment_declined',
  confidence: 0.9,
  flow: null,
  step: null,
  replies: [],
  citations: [],
  handoff: false,
  duplicate: false,
  redactions: [],
  ...over,
});

function setup() {
  const metrics = createBotMetrics({ processMetrics: false });
  const events = createEventBus<RunnerEvents>(silentLogger());
  metrics.observe(events);
  const value = async (name: string, labels: Record<string, string> = {}) => {
    const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
    const match = metric?.values.find((v) => Object.entries(labels).every(([k, l]) => (v.labels as Record<string, unknown>)[k] === l));
    return match?.value ?? 0;
  };
  return { metrics, events, value };
}

describe('the metrics, from the runner events', () => {
  it('count turns, their latency and the intents of typed messages, but not platform retries', async () => {
    const { events, value, metrics } = setup();
    events.emit('turn:finished', { turn: turn(), result: result(), durationMs: 3 });
    events.emit('turn:finished', { turn: turn('c1', 'action'), result: result({ intent: null }), durationMs: 1 });
    events.emit('turn:duplicate', { turn: turn() });
    expect(await value('supportbot_turns_total', { platform: 'discord', kind: 'text' })).toBe(1);
    expect(await value('supportbot_turns_total', { platform: 'discord', kind: 'action' })).toBe(1);
    const { body } = await metrics.render();
    expect(body).toMatch(/^supportbot_turn_duration_seconds_bucket\{le="0\.0025",platform="discord"\} 1$/m);
    expect(body).toMatch(/^supportbot_turn_duration_seconds_count\{platform="discord"\} 2$/m);
    expect(await value('supportbot_intents_total', { intent: 'payment_declined' })).toBe(1);
    expect(await value('supportbot_duplicate_events_total', { platform: 'discord' })).toBe(1);
  });

  it('count a rate-limited message as such, not as a turn', async () => {
    const { events, value } = setup();
    events.emit('turn:finished', { turn: turn(), result: result({ intent: null, rateLimited: true }), durationMs: 0.1 });
    expect(await value('supportbot_rate_limited_total', { platform: 'discord' })).toBe(1);
    expect(await value('supportbot_turns_total')).toBe(0);
  });

  it('count errors by stage and error name, from failed turns and from error events', async () => {
    const { events, value } = setup();
    events.emit('turn:finished', { turn: turn(), result: result({ intent: null, errorRef: 'abcd1234', errorKind: 'StoreUnavailableError' }), durationMs: 1 });
    events.emit('error', { stage: 'deliver', error: new TypeError('socket hang up'), turn: turn() });
    expect(await value('supportbot_errors_total', { stage: 'turn', kind: 'StoreUnavailableError' })).toBe(1);
    expect(await value('supportbot_errors_total', { stage: 'deliver', kind: 'TypeError' })).toBe(1);
  });

  it('count outcomes: a flow that ends, and a handoff (once each), and staff told', async () => {
    const { events, value } = setup();
    events.emit('turn:finished', { turn: turn('a'), result: result({ conversationKey: 'a', flow: 'link_card', step: 'ask' }), durationMs: 1 });
    events.emit('turn:finished', { turn: turn('a'), result: result({ conversationKey: 'a', flow: 'link_card', step: 'done' }), durationMs: 1 });
    events.emit('turn:finished', { turn: turn('a'), result: result({ conversationKey: 'a', flow: null }), durationMs: 1 });
    events.emit('turn:finished', { turn: turn('a'), result: result({ conversationKey: 'a', flow: null }), durationMs: 1 });
    const summary = { conversationKey: 'b', userId: 'u1', platform: 'discord' as const, reason: 'asked', problem: '', stepsTried: [], flow: 'payment_declined' };
    events.emit('turn:finished', { turn: turn('b'), result: result({ conversationKey: 'b', flow: 'payment_declined', handoff: true, handoffSummary: summary }), durationMs: 1 });
    events.emit('staff:notified', { turn: turn('b'), summary });
    expect(await value('supportbot_outcomes_total', { outcome: 'flow_ended', flow: 'link_card' })).toBe(1);
    expect(await value('supportbot_outcomes_total', { outcome: 'handoff', flow: 'payment_declined' })).toBe(1);
    expect(await value('supportbot_handoffs_total', { platform: 'discord' })).toBe(1);
    expect(await value('supportbot_staff_notifications_total', { platform: 'discord' })).toBe(1);
  });

  it('count an adapter reconnect when its connection comes back, and show whether it is up', async () => {
    const { events, value } = setup();
    const status = trackAdapterStatus('slack', events);
    status.set('starting');
    status.set('ready');
    expect(await value('supportbot_adapter_up', { adapter: 'slack' })).toBe(1);
    status.set('reconnecting');
    expect(await value('supportbot_adapter_up', { adapter: 'slack' })).toBe(0);
    status.set('ready');
    expect(await value('supportbot_adapter_reconnects_total', { adapter: 'slack' })).toBe(1);
  });

  it('render the Prometheus text format', async () => {
    const { events, metrics } = setup();
    events.emit('turn:finished', { turn: turn(), result: result(), durationMs: 2 });
    const { contentType, body } = await metrics.render();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('# TYPE supportbot_turns_total counter');
    expect(body).toMatch(/^supportbot_turns_total\{platform="discord",kind="text"\} 1$/m);
  });
});

describe('the timed store', () => {
  it('times each call by operation and outcome, and keeps the store working as before', async () => {
    const timed: Array<[string, string]> = [];
    const store = instrumentStore(createMemoryStore(), (operation, outcome) => timed.push([operation, outcome]));
    await store.withLock('k', async () => {
      expect(await store.get('k')).toBeUndefined();
      await store.put({ key: 'k', version: 1, state: {}, updatedAt: 1 }, 0);
    });
    await expect(store.put({ key: 'k', version: 2, state: {}, updatedAt: 2 }, 0)).rejects.toThrow(/lost update/);
    expect(await store.claimEvent('e')).toBe(true);
    expect(timed).toEqual([
      ['lock', 'ok'],
      ['get', 'ok'],
      ['put', 'ok'],
      ['put', 'error'],
      ['claim_event', 'ok'],
    ]);
    expect(store.records).toBeTypeOf('function');
  });
});
