/**
 * One error boundary per adapter, in the style of grammY's `bot.catch`: every listener an adapter
 * registers with its platform library is wrapped, so whatever it throws reaches one handler (with
 * the adapter, the listener and ids for context) instead of the library or the process.
 */
import { SupportbotError } from './errors.js';
import type { Logger } from './logger.js';
import type { RunnerEventBus } from './runner-events.js';

/** A listener failed; `error` is what it threw, `context` holds ids (never message text). */
export class AdapterError extends SupportbotError {
  constructor(
    readonly adapter: string,
    readonly listener: string,
    readonly error: unknown,
    readonly context: Record<string, unknown> = {},
  ) {
    super(`${adapter} ${listener} listener failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

export type AdapterErrorHandler = (error: AdapterError) => void | Promise<void>;

export interface ErrorBoundary {
  /** Wraps a listener; `context` picks ids from its arguments for the error. The wrapper never rejects. */
  wrap<A extends unknown[]>(listener: string, fn: (...args: A) => Promise<void>, context?: (...args: A) => Record<string, unknown>): (...args: A) => Promise<void>;
  /** Hands an error caught elsewhere (the platform library's own error event) to the same handler. */
  report(listener: string, error: unknown, context?: Record<string, unknown>): Promise<void>;
  /** Replaces the handler (the default logs and emits an `error` event with stage `listener`). */
  catch(handler: AdapterErrorHandler): void;
  /** Resolves once every wrapped listener that has started has finished (a clean stop, tests). */
  idle(): Promise<void>;
}

export function createErrorBoundary(adapter: string, logger: Logger, events?: Pick<RunnerEventBus, 'emit'>): ErrorBoundary {
  const inflight = new Set<Promise<void>>();
  let handler: AdapterErrorHandler = (error) => {
    logger.error({ listener: error.listener, ...error.context, err: error.message }, `${adapter}: listener failed`);
  };

  async function report(error: AdapterError): Promise<void> {
    events?.emit('error', { stage: 'listener', error: error.error, adapter, listener: error.listener });
    try {
      await handler(error);
    } catch (failure) {
      // The handler itself failed: the last resort is the log.
      logger.error({ listener: error.listener, err: error.message, handlerErr: String(failure) }, `${adapter}: error handler failed`);
    }
  }

  return {
    wrap(listener, fn, context) {
      return async (...args) => {
        const work = (async () => {
          try {
            await fn(...args);
          } catch (error) {
            let ids: Record<string, unknown> = {};
            try {
              ids = context?.(...args) ?? {};
            } catch {
              // Context is best effort; the error itself matters more.
            }
            await report(new AdapterError(adapter, listener, error, ids));
          }
        })();
        inflight.add(work);
        try {
          await work;
        } finally {
          inflight.delete(work);
        }
      };
    },
    report: (listener, error, context) => report(new AdapterError(adapter, listener, error, context)),
    catch(next) {
      handler = next;
    },
    async idle() {
      // One turn of the event loop first: an event acknowledged a moment ago may not have reached its listener yet.
      await new Promise((resolve) => setImmediate(resolve));
      while (inflight.size > 0) await Promise.allSettled([...inflight]);
    },
  };
}
