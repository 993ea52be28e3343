/**
 * The insights recorder: on the turn's path it only builds one small record and puts it in a
 * buffer (well under 0.1 ms, see bench/insights-bench.ts); a timer writes the buffer to the store
 * in one batch. Insights are statistics, not state: a crash loses at most the last interval's
 * records, and a store that fails costs records, never a turn.
 */
import { toInsightRecord, type InsightRecord, type InsightsStore } from '../core/insight-record.js';
import { silentLogger, type Logger } from '../core/logger.js';
import type { InsightsSink } from '../core/ports.js';

export interface InsightsRecorderOptions {
  store: InsightsStore;
  /** Records older than this many days are dropped (checked at start and then every 6 hours). */
  retentionDays: number;
  flushIntervalMs?: number;
  /** Write at once when this many records wait. */
  flushBatch?: number;
  /** At most this many records wait while the store is failing; older ones are dropped first. */
  maxBuffered?: number;
  now?: () => number;
  logger?: Logger;
}

export interface InsightsRecorder extends InsightsSink {
  /** Writes what waits now. */
  flush(): Promise<void>;
  /** Flushes, stops the timers and closes the store. */
  close(): Promise<void>;
}

const DAY_MS = 86_400_000;
const PRUNE_EVERY_MS = 6 * 3_600_000;

export function createInsightsRecorder(options: InsightsRecorderOptions): InsightsRecorder {
  const { store } = options;
  const logger = options.logger ?? silentLogger();
  const now = options.now ?? Date.now;
  const flushBatch = options.flushBatch ?? 1000;
  const maxBuffered = options.maxBuffered ?? 100_000;
  let buffer: InsightRecord[] = [];
  let writing: Promise<void> | undefined;
  let failing = false;
  let closed = false;

  async function writeOnce(): Promise<void> {
    const batch = buffer;
    buffer = [];
    try {
      await store.append(batch);
      if (failing) logger.info('insights: the store takes records again');
      failing = false;
    } catch (error) {
      // Keep them for the next try, in order; past the bound the oldest go first.
      buffer = [...batch, ...buffer].slice(-maxBuffered);
      if (!failing) logger.warn({ err: String(error), waiting: buffer.length }, 'insights: could not write records; will retry');
      failing = true;
    }
  }
  function flush(): Promise<void> {
    if (!writing && buffer.length > 0) {
      writing = writeOnce().finally(() => {
        writing = undefined;
      });
    }
    return writing ?? Promise.resolve();
  }
  const flushInBackground = () => void flush();
  const prune = () => {
    store.prune(now() - options.retentionDays * DAY_MS).catch((error: unknown) => logger.warn({ err: String(error) }, 'insights: could not drop old records'));
  };
  const timer = setInterval(flushInBackground, options.flushIntervalMs ?? 250);
  timer.unref();
  const pruneTimer = setInterval(prune, PRUNE_EVERY_MS);
  pruneTimer.unref();
  prune();

  return {
    recordTurn(message, result) {
      if (closed) return;
      try {
        const record = toInsightRecord(message, result);
        if (!record) return;
        buffer.push(record);
        if (buffer.length >= flushBatch) flushInBackground();
      } catch (error) {
        logger.warn({ err: String(error) }, 'insights: could not record a turn');
      }
    },
    async flush() {
      await writing;
      await flush();
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      clearInterval(pruneTimer);
      await writing;
      await flush();
      await store.close();
    },
  };
}
