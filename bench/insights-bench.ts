// Insights budgets (docs/insights.md): recording adds under 0.1 ms to a turn; the report for
// 100,000 stored conversations builds in under 10 s and is under 2 MB. Run alone with
// `npm run bench:insights` (or `npx tsx bench/insights-bench.ts --quick`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flowOutlines } from '../src/cli/insights/report-context.js';
import type { InsightRecord } from '../src/core/insight-record.js';
import { createTurnPipeline } from '../src/core/turn-pipeline.js';
import type { IncomingMessage, TurnResult } from '../src/core/types.js';
import { createSupportbot } from '../src/index.js';
import { createInsightsRecorder } from '../src/insights/recorder.js';
import { loadIntents } from '../src/nlu/load-intents.js';
import { openFileInsights } from '../src/store/insights/file-insights.js';
import { insightsDirOf } from '../src/store/insights/open-insights.js';
import { createMemoryStore } from '../src/store/memory-store.js';
import buildDist from '../test/support/build-dist.js';
import { percentiles, timeMs } from './stats.js';
import { createTurnDriver } from './turn-workload.js';

const root = fileURLToPath(new URL('..', import.meta.url));
export type BenchRow = { metric: string; value: string; budget: string; ok: boolean | null };
const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

/** Seeded, so every run stores the same 100,000 conversations. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** What recording costs a turn: the recorder's call on the turn's path, and whole turns with and without it. */
export async function recordingCost(quick: boolean): Promise<{ rows: BenchRow[]; json: Record<string, unknown> }> {
  const bot = await createSupportbot({ store: { kind: 'memory' } });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-bench-insights-'));
  const recorder = createInsightsRecorder({ store: openFileInsights(dir), retentionDays: 90 });
  const seen: Array<[IncomingMessage, TurnResult]> = [];
  const parts = { ...bot.parts };
  const plain = createTurnPipeline({ ...parts, store: createMemoryStore() });
  const recorded = createTurnPipeline({ ...parts, store: createMemoryStore(), onTurn: (m, r) => recorder.recordTurn(m, r) });
  const capture = createTurnPipeline({ ...parts, store: createMemoryStore(), onTurn: (m, r) => void seen.push([m, r]) });
  const n = quick ? 2000 : 10_000;
  const keys = Array.from({ length: 200 }, (_, i) => `bench-${i}`);
  // Real turn results to record, then the recorder's own call on them.
  const driveCapture = createTurnDriver(capture, keys);
  for (let i = 0; i < n; i++) await driveCapture();
  for (const [m, r] of seen.slice(0, 1000)) recorder.recordTurn(m, r);
  const call = percentiles(seen.map(([m, r]) => timeMs(() => recorder.recordTurn(m, r))));
  // Whole turns, the two pipelines interleaved so the machine's noise hits both alike.
  const a = createTurnDriver(plain, keys);
  const b = createTurnDriver(recorded, keys.map((k) => `${k}-r`));
  for (let i = 0; i < 1000; i++) {
    await a();
    await b();
  }
  const without: number[] = [];
  const withRec: number[] = [];
  for (let i = 0; i < n; i++) {
    let t = process.hrtime.bigint();
    await a();
    without.push(Number(process.hrtime.bigint() - t) / 1e6);
    t = process.hrtime.bigint();
    await b();
    withRec.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  const p0 = percentiles(without);
  const p1 = percentiles(withRec);
  // The machine is shared: a turn now and then waits for another process. Medians, and means
  // without the slowest 1% of each side, compare like with like.
  const trimmed = (xs: number[]) => {
    const kept = [...xs].sort((x, y) => x - y).slice(0, Math.floor(xs.length * 0.99));
    return kept.reduce((s, x) => s + x, 0) / kept.length;
  };
  const meanDelta = trimmed(withRec) - trimmed(without);
  // The batch write happens off the turn's path; its cost per record, for the record.
  await recorder.flush();
  const batch = seen.length;
  const flushStore = openFileInsights(path.join(dir, 'flush'));
  const flushRecorder = createInsightsRecorder({ store: flushStore, retentionDays: 90, flushIntervalMs: 3_600_000, flushBatch: 10 ** 9 });
  for (const [m, r] of seen) flushRecorder.recordTurn(m, r);
  const t = process.hrtime.bigint();
  await flushRecorder.flush();
  const flushPerRecord = Number(process.hrtime.bigint() - t) / 1e6 / batch;
  await flushRecorder.close();
  await recorder.close();
  await bot.close();
  rmSync(dir, { recursive: true, force: true });
  const delta = p1.p50 - p0.p50;
  return {
    json: { call, turnWithout: p0, turnWith: p1, p50DeltaMs: delta, trimmedMeanDeltaMs: meanDelta, flushPerRecordMs: flushPerRecord },
    rows: [
      { metric: 'insights: recorder call on the turn path, p50 / p99', value: `${fmt(call.p50)} / ${fmt(call.p99)}`, budget: 'p99 < 0.1 ms', ok: call.p99 < 0.1 },
      { metric: 'insights: whole turn p50 without / with recording (difference; 99% trimmed means differ by)', value: `${fmt(p0.p50)} / ${fmt(p1.p50)} (${delta >= 0 ? '+' : ''}${fmt(delta)}; ${meanDelta >= 0 ? '+' : ''}${fmt(meanDelta)})`, budget: '< +0.1 ms', ok: delta < 0.1 && meanDelta < 0.1 },
      { metric: 'insights: batch write to the lowdb folder, per record (off the turn path)', value: fmt(flushPerRecord), budget: 'measured', ok: null },
    ],
  };
}

/** 100,000 conversations (about 520,000 turns) over 30 days, written as the recorder writes them. */
export async function seedConversations(file: string, conversations: number): Promise<number> {
  const store = openFileInsights(insightsDirOf(file));
  const rand = random(18);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;
  const { examples } = await loadIntents();
  const flows = flowOutlines();
  const words = [...new Set(examples.flatMap((e) => e.text.toLowerCase().split(/\s+/)))];
  const now = Date.now();
  let turns = 0;
  let batch: InsightRecord[] = [];
  for (let i = 0; i < conversations; i++) {
    const c = `${i.toString(16).padStart(16, '0')}`;
    let at = now - Math.floor(rand() * 29 * 86_400_000);
    const flow = rand() < 0.6 ? pick(flows) : undefined;
    const length = 2 + Math.floor(rand() * 8);
    for (let k = 0; k < length; k++) {
      at += 5000 + Math.floor(rand() * 60_000);
      const example = pick(examples);
      const misunderstood = rand() < 0.12;
      // Misunderstood messages are new phrasings: a training sentence with words swapped in.
      const text = misunderstood ? example.text.split(' ').map((w) => (rand() < 0.3 ? pick(words) : w)).join(' ') : example.text;
      const step = flow && k < flow.steps.length && rand() < 0.8 ? flow.steps[Math.min(k, flow.steps.length - 1)] : undefined;
      const record: InsightRecord = { v: 1, at, c, p: pick(['slack', 'discord', 'json'] as const), intent: example.intent, conf: misunderstood ? rand() * 0.4 : 0.5 + rand() / 2, flow: step && flow ? flow.id : null, step: step ?? null };
      if (rand() < 0.25 && k > 0) {
        record.action = 'answer:x';
      } else record.text = text;
      if (misunderstood && rand() < 0.5) record.signals = [{ kind: rand() < 0.5 ? 'fallback' : 'no_answer' }];
      if (k === length - 1) {
        const r = rand();
        if (r < 0.1) record.handoff = true;
        else if (r < 0.4 && flow) record.signals = [{ kind: 'flow_done', flow: flow.id, step: 'done', success: rand() < 0.7 }, { kind: 'feedback_offered' }];
        else if (r < 0.5) {
          record.feedback = rand() < 0.7 ? 'up' : 'down';
          delete record.text;
          record.action = `feedback:${record.feedback}`;
        }
      }
      batch.push(record);
      turns++;
    }
    if (batch.length > 20_000) {
      await store.append(batch);
      batch = [];
    }
  }
  await store.append(batch);
  return turns;
}

/** The real `supportbot report` command, in its own process, over the seeded store. */
export async function reportAt100k(quick: boolean): Promise<{ rows: BenchRow[]; json: Record<string, unknown> }> {
  const conversations = quick ? 20_000 : 100_000;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-bench-report-'));
  const file = path.join(dir, 'supportbot.json');
  log(`insights: seeding ${conversations.toLocaleString('en')} conversations`);
  const turns = await seedConversations(file, conversations);
  const stored = statSync(insightsDirOf(file)).isDirectory() ? spawnSync('du', ['-sm', insightsDirOf(file)], { encoding: 'utf8' }).stdout.split('\t')[0] : '?';
  // The command runs the compiled dist/: compile it first when a source is newer.
  buildDist();
  const out = path.join(dir, 'report.html');
  const runs: number[] = [];
  const cpu: number[] = [];
  // GNU time gives the child's CPU seconds: on a shared machine the wall clock also counts the others' work.
  const gnuTime = spawnSync('/usr/bin/time', ['-f', '%e', 'true']).status === 0;
  for (let i = 0; i < (quick ? 1 : 3); i++) {
    const args = [path.join(root, 'bin/supportbot.js'), 'report', '--store', file, '--since', '30d', '--out', out];
    const t = process.hrtime.bigint();
    const run = gnuTime
      ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } })
      : spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent' } });
    runs.push(Number(process.hrtime.bigint() - t) / 1e9);
    if (run.status !== 0) throw new Error(`report failed: ${run.stderr}`);
    const m = /cpu ([\d.]+) ([\d.]+)/.exec(run.stderr);
    if (m) cpu.push(Number(m[1]) + Number(m[2]));
  }
  const load = os.loadavg()[0] ?? 0;
  const bytes = statSync(out).size;
  rmSync(dir, { recursive: true, force: true });
  const median = [...runs].sort((a, b) => a - b)[Math.floor(runs.length / 2)] ?? 0;
  return {
    json: { conversations, turns, storedMb: stored, seconds: runs, cpuSeconds: cpu, loadAverage: load, bytes },
    rows: [
      { metric: `insights: report for ${conversations.toLocaleString('en')} conversations (${turns.toLocaleString('en')} turns, ${stored} MB stored), whole command, median of ${runs.length} (load average ${load.toFixed(1)})`, value: `${median.toFixed(2)} s wall${cpu.length > 0 ? `, ${Math.min(...cpu).toFixed(2)}–${Math.max(...cpu).toFixed(2)} s CPU` : ''}`, budget: '< 10 s', ok: median < 10 },
      { metric: 'insights: report page size', value: `${(bytes / 1024).toFixed(0)} KB`, budget: '< 2 MB', ok: bytes < 2 * 1024 * 1024 },
    ],
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const quick = process.argv.includes('--quick');
  const a = await recordingCost(quick);
  const b = await reportAt100k(quick);
  for (const row of [...a.rows, ...b.rows]) process.stdout.write(`${row.ok === false ? '✗' : row.ok ? '✓' : '·'} ${row.metric}: ${row.value} (budget ${row.budget})\n`);
  process.stdout.write(`${JSON.stringify({ recording: a.json, report: b.json })}\n`);
}
