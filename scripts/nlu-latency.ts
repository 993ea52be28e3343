/**
 * Classification latency of the shipped model (intent + entities, the pipeline's NLU stage), plus
 * the model file's size and load time. Warm-up first, then every utterance of the file is timed
 * alone: wall time with process.hrtime, CPU time with process.cpuUsage (microseconds).
 * Usage: npx tsx scripts/nlu-latency.ts [--test FILE.jsonl] [--min 3000]
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createIntentClassifier } from '../src/nlu/create-classifier.js';
import { ensureModel } from '../src/nlu/ensure-model.js';
import { readLabelledJsonl } from '../src/nlu/evaluation/read-jsonl.js';
import { readModelFile } from '../src/nlu/model-file.js';
import { DEFAULT_MODEL_PATH } from '../src/nlu/paths.js';

const { values: args } = parseArgs({ options: { test: { type: 'string', default: '../shared/data/banking77-dev.jsonl' }, min: { type: 'string', default: '3000' } } });
const { model, trained } = await ensureModel();
if (trained) console.log('(the model was stale and has been retrained first)');
const loadStart = process.hrtime.bigint();
await readModelFile(DEFAULT_MODEL_PATH);
const loadMs = Number(process.hrtime.bigint() - loadStart) / 1e6;
const bytes = (await stat(DEFAULT_MODEL_PATH)).size;

const rows = await readLabelledJsonl(args.test);
const texts = rows.map((r) => r.text);
while (texts.length < Number(args.min)) texts.push(...texts.slice(0, Number(args.min) - texts.length));
const classifier = createIntentClassifier(model);
for (const text of texts.slice(0, 500)) classifier.parse(text);

const wall: number[] = [];
const cpu: number[] = [];
for (const text of texts) {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  classifier.parse(text);
  wall.push(Number(process.hrtime.bigint() - start) / 1e6);
  const used = process.cpuUsage(cpuStart);
  cpu.push((used.user + used.system) / 1000);
}
const at = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(q * values.length) - 1)] ?? 0;
const ms = (x: number) => `${x.toFixed(3)} ms`;
console.log(`${texts.length} utterances: wall p50 ${ms(at(wall, 0.5))}, p99 ${ms(at(wall, 0.99))}; CPU p50 ${ms(at(cpu, 0.5))}, p99 ${ms(at(cpu, 0.99))}`);
console.log(`model file ${(bytes / 1e6).toFixed(2)} MB, read and parsed in ${loadMs.toFixed(1)} ms (${model.vocabulary.idf.length} features x ${model.labels.length} labels)`);
