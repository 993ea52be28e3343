import type { Logger } from './logger.js';

export type Listener<P> = (payload: P) => void;

/** A typed publish/subscribe over a map of event names to payloads. */
export interface EventBus<Events extends object> {
  /** Subscribes; returns the function that unsubscribes. */
  on<E extends keyof Events>(event: E, listener: Listener<Events[E]>): () => void;
  emit<E extends keyof Events>(event: E, payload: Events[E]): void;
}

/**
 * Listeners observe, they never steer: they run synchronously in subscription order, and one that
 * throws is logged and skipped, so a broken metrics hook can never fail a person's turn.
 * (Node's EventEmitter would rethrow, and treats an 'error' event without listeners as a crash.)
 */
export function createEventBus<Events extends object>(logger: Logger): EventBus<Events> {
  const listeners = new Map<keyof Events, Set<Listener<never>>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as Listener<never>);
      listeners.set(event, set);
      return () => void set.delete(listener as Listener<never>);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          (listener as Listener<typeof payload>)(payload);
        } catch (error) {
          logger.warn({ event: String(event), err: error instanceof Error ? error.message : String(error) }, 'an event listener failed; ignored');
        }
      }
    },
  };
}
