/**
 * Measures what one turn costs the conversation store (get + put) as the number of stored
 * conversations grows, and how long a cold open takes.
 *
 *   npx tsx scripts/store-bench.ts [--sizes 10,10000,100000] [--turns 2000] [--redis URL] [--json]
 *
 * lowdb always; Redis too when --redis or REDIS_URL is given (keys under a throwaway prefix, deleted after).
 * `runStoreBench()` is exported for the benchmark suite.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ConversationStore } from '../src/core/ports.js';
import { openLowdbStore } from '../src/store/lowdb-store.js';
import { openRedisStore } from '../src/store/redis-store.js';

export interface Percentiles {
  p50: number;
  p99: number;
}
/** Microseconds, over `turns` turns (get + put) on randomly chosen stored conversations. */
export interface TurnMeasurement {
  getUs: Percentiles;
  putUs: Percentiles;
  turnUs: Percentiles;
  turnsPerSecond: number;
  /** 1-minute load average of the machine while measuring: other work on it shows in the p99. */
  loadAverage: number;
}
export interface StoreBenchRow {
  store: 'lowdb' | 'redis';
  conversations: number;
  /** Opening a store that already holds `conversations` (ms). */
  openMs: number;
  /** Back-to-back turns: the store's own cost (lowdb: its background flush waits until after). */
  burst: TurnMeasurement;
  /** One turn per event-loop tick, so lowdb's background flush runs between turns as in a server. */
  sustained: TurnMeasurement;
  seedSeconds: number;
}
export interface StoreBenchOptions {
  sizes?: number[];
  turns?: number;
  redisUrl?: string;
  log?: (line: string) => void;
}

/** A dialogue state of a realistic size (a flow in progress with a few slots and a history). */
function stateOf(i: number, turn: number): unknown {
  return {
    flow: 'payment_declined',
    step: 'ask_error_kind',
    slots: { cardNetwork: i % 2 ? 'visa' : 'mastercard', currency: 'USD', amount: 120 + i },
    history: Array.from({ length: 6 }, (_, t) => ({ intent: 'payment_declined', at: 1_700_000_000_000 + t, step: `s${t}` })),
    turns: turn,
    lastActiveAt: 1_700_000_000_000 + turn,
  };
}

function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? Number.NaN;
  return { p50: Math.round(at(0.5) * 10) / 10, p99: Math.round(at(0.99) * 10) / 10 };
}

const microsSince = (start: bigint) => Number(process.hrtime.bigint() - start) / 1000;

async function seed(store: ConversationStore, count: number, concurrency = 64): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      await store.put({ key: `bench:${i}`, version: 1, state: stateOf(i, 1), updatedAt: 1_700_000_000_000 }, 0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

async function measureTurns(
  store: ConversationStore,
  count: number,
  turns: number,
  yieldBetween: boolean,
): Promise<TurnMeasurement> {
  const gets: number[] = [];
  const puts: number[] = [];
  const totals: number[] = [];
  const started = process.hrtime.bigint();
  for (let t = 0; t < turns; t++) {
    const key = `bench:${Math.floor(Math.random() * count)}`;
    const t0 = process.hrtime.bigint();
    const record = await store.get(key);
    gets.push(microsSince(t0));
    const version = record?.version ?? 0;
    const t1 = process.hrtime.bigint();
    await store.put({ key, version: version + 1, state: stateOf(t, version + 1), updatedAt: Date.now() }, version);
    puts.push(microsSince(t1));
    totals.push(microsSince(t0));
    // Sustained: give the event loop a turn between turns, as a server does; background flushes run here.
    if (yieldBetween) await new Promise((resolve) => setImmediate(resolve));
  }
  const seconds = microsSince(started) / 1e6;
  return {
    getUs: percentiles(gets),
    putUs: percentiles(puts),
    turnUs: percentiles(totals),
    turnsPerSecond: Math.round(turns / seconds),
    loadAverage: Math.round((os.loadavg()[0] ?? 0) * 10) / 10,
  };
}

async function benchLowdb(count: number, turns: number): Promise<StoreBenchRow> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-store-bench-'));
  const file = path.join(dir, 'store.json');
  try {
    const seedStart = process.hrtime.bigint();
    const seeding = await openLowdbStore(file, { flushBatch: 20_000 });
    await seed(seeding, count);
    await seeding.close();
    const seedSeconds = microsSince(seedStart) / 1e6;
    const openStart = process.hrtime.bigint();
    // A fresh open: nothing cached, every first read of a conversation goes to its file.
    const store = await openLowdbStore(file);
    const openMs = microsSince(openStart) / 1000;
    const burst = await measureTurns(store, count, turns, false);
    const sustained = await measureTurns(store, count, turns, true);
    await store.close();
    return { store: 'lowdb', conversations: count, openMs: Math.round(openMs * 100) / 100, seedSeconds: Math.round(seedSeconds * 10) / 10, burst, sustained };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchRedis(url: string, count: number, turns: number): Promise<StoreBenchRow> {
  const keyPrefix = `supportbot-bench-${process.pid}-${Date.now()}:`;
  const seedStart = process.hrtime.bigint();
  const seeding = await openRedisStore(url, { keyPrefix });
  await seed(seeding, count);
  await seeding.close();
  const seedSeconds = microsSince(seedStart) / 1e6;
  const openStart = process.hrtime.bigint();
  const store = await openRedisStore(url, { keyPrefix });
  const openMs = microsSince(openStart) / 1000;
  try {
    const burst = await measureTurns(store, count, turns, false);
    const sustained = await measureTurns(store, count, turns, true);
    return { store: 'redis', conversations: count, openMs: Math.round(openMs * 100) / 100, seedSeconds: Math.round(seedSeconds * 10) / 10, burst, sustained };
  } finally {
    // Remove the throwaway keys.
    let cursor = '0';
    do {
      const [next, keys] = await store.client.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await store.client.unlink(...keys);
    } while (cursor !== '0');
    await store.close();
  }
}

export async function runStoreBench(options: StoreBenchOptions = {}): Promise<StoreBenchRow[]> {
  const sizes = options.sizes ?? [10, 10_000, 100_000];
  const turns = options.turns ?? 2000;
  const log = options.log ?? (() => undefined);
  const rows: StoreBenchRow[] = [];
  for (const size of sizes) {
    const row = await benchLowdb(size, turns);
    log(formatRow(row));
    rows.push(row);
  }
  if (options.redisUrl) {
    for (const size of sizes) {
      const row = await benchRedis(options.redisUrl, size, turns);
      log(formatRow(row));
      rows.push(row);
    }
  }
  return rows;
}

export function formatRow(r: StoreBenchRow): string {
  const pct = (p: Percentiles) => `${p.p50}/${p.p99}`;
  const line = (label: string, m: TurnMeasurement) =>
    `  ${label.padEnd(9)} get ${pct(m.getUs).padStart(13)} µs  put ${pct(m.putUs).padStart(13)} µs  turn ${pct(m.turnUs).padStart(13)} µs (p50/p99)  ${m.turnsPerSecond} turns/s  load ${m.loadAverage}`;
  return [
    `${r.store} with ${r.conversations} conversations: open ${r.openMs} ms (seeded in ${r.seedSeconds} s)`,
    line('burst', r.burst),
    line('sustained', r.sustained),
  ].join('\n');
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = argValue('--sizes')?.split(',').map(Number);
  const turns = argValue('--turns');
  const redisUrl = argValue('--redis') ?? process.env.REDIS_URL;
  const json = process.argv.includes('--json');
  const rows = await runStoreBench({
    ...(sizes ? { sizes } : {}),
    ...(turns ? { turns: Number(turns) } : {}),
    ...(redisUrl ? { redisUrl } : {}),
    log: json ? () => undefined : (line) => console.log(line),
  });
  if (json) console.log(JSON.stringify(rows, null, 2));
}
