import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadIntents } from '../../src/nlu/load-intents.js';

// Each test starts the real CLI from source (tsx): slow on a busy machine, so a generous timeout.
vi.setConfig({ testTimeout: 90_000 });

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'intents');

function cli(args: string[], stdin = ''): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'supportbot.js'), ...args], {
      cwd: ROOT,
      env: { ...process.env, SUPPORTBOT_FROM_SOURCE: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

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
    const { code, stdout } = await cli(['intents', '--jsonl', '--dir', FIXTURE]);
    expect(code).toBe(0);
    const rows = lines(stdout);
    expect(rows.length).toBeGreaterThan(40);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['intent', 'label', 'text']);
    expect(rows).toContainEqual({ text: 'the atm ate my card', intent: 'out_of_scope', label: 'out_of_scope.atm' });
  });

  it('exits 2 with file and field for a bad intents directory', async () => {
    const bad = path.join(dir, 'bad');
    await import('node:fs/promises').then((fs) => fs.mkdir(bad, { recursive: true }));
    await writeFile(path.join(bad, 'limits.yaml'), 'intent: limits\ndescription: L.\nexamples: [ok, 3]\n');
    const { code, stderr } = await cli(['intents', '--dir', bad]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/limits\.yaml: examples\[1\]: must be a non-empty string/);
  });
});

describe('supportbot classify', () => {
  it('answers plain lines and JSONL lines with {"text","intent","confidence","ranking"}', async () => {
    const input = 'my card was declined\n{"text":"hello there"}\n\n{"nope":1}\n';
    const { code, stdout } = await cli(['classify', '--model', modelPath, '--intents', FIXTURE], input);
    expect(code).toBe(0);
    const [declined, hello, bad] = lines(stdout);
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
    const { code, stdout } = await cli(['eval', '--train', jsonl, '--test', jsonl, '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(report).toMatchObject({ accuracy: expect.any(Number), macroF1: expect.any(Number), outOfScope: { precision: expect.any(Number), recall: expect.any(Number) } });
    expect(report.accuracy).toBeGreaterThan(0.9);
    expect(report.perIntent).toHaveProperty('refunds.recall');
    expect(report.confusion).toHaveProperty('greeting.greeting');
  });

  it('cross-validates over an intents directory and prints a table', async () => {
    const { code, stdout } = await cli(['eval', '--intents', FIXTURE, '--folds', '3']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/3-fold cross-validation over intents\/: \d+ utterances/);
    expect(stdout).toMatch(/intent\s+precision\s+recall\s+F1\s+support/);
    expect(stdout).toMatch(/confusion matrix/);
  });

  it('scores the shipped model on a test file', async () => {
    const { code, stdout } = await cli(['eval', '--test', jsonl, '--model', modelPath, '--intents', FIXTURE, '--json']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { total: number }).total).toBeGreaterThan(40);
  });

  it('rejects a malformed test file naming the line', async () => {
    const bad = path.join(dir, 'bad.jsonl');
    await writeFile(bad, '{"text":"hi","intent":"greeting"}\n{"text":"x","intent":"weather"}\n');
    const { code, stderr } = await cli(['eval', '--train', jsonl, '--test', bad]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/bad\.jsonl: line 2: intent: must be one of the intents/);
  });
});
