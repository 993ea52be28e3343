import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runClassify, runEval, runIntents } from '../../src/cli/commands/nlu.js';
import { DataFileError } from '../../src/core/errors.js';
import { loadIntents } from '../../src/nlu/load-intents.js';
import { collect, inputOf } from '../support/streams.js';

/**
 * The NLU commands, called in-process through the functions the CLI runs (`supportbot classify`,
 * `eval`, `intents`); commander's option parsing and the exit codes are tested once, with a real
 * process, in test/e2e/cli-exit-codes.test.ts.
 */
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'intents');

const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

let dir: string;
let modelPath: string;
let jsonl: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'supportbot-nlu-cli-'));
  modelPath = path.join(dir, 'model.json');
  const { examples } = await loadIntents({ dir: FIXTURE });
  jsonl = path.join(dir, 'rows.jsonl');
  await writeFile(jsonl, examples.map((e) => JSON.stringify({ text: e.text, intent: e.intent, label: e.label })).join('\n'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('supportbot intents', () => {
  it('prints the utterances as JSONL {"text","intent","label"}', async () => {
    const out = collect();
    await runIntents({ jsonl: true, dir: FIXTURE }, out.stream);
    const rows = lines(out.text());
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['intent', 'label', 'text']);
    expect(rows).toContainEqual({ text: 'the atm ate my card', intent: 'out_of_scope', label: 'out_of_scope.atm' });
  });

  it('refuses a bad intents directory with a DataFileError naming file and field', async () => {
    const bad = path.join(dir, 'bad');
    await mkdir(bad, { recursive: true });
    await writeFile(path.join(bad, 'limits.yaml'), 'intent: limits\ndescription: L.\nexamples: [ok, 3]\n');
    const run = runIntents({ dir: bad }, collect().stream);
    await expect(run).rejects.toBeInstanceOf(DataFileError);
    await expect(run).rejects.toThrow(/limits\.yaml: examples\[1\]: must be a non-empty string/);
  });
});

describe('supportbot classify', () => {
  it('answers plain lines and JSONL lines with {"text","intent","confidence","ranking"}', async () => {
    const input = 'my card was declined\n{"text":"hello there"}\n\n{"nope":1}\n';
    const out = collect();
    await runClassify({ model: modelPath, intents: FIXTURE }, inputOf(input), out.stream);
    const [declined, hello, bad] = lines(out.text());
    expect(declined).toMatchObject({ text: 'my card was declined', intent: 'payment_declined' });
    expect(hello).toMatchObject({ text: 'hello there', intent: 'greeting' });
    expect(typeof declined?.confidence).toBe('number');
    const ranking = declined?.ranking as Array<{ intent: string; confidence: number }>;
    expect(ranking[0]).toEqual({ intent: 'payment_declined', confidence: declined?.confidence });
    expect(ranking.reduce((t, r) => t + r.confidence, 0)).toBeCloseTo(1, 3);
    expect(bad).toEqual({ error: 'a JSON line needs a string "text"' });
  });
});

describe('supportbot eval', () => {
  it('--train and --test --json print the report shape', async () => {
    const out = collect();
    await runEval({ train: jsonl, test: jsonl, json: true, folds: 5 }, out.stream);
    const report = JSON.parse(out.text()) as Record<string, unknown>;
    expect(report).toMatchObject({ accuracy: expect.any(Number), macroF1: expect.any(Number), outOfScope: { precision: expect.any(Number), recall: expect.any(Number) } });
    expect(report.accuracy).toBeGreaterThan(0.9);
    expect(report.perIntent).toHaveProperty('refunds.recall');
    expect(report.confusion).toHaveProperty('greeting.greeting');
  });

  it('cross-validates over an intents directory and prints a table', async () => {
    const out = collect();
    await runEval({ intents: FIXTURE, folds: 3 }, out.stream);
    const stdout = out.text();
    expect(stdout).toMatch(/3-fold cross-validation over intents\/: \d+ utterances/);
    expect(stdout).toMatch(/intent\s+precision\s+recall\s+F1\s+support/);
    expect(stdout).toMatch(/confusion matrix/);
  });

  it('scores the shipped model on a test file', async () => {
    const out = collect();
    await runEval({ test: jsonl, model: modelPath, intents: FIXTURE, json: true, folds: 5 }, out.stream);
    expect((JSON.parse(out.text()) as { total: number }).total).toBeGreaterThan(40);
  });

  it('rejects a malformed test file naming the line', async () => {
    const bad = path.join(dir, 'bad.jsonl');
    await writeFile(bad, '{"text":"hi","intent":"greeting"}\n{"text":"x","intent":"weather"}\n');
    const run = runEval({ train: jsonl, test: bad, folds: 5 }, collect().stream);
    await expect(run).rejects.toBeInstanceOf(DataFileError);
    await expect(run).rejects.toThrow(/bad\.jsonl: line 2: intent: must be one of the intents/);
  });
});
