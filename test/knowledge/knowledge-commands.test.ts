import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { runAsk, runIngest, runKbEval } from '../../src/cli/commands/knowledge.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'supportbot-kb-cli-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const index = path.join(temp, 'index.json');

function capture(fn: (out: NodeJS.WritableStream) => void): string {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  fn(out);
  return text;
}

describe('supportbot ask', () => {
  it('prints {"results":[{source, section, title, text, score}]} best first with --json', () => {
    const text = capture((out) => runAsk('why was my card charged a dollar', { limit: 3, json: true, index }, out));
    const { results } = JSON.parse(text) as { results: Array<Record<string, unknown>> };
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(Object.keys(r).sort()).toEqual(['score', 'section', 'source', 'text', 'title']);
    expect(results.map((r) => r.section)).toContain('link-card#verification-charge');
    const scores = results.map((r) => r.score as number);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('shows title, section id, source, score and text for people', () => {
    const text = capture((out) => runAsk('is it safe to pay on public wifi', { limit: 2, index }, out));
    expect(text).toMatch(/1\. .+ {2}security#secure-network {2}score \d+\.\d\d/);
    expect(text).toMatch(/source: International credit card with Alipay guide/);
    expect(text).toMatch(/Wi-Fi/);
  });

  it('says plainly when nothing answers the question', () => {
    expect(capture((out) => runAsk('how do I cook rice', { limit: 3, index }, out))).toMatch(/No knowledge section answers/);
    expect(capture((out) => runAsk('how do I cook rice', { limit: 3, json: true, index }, out))).toBe('{"results":[]}\n');
  });

  it('rejects an unknown intent and an empty question with a clear message', () => {
    expect(() => runAsk('fees', { limit: 3, intent: ['fee'], index }, new PassThrough())).toThrow(InputError);
    expect(() => runAsk('  ', { limit: 3, index }, new PassThrough())).toThrow(/empty/);
  });
});

describe('supportbot kb ingest', () => {
  it('writes a draft article from a raw guide and never overwrites a file', () => {
    const guide = path.join(temp, 'new-guide.txt');
    writeFileSync(guide, 'New Guide\nPaying Safely\nUse your own Wi-Fi. Keep the app updated.\n');
    const out = path.join(temp, 'new-guide.md');
    const text = capture((o) => runIngest(guide, { source: 'alipay-on-alibaba', out, maxChars: 600 }, o));
    expect(text).toMatch(/1 sections .* → /);
    expect(existsSync(out)).toBe(true);
    expect(readFileSync(out, 'utf8')).toMatch(/## Paying Safely \{#paying-safely\}/);
    expect(() => runIngest(guide, { source: 'x', out, maxChars: 600 }, new PassThrough())).toThrow(InputError);
    expect(() => runIngest(path.join(temp, 'missing.txt'), { source: 'x', maxChars: 600 }, new PassThrough())).toThrow(/cannot read/);
  });
});

describe('supportbot kb eval', () => {
  it('reports top-1, top-3, refusals and latency on a question set, as text or JSON', () => {
    const questions = path.join(temp, 'questions.yaml');
    writeFileSync(questions, 'questions:\n  - q: why did alipay take one dollar from my card\n    ids: [link-card#verification-charge]\n  - q: how do I cook rice\n    expect: none\n');
    const report = JSON.parse(capture((out) => runKbEval({ questions, rounds: 2, json: true, index }, out))) as Record<string, unknown>;
    expect(report).toMatchObject({ top1: 1, top3: 1, answerable: 1, rejected: { total: 1, correct: 1 }, latency: { runs: 4 } });
    const text = capture((out) => runKbEval({ questions, rounds: 1, index }, out));
    expect(text).toMatch(/top-1: +100\.0%/);
    expect(text).toMatch(/refused: +1\/1 out-of-scope questions got no answer/);
  });
});
