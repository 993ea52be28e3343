/**
 * The adapter contract. An adapter connects one platform (Slack, Discord, the terminal) to the
 * core; it has the shape of Bolt's Receiver: `start` connects and begins handing messages to the
 * ConversationRunner, `stop` disconnects and waits for turns in progress. Adapters do transport
 * only: they turn platform events into IncomingMessage, give the runner a TurnDelivery that
 * renders Reply[] for their platform, and report how their connection stands.
 */
import type { RunnerEventBus } from './runner-events.js';

/**
 * `stopped` before start and after stop; `starting` while connecting; `ready` when messages flow;
 * `reconnecting` while the platform connection is down and being restored; `failed` when start
 * gave up (the detail says why).
 */
export type AdapterState = 'stopped' | 'starting' | 'ready' | 'reconnecting' | 'failed';

export interface AdapterStatus {
  state: AdapterState;
  /** Epoch milliseconds of the last change. */
  since: number;
  detail?: string;
}

export interface Adapter {
  /** `slack`, `discord`, `terminal`: names the adapter in logs, events and readiness. */
  readonly name: string;
  /** Connects; resolves once messages can flow, rejects with a named error when it cannot. */
  start(): Promise<void>;
  /** Disconnects and waits (bounded) for turns in progress to deliver. Safe to call twice. */
  stop(): Promise<void>;
  status(): AdapterStatus;
}

export interface AdapterStatusTracker {
  get(): AdapterStatus;
  set(state: AdapterState, detail?: string): void;
}

/** Keeps an adapter's status and announces each change as an `adapter:status` event on the runner. */
export function trackAdapterStatus(adapter: string, events: Pick<RunnerEventBus, 'emit'>, now: () => number = Date.now): AdapterStatusTracker {
  let status: AdapterStatus = { state: 'stopped', since: now() };
  return {
    get: () => status,
    set(state, detail) {
      if (state === status.state && detail === status.detail) return;
      status = { state, since: now(), ...(detail === undefined ? {} : { detail }) };
      events.emit('adapter:status', { adapter, status });
    },
  };
}
