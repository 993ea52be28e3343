/**
 * Prometheus metrics (prom-client) for `serve`: everything is observed from the runner's events
 * and from the store's calls, never from inside an adapter, so a new adapter is measured for free.
 * Labels are small closed sets (platform, intent, stage, error name…), never ids or text.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { AdapterState } from '../core/adapter.js';
import { createLruCache } from '../core/lru-cache.js';
import type { RunnerEventBus } from '../core/runner-events.js';
import type { TurnResult } from '../core/types.js';

export interface BotMetrics {
  readonly registry: Registry;
  /** Subscribes to a runner's events; returns the function that unsubscribes. */
  observe(events: Pick<RunnerEventBus, 'on'>): () => void;
  /** Times one store call (see instrumentStore). */
  storeCall(operation: string, outcome: 'ok' | 'error', seconds: number): void;
  /** The text exposition format, for GET /metrics. */
  render(): Promise<{ contentType: string; body: string }>;
}

const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export function createBotMetrics(options: { prefix?: string; processMetrics?: boolean } = {}): BotMetrics {
  const p = options.prefix ?? 'supportbot_';
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: p });
  const of = <T>(metric: T): T => metric;
  const turns = of(new Counter({ name: `${p}turns_total`, help: 'Turns the core answered (platform retries excluded)', labelNames: ['platform', 'kind'], registers: [registry] }));
  const turnSeconds = of(
    new Histogram({ name: `${p}turn_duration_seconds`, help: "The core's time for one turn (privacy guard, NLU, dialogue, knowledge, store)", labelNames: ['platform'], buckets: LATENCY_BUCKETS, registers: [registry] }),
  );
  const deliverSeconds = of(new Histogram({ name: `${p}delivery_duration_seconds`, help: "Posting one turn's replies to the platform", labelNames: ['platform'], buckets: LATENCY_BUCKETS, registers: [registry] }));
  const intents = of(new Counter({ name: `${p}intents_total`, help: 'Intents of typed messages', labelNames: ['intent'], registers: [registry] }));
  const outcomes = of(
    new Counter({ name: `${p}outcomes_total`, help: 'How conversations went: a guided flow ended (flow_ended) or was handed to a person (handoff)', labelNames: ['outcome', 'flow'], registers: [registry] }),
  );
  const handoffs = of(new Counter({ name: `${p}handoffs_total`, help: 'Handoffs to a person', labelNames: ['platform'], registers: [registry] }));
  const staffTold = of(new Counter({ name: `${p}staff_notifications_total`, help: 'Handoff summaries that reached the staff channel', labelNames: ['platform'], registers: [registry] }));
  const errors = of(new Counter({ name: `${p}errors_total`, help: 'Failures by stage (turn, deliver, staff, stage, listener) and error name', labelNames: ['stage', 'kind'], registers: [registry] }));
  const limited = of(new Counter({ name: `${p}rate_limited_total`, help: 'Messages refused by the per-user rate limit', labelNames: ['platform'], registers: [registry] }));
  const duplicates = of(new Counter({ name: `${p}duplicate_events_total`, help: 'Platform retries answered once', labelNames: ['platform'], registers: [registry] }));
  const storeSeconds = of(
    new Histogram({ name: `${p}store_operation_duration_seconds`, help: 'Conversation store calls', labelNames: ['operation', 'outcome'], buckets: LATENCY_BUCKETS, registers: [registry] }),
  );
  const reconnects = of(new Counter({ name: `${p}adapter_reconnects_total`, help: 'Times a platform connection dropped and was restored', labelNames: ['adapter'], registers: [registry] }));
  const live = of(new Counter({ name: `${p}live_agent_events_total`, help: 'Live agent: sessions opened, claimed, staff messages relayed, handed back, closed, expired', labelNames: ['event', 'platform'], registers: [registry] }));
  const adapterUp = of(new Gauge({ name: `${p}adapter_up`, help: '1 while the adapter is connected (ready)', labelNames: ['adapter'], registers: [registry] }));

  // The flow each conversation was last in, so a flow that ends is counted once (bounded memory).
  const lastFlow = createLruCache<string>({ maxEntries: 50_000 });
  function countOutcome(result: TurnResult): void {
    const before = lastFlow.get(result.conversationKey);
    if (result.handoff) outcomes.inc({ outcome: 'handoff', flow: result.flow ?? before ?? 'none' });
    else if (before !== undefined && result.flow === null && !result.rateLimited && result.errorRef === undefined) outcomes.inc({ outcome: 'flow_ended', flow: before });
    if (result.flow === null) lastFlow.delete(result.conversationKey);
    else lastFlow.set(result.conversationKey, result.flow);
  }

  const lastState = new Map<string, AdapterState>();
  return {
    registry,
    observe(events) {
      const off = [
        events.on('turn:finished', ({ turn, result, durationMs }) => {
          if (result.rateLimited) {
            limited.inc({ platform: turn.platform });
            return;
          }
          turns.inc({ platform: turn.platform, kind: turn.kind });
          turnSeconds.observe({ platform: turn.platform }, durationMs / 1000);
          if (turn.kind === 'text' && result.intent) intents.inc({ intent: result.intent });
          if (result.errorRef !== undefined) errors.inc({ stage: 'turn', kind: result.errorKind ?? 'Error' });
          if (result.handoff) handoffs.inc({ platform: turn.platform });
          countOutcome(result);
        }),
        events.on('turn:duplicate', ({ turn }) => duplicates.inc({ platform: turn.platform })),
        events.on('delivered', ({ turn, durationMs }) => deliverSeconds.observe({ platform: turn.platform }, durationMs / 1000)),
        events.on('staff:notified', ({ turn }) => staffTold.inc({ platform: turn.platform })),
        events.on('live', ({ event, platform }) => live.inc({ event, platform })),
        events.on('error', ({ stage, error }) => errors.inc({ stage, kind: error instanceof Error ? error.name : 'unknown' })),
        events.on('adapter:status', ({ adapter, status }) => {
          const before = lastState.get(adapter);
          lastState.set(adapter, status.state);
          adapterUp.set({ adapter }, status.state === 'ready' ? 1 : 0);
          if (status.state === 'ready' && before === 'reconnecting') reconnects.inc({ adapter });
        }),
      ];
      return () => off.forEach((unsubscribe) => unsubscribe());
    },
    storeCall(operation, outcome, seconds) {
      storeSeconds.observe({ operation, outcome }, seconds);
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
