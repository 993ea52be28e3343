// `npm run bench`: measures the performance budgets (docs/operations.md) in one run, prints a table and writes JSON to
// bench/results/latest.json. Each figure says what it measured; see README "Performance".
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as CoreTurnPipeline from '../src/core/turn-pipeline.js';
import type * as Entry from '../src/index.js';
import { defaultQuestionFiles, readQuestions, searchOptionsOf } from '../src/knowledge/evaluate-retrieval.js';
import { DEFAULT_INDEX_PATH } from '../src/knowledge/knowledge-paths.js';
import type * as LoadKnowledge from '../src/knowledge/load-knowledge.js';
import type * as OpenStore from '../src/store/open-store.js';
import { percentiles, timeMs, timeMsAsync } from './stats.js';
import { hostileInputWorst } from './privacy-workload.js';
import { createTurnDriver } from './turn-workload.js';
import { lengthDistribution, timeUnderstanding, understandingWorkload } from './understanding-workload.js';
import { classificationWorkload } from './workload.js';

const root = fileURLToPath(new URL('..', import.meta.url));

// What is timed in this process is the shipped build (dist/, what `npm start` runs; `npm run bench`
// compiles it first), not the sources run through tsx, which cost 15-30% more CPU per call.
const built = (file: string): Promise<unknown> => import(new URL(`../dist/${file}`, import.meta.url).href);
if (!existsSync(path.join(root, 'dist', 'index.js'))) throw new Error('bench: dist/ is missing; run it as `npm run bench` (it compiles first)');
const { createSupportbot } = (await built('index.js')) as typeof Entry;
const { createTurnPipeline } = (await built('core/turn-pipeline.js')) as typeof CoreTurnPipeline;
const { openStore } = (await built('store/open-store.js')) as typeof OpenStore;
const { loadKnowledgeBaseSync } = (await built('knowledge/load-knowledge.js')) as typeof LoadKnowledge;
const quick = process.argv.includes('--quick');
type Row = { metric: string; value: string; budget: string; ok: boolean | null };
const rows: Row[] = [];
const json: Record<string, unknown> = { date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, quick };
const ratio = (x: number) => x.toFixed(x < 10 ? 1 : 0);
const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
const log = (s: string) => process.stderr.write(`bench: ${s}\n`);

// --- Parts, loaded once ---------------------------------------------------------------------
const bot = await createSupportbot({ store: { kind: 'memory' } });
const { nlu, knowledge } = bot.parts;
const workload = classificationWorkload(quick ? 1000 : 10_003);

// --- Classification -------------------------------------------------------------------------
log(`classification over ${workload.texts.length} utterances (${workload.source})`);
// Warm-up: let V8 compile the hot paths before timing, as in a long-running bot.
for (const t of workload.texts.slice(0, 1000)) nlu.parse(t);
const classify = percentiles(workload.texts.map((t) => timeMs(() => nlu.parse(t))));
json.classification = classify;
rows.push({ metric: 'classification p50 / p99', value: `${fmt(classify.p50)} / ${fmt(classify.p99)}`, budget: 'p99 < 0.5 ms', ok: classify.p99 < 0.5 });

// --- Understanding of real-style messages, the call a turn makes --------------------------------
// nlu.parse(text, context) as step-conversation.ts calls it: intent ranking + facts + status +
// asks-question, against the row's context when it has one. Issue budget: p99 < 1 ms per message.
{
  const items = await understandingWorkload(bot.parts.cleaner, bot.parts.privacy);
  const lengths = lengthDistribution(items);
  log(`understanding over ${items.length} real-style messages (dev3 + test), ${lengths.withContext} with context; words p50 ${lengths.words.p50}, p90 ${lengths.words.p90}, max ${lengths.words.max}`);
  const u = timeUnderstanding(nlu, items, quick ? 5 : 20);
  json.understanding = { ...u, lengths };
  const long = u.byLength['25+ words'];
  rows.push({
    metric: `understanding p50 / p99 / max, ${items.length} real-style msgs (words p50 ${lengths.words.p50}, p90 ${lengths.words.p90}, max ${lengths.words.max})`,
    value: `${fmt(u.wall.p50)} / ${fmt(u.wall.p99)} / ${fmt(u.wall.max)}`,
    budget: 'p99 < 1 ms',
    ok: u.wall.p99 < 1,
  });
  rows.push({ metric: 'understanding CPU time p50 / p99 (the load of other work not counted)', value: `${fmt(u.cpu.p50)} / ${fmt(u.cpu.p99)}`, budget: 'measured', ok: null });
  rows.push({ metric: `understanding, each message's fastest of ${u.rounds} calls, p50 / p99 / max`, value: `${fmt(u.bestPerMessage.p50)} / ${fmt(u.bestPerMessage.p99)} / ${fmt(u.bestPerMessage.max)}`, budget: 'measured', ok: null });
  if (long) rows.push({ metric: `understanding p50 / p99, the ${lengths.wordBuckets['25+ words']} messages of 25+ words`, value: `${fmt(long.p50)} / ${fmt(long.p99)}`, budget: 'measured', ok: null });
}

// --- The same workload through NLP.js, for the ratio ------------------------------------------
try {
  const require = createRequire(import.meta.url);
  const { NlpManager } = require('node-nlp') as { NlpManager: new (o: object) => NlpManagerLike };
  interface NlpManagerLike {
    addDocument(lang: string, text: string, intent: string): void;
    train(): Promise<void>;
    process(lang: string, text: string): Promise<unknown>;
  }
  const rowsJsonl = spawnSync(process.execPath, [path.join(root, 'bin/supportbot.js'), 'intents', '--jsonl'], {
    encoding: 'utf8',
    env: { ...process.env, SUPPORTBOT_FROM_SOURCE: '1' },
    // The utterances outgrew spawnSync's 1 MB default, which cut the JSONL mid-line.
    maxBuffer: 64 * 1024 * 1024,
  }).stdout;
  const manager = new NlpManager({ languages: ['en'], nlu: { log: false }, autoSave: false, autoLoad: false });
  for (const line of rowsJsonl.split('\n').filter(Boolean)) {
    const r = JSON.parse(line) as { text: string; intent: string };
    manager.addDocument('en', r.text, r.intent);
  }
  log('training NLP.js on the same intents/ utterances');
  await manager.train();
  const sample = workload.texts.slice(0, quick ? 300 : 1000);
  for (const t of sample.slice(0, 50)) await manager.process('en', t);
  const samples: number[] = [];
  for (const t of sample) samples.push(await timeMsAsync(() => manager.process('en', t)));
  const nlpjs = percentiles(samples);
  json.nlpjsClassification = nlpjs;
  rows.push({
    metric: 'NLP.js classification p50 / p99',
    value: `${fmt(nlpjs.p50)} / ${fmt(nlpjs.p99)} (${ratio(nlpjs.p50 / classify.p50)}× ours at p50)`,
    budget: 'comparison',
    ok: null,
  });
} catch (error) {
  log(`NLP.js comparison skipped: ${error instanceof Error ? error.message : String(error)}`);
}

// --- Retrieval ------------------------------------------------------------------------------
const questions = workload.texts.slice(0, quick ? 1000 : 5000);
for (const q of questions.slice(0, 1000)) knowledge.search(q, { limit: 3 });
const retrieval = percentiles(questions.map((q) => timeMs(() => knowledge.search(q, { limit: 3 }))));
json.retrieval = retrieval;
rows.push({ metric: 'retrieval p50 / p99', value: `${fmt(retrieval.p50)} / ${fmt(retrieval.p99)}`, budget: 'p99 < 1 ms', ok: retrieval.p99 < 1 });
// The knowledge question sets (real-style, follow-ups with their context), 20 rounds each.
{
  const sets = defaultQuestionFiles().flatMap((file) => readQuestions(file));
  const searches = sets.map((q) => [q.q, searchOptionsOf(q)] as const);
  for (const [q, options] of searches) knowledge.search(q, options);
  const samples: number[] = [];
  for (let r = 0; r < (quick ? 5 : 20); r += 1) for (const [q, options] of searches) samples.push(timeMs(() => knowledge.search(q, options)));
  const kbRetrieval = percentiles(samples);
  json.retrievalQuestionSets = { ...kbRetrieval, questions: searches.length };
  rows.push({
    metric: `retrieval p50 / p99, ${searches.length} knowledge questions`,
    value: `${fmt(kbRetrieval.p50)} / ${fmt(kbRetrieval.p99)}`,
    budget: 'p99 < 1 ms',
    ok: kbRetrieval.p99 < 1,
  });
  const indexBytes = statSync(DEFAULT_INDEX_PATH).size;
  const loads = Array.from({ length: 5 }, () => timeMs(() => loadKnowledgeBaseSync({ writeIndex: false })));
  json.knowledgeIndex = { bytes: indexBytes, loadMs: loads };
  rows.push({ metric: 'knowledge index size', value: `${(indexBytes / 1e6).toFixed(2)} MB`, budget: '< 5 MB', ok: indexBytes < 5e6 });
  rows.push({ metric: 'knowledge index load (median of 5)', value: fmt(percentiles(loads).p50), budget: 'measured', ok: null });
}

// --- The privacy guard and the log hook on hostile 100k-character input ----------------------
const hostile = hostileInputWorst();
json.privacyHostileInput = hostile;
rows.push({
  metric: 'privacy guard / log hook, worst hostile 100k-char input',
  value: `${fmt(hostile.guardMs)} / ${fmt(hostile.logHookMs)} (pump ${JSON.stringify(hostile.worstPump)})`,
  budget: '< 1 s each',
  ok: hostile.guardMs < 1000 && hostile.logHookMs < 1000,
});

// --- Full turn latency with 10, 10,000 and 100,000 stored conversations (lowdb) ---------------
const sizes = quick ? [10, 10_000] : [10, 10_000, 100_000];
json.turnLatency = {};
for (const size of sizes) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-bench-'));
  const store = await openStore({ kind: 'lowdb', path: path.join(dir, 'store.json') });
  // A realistic stored state: the one a real conversation reaches after two turns.
  const seedPipeline = createTurnPipeline({ ...bot.parts, store });
  const seedDriver = createTurnDriver(seedPipeline, ['bench:seed']);
  await seedDriver();
  await seedDriver();
  const template = (await store.get('bench:seed'))?.state;
  log(`seeding ${size} conversations into lowdb`);
  const seedStart = Date.now();
  for (let i = 0; i < size; i += 1) {
    await store.put({ key: `bench:c${i}`, version: 1, state: template, updatedAt: Date.now() }, 0);
  }
  const seedSeconds = (Date.now() - seedStart) / 1000;
  const pipeline = createTurnPipeline({ ...bot.parts, store });
  const keys = Array.from({ length: Math.min(size, 200) }, (_, i) => `bench:c${Math.floor((i * size) / Math.min(size, 200))}`);
  const next = createTurnDriver(pipeline, keys);
  for (let i = 0; i < 200; i += 1) await next();
  const samples: number[] = [];
  for (let i = 0; i < (quick ? 500 : 2000); i += 1) samples.push(await timeMsAsync(next));
  const p = percentiles(samples);
  (json.turnLatency as Record<string, unknown>)[String(size)] = { ...p, seedSeconds };
  rows.push({
    metric: `turn p50 / p99, ${size.toLocaleString('en')} stored`,
    value: `${fmt(p.p50)} / ${fmt(p.p99)}`,
    budget: size === 100_000 ? 'p99 < 2 ms' : 'p99 < 2 ms (must not grow)',
    ok: p.p99 < 2,
  });
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
await bot.close();

if (!existsSync(path.join(root, 'dist/cli/main.js'))) {
  log('building dist/ for the cold-start measurement');
  spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
}

// --- Turns per second on one core, and memory after 10,000 turns ------------------------------
// Measured on the real CLI process (`chat --json` with the lowdb store), pinned to one core with
// taskset when available: 10,000 turns over 500 conversations, timed from the first reply to the last.
function throughputRun(turns: number): Promise<{ turnsPerSecond: number; rssMb: number; pinned: boolean }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-bench-tp-'));
  const pinned = spawnSync('taskset', ['--version']).status === 0;
  const cli = [path.join(root, 'bin/supportbot.js'), 'chat', '--json', '--store', path.join(dir, 'store.json')];
  const options = { cwd: root, env: { ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '1000000' } };
  const child = pinned ? spawn('taskset', ['-c', '0', process.execPath, ...cli], options) : spawn(process.execPath, cli, options);
  return new Promise((resolve, reject) => {
    let seen = 0;
    let first = 0n;
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts) {
        if (line.includes('"error"')) return reject(new Error(`turn failed: ${line.slice(0, 200)}`));
        seen += 1;
        if (seen === 1) first = process.hrtime.bigint();
        if (seen === turns) {
          const seconds = Number(process.hrtime.bigint() - first) / 1e9;
          const status = existsSync(`/proc/${child.pid}/status`) ? readFileSync(`/proc/${child.pid}/status`, 'utf8') : '';
          const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
          child.stdin.end();
          child.once('exit', () => rmSync(dir, { recursive: true, force: true }));
          resolve({ turnsPerSecond: (turns - 1) / seconds, rssMb: rssKb / 1024, pinned });
        }
      }
    });
    child.once('error', reject);
    const script = ['hi', 'my card was declined when paying on alibaba', 'it says insufficient funds', 'no', 'how much are the fees?', 'thanks', 'how do I link my visa card', 'what is the tour pass', 'cancel', 'bye'];
    const lines = Array.from({ length: turns }, (_, i) => JSON.stringify({ user: `tp-${i % 500}`, text: script[Math.floor(i / 500) % script.length] }));
    child.stdin.write(`${lines.join('\n')}\n`);
  });
}
{
  const tp = await throughputRun(quick ? 2000 : 10_000);
  json.throughput = tp;
  rows.push({
    metric: `turns per second, one core${tp.pinned ? ' (taskset -c 0)' : ''}`,
    value: tp.turnsPerSecond.toFixed(0),
    budget: '≥ 2,000',
    ok: tp.turnsPerSecond >= 2000,
  });
  rows.push({
    metric: `resident memory of chat --json after ${quick ? '2,000' : '10,000'} turns`,
    value: `${tp.rssMb.toFixed(0)} MB`,
    budget: '< 150 MB',
    ok: tp.rssMb < 150,
  });
}

// --- Cold start of `supportbot chat --json` to the first reply --------------------------------
function coldStartOnce(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [path.join(root, 'bin/supportbot.js'), 'chat', '--json', '--store', 'memory'], {
      cwd: root,
      env: { ...process.env, LOG_LEVEL: 'silent' },
    });
    child.stdout.once('data', () => {
      resolve(Number(process.hrtime.bigint() - started) / 1e6);
      child.stdin.end();
    });
    child.once('error', reject);
    child.stdin.write('{"user":"bench","text":"hello"}\n');
  });
}
{
  await coldStartOnce(); // the first run warms the OS file cache
  const samples: number[] = [];
  for (let i = 0; i < 5; i += 1) samples.push(await coldStartOnce());
  const p = percentiles(samples);
  json.coldStart = { samples, median: p.p50, max: Math.max(...samples) };
  rows.push({ metric: 'cold start of chat --json to first reply (median of 5)', value: fmt(p.p50), budget: '< 600 ms', ok: p.p50 < 600 });
}

// --- Two processes sharing Redis -----------------------------------------------------------
if (process.env.REDIS_URL) {
  const perProcess = quick ? 300 : 1500;
  const runProcess = (id: number) =>
    new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, 'bin/supportbot.js'), 'chat', '--json'], {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000' },
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      let lines = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        lines += chunk.toString().split('\n').length - 1;
      });
      child.once('exit', (code) => (code === 0 && lines === perProcess ? resolve() : reject(new Error(`process ${id}: exit ${code}, ${lines} lines`))));
      const script = ['hi', 'my card was declined', 'how much are the fees?', 'thanks'];
      const input = Array.from({ length: perProcess }, (_, i) =>
        JSON.stringify({ user: `bench-${id}-${i % 50}`, conversation: `bench-redis-${Date.now()}-${i % 100}`, text: script[i % script.length] }),
      ).join('\n');
      child.stdin.end(`${input}\n`);
    });
  const t = Date.now();
  try {
    await Promise.all([runProcess(1), runProcess(2)]);
    const seconds = (Date.now() - t) / 1000;
    const tps = (2 * perProcess) / seconds;
    json.redisTwoProcesses = { turns: 2 * perProcess, seconds, turnsPerSecond: tps };
    rows.push({ metric: 'turns per second, two processes on one Redis', value: tps.toFixed(0), budget: 'measured', ok: null });
  } catch (error) {
    rows.push({ metric: 'turns per second, two processes on one Redis', value: `failed: ${String(error)}`, budget: 'measured', ok: false });
  }
} else {
  rows.push({ metric: 'turns per second, two processes on one Redis', value: 'skipped: REDIS_URL is not set', budget: 'measured', ok: null });
}

// --- Report ---------------------------------------------------------------------------------
json.rows = rows;
mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/latest.json'), `${JSON.stringify(json, null, 2)}\n`);
const w = [Math.max(...rows.map((r) => r.metric.length)), Math.max(...rows.map((r) => r.value.length)), Math.max(...rows.map((r) => r.budget.length))];
const line = (a: string, b: string, c: string, d: string) => `| ${a.padEnd(w[0] ?? 0)} | ${b.padEnd(w[1] ?? 0)} | ${c.padEnd(w[2] ?? 0)} | ${d} |`;
console.log(line('metric', 'measured', 'budget', 'ok'));
console.log(line('-'.repeat(w[0] ?? 0), '-'.repeat(w[1] ?? 0), '-'.repeat(w[2] ?? 0), '--'));
for (const r of rows) console.log(line(r.metric, r.value, r.budget, r.ok === null ? '' : r.ok ? 'yes' : 'NO'));
console.log(`\nwritten: bench/results/latest.json`);
