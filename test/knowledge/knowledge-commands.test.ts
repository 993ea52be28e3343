import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { runAsk, runIngest, runKbEval } from '../../src/cli/commands/knowledge.js';
import { readQuestions } from '../../src/knowledge/evaluate-retrieval.js';

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

async function captureAsync(fn: (out: NodeJS.WritableStream) => Promise<void>): Promise<string> {
  const out = new PassThrough();
  let text = '';
  out.on('data', (chunk: Buffer) => (text += chunk.toString()));
  await fn(out);
  return text;
}

describe('supportbot ask', () => {
  it('prints {"results":[{source, section, title, text, score}]} best first with --json', () => {
    const text = capture((out) => runAsk('why was my card charged a dollar', { limit: 3, json: true, index }, out));
    const { results } = JSON.parse(text) as { results: Array<Record<string, unknown>> };
    expect(results.length).toBeGreaterThan(0);
    // A second part of the answer says so (`partOfAnswer`) and comes second, whatever its score.
    for (const r of results) expect(Object.keys(r).filter((k) => k !== 'partOfAnswer').sort()).toEqual(['score', 'section', 'source', 'text', 'title']);
    expect(results.map((r) => r.section)).toContain('link-card#verification-charge');
    const scores = results.filter((r) => !r.partOfAnswer).map((r) => r.score as number);
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

  it('asks as a follow-up with --topic and --after, and marks a second part of the answer', () => {
    // "How long does it take?" alone could be a refund or a verification: the topic decides.
    const afterRefunds = capture((out) => runAsk('how long does it take?', { limit: 3, json: true, index, topic: 'refunds' }, out));
    const afterVerification = capture((out) => runAsk('how long does it take?', { limit: 3, json: true, index, topic: 'verification' }, out));
    const first = (text: string) => (JSON.parse(text) as { results: Array<{ section: string }> }).results[0]?.section;
    expect(first(afterRefunds)).toBe('refunds#refund-time');
    expect(first(afterVerification)).toBe('verification#verification-time');
    const after = capture((out) => runAsk('what do they charge', { limit: 3, index, after: ['link-card#third-party-services'] }, out));
    expect(after).toMatch(/^1\. .+ {2}fees-and-rates#third-party-fees/);
    const twoParts = capture((out) => runAsk('I pay a price in yuan with my euro card, what fees will I pay?', { limit: 3, json: true, index }, out));
    const rows = (JSON.parse(twoParts) as { results: Array<{ section: string; partOfAnswer?: boolean }> }).results;
    expect(rows[1]?.partOfAnswer).toBe(true);
    expect(rows.map((r) => r.section).slice(0, 2).sort()).toEqual(['fees-and-rates#exchange-rates', 'fees-and-rates#foreign-transaction-fees']);
  });

  it('rejects an unknown --topic or --after section with a clear message', () => {
    expect(() => runAsk('fees', { limit: 3, topic: 'fee', index }, new PassThrough())).toThrow(/--topic: unknown intent "fee"/);
    expect(() => runAsk('fees', { limit: 3, after: ['fees#nope'], index }, new PassThrough())).toThrow(/--after: unknown section "fees#nope"/);
  });

  it('rejects an unknown intent and an empty question with a clear message', () => {
    expect(() => runAsk('fees', { limit: 3, intent: ['fee'], index }, new PassThrough())).toThrow(InputError);
    expect(() => runAsk('  ', { limit: 3, index }, new PassThrough())).toThrow(/empty/);
  });
});

describe('supportbot kb eval', () => {
  const setA = path.join(temp, 'questions-a.yaml');
  const setB = path.join(temp, 'questions-b.yaml');
  writeFileSync(
    setA,
    [
      'questions:',
      '  - q: where do I add my card in the app',
      '    ids: [link-card#open-card-settings, link-card#add-a-card]',
      '  - q: how long does it take?',
      '    ids: [refunds#refund-time]',
      '    context: { topic: refunds }',
      '  - q: I pay a price in yuan with my euro card, what fees will I pay?',
      '    ids: [fees-and-rates#foreign-transaction-fees, fees-and-rates#exchange-rates]',
      '    needsAll: true',
      '  - q: write me a poem about the sea',
      '    expect: none',
      '',
    ].join('\n'),
  );
  writeFileSync(setB, 'questions:\n  - q: what is the weather in shanghai\n    ids: [tour-pass#what-it-is]\n');

  it('reports every set on its own row: top-1, top-3, two-part answers, follow-ups, refusals', async () => {
    const text = await captureAsync((out) => runKbEval({ questions: [setA, setB], rounds: 1, index, chat: false }, out));
    expect(text).toMatch(/questions-a\.yaml +3 +100\.0% +100\.0% +- +- +search +1\/1 +1\/1 +1\/1/);
    expect(text).toMatch(/questions-b\.yaml +1 +0\.0% +0\.0% +- +- +search +- +- +-/);
    expect(text).toMatch(/latency: p50 [\d.]+ ms, p99 [\d.]+ ms/);
    expect(text).not.toMatch(/weather/);
  });

  it('reports the search alone and as in a chat side by side, each clearly labelled', async () => {
    const text = await captureAsync((out) => runKbEval({ questions: [setA], rounds: 1, index }, out));
    expect(text).toMatch(/search top-1 +top-3 +chat top-1 +top-3/);
    expect(text).toMatch(/questions-a\.yaml +3 +100\.0% +100\.0% +\d+\.\d% +\d+\.\d% +search /);
    expect(text).toMatch(/\n +chat +/);
    expect(text).toMatch(/questions-a\.yaml: in a chat \d+ searched, \d+ shown/);
    const json = JSON.parse(await captureAsync((out) => runKbEval({ questions: [setA], rounds: 1, index, json: true }, out))) as {
      sets: Array<{ answerable: number; chat: { answerable: number; top1: number; routes: Record<string, number> } }>;
    };
    const chat = json.sets[0]?.chat;
    expect(chat?.answerable).toBe(3);
    expect(Object.values(chat?.routes ?? {}).reduce((a, b) => a + b, 0)).toBe(4);
  });

  it('lists the misses only when asked, and prints JSON with --json', async () => {
    expect(await captureAsync((out) => runKbEval({ questions: [setB], rounds: 1, index, misses: true, chat: false }, out))).toMatch(/search: miss: "what is the weather in shanghai"/);
    const report = JSON.parse(await captureAsync((out) => runKbEval({ questions: [setA], rounds: 1, index, json: true, chat: false }, out))) as {
      sets: Array<{ answerable: number; needsAll: { total: number; allShown: number }; misses?: unknown }>;
    };
    expect(report.sets[0]).toMatchObject({ answerable: 3, needsAll: { total: 1, allShown: 1 } });
    expect(report.sets[0]).not.toHaveProperty('misses');
  });

  it('names the file and field of a malformed question', () => {
    const bad = path.join(temp, 'questions-bad.yaml');
    writeFileSync(bad, 'questions:\n  - q: how long\n    ids: [refunds#refund-time]\n    context: { topic: 3 }\n');
    expect(() => readQuestions(bad)).toThrow(/questions-bad\.yaml: questions\[0\]/);
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

describe('supportbot kb eval on one small set', () => {
  it('reports top-1, top-3, refusals and latency on a question set, as text or JSON', async () => {
    const questions = path.join(temp, 'questions.yaml');
    writeFileSync(questions, 'questions:\n  - q: why did alipay take one dollar from my card\n    ids: [link-card#verification-charge]\n  - q: how do I cook rice\n    expect: none\n');
    const report = JSON.parse(await captureAsync((out) => runKbEval({ questions: [questions], rounds: 2, json: true, index, chat: false }, out))) as {
      sets: Array<Record<string, unknown>>;
      latency: Record<string, unknown>;
    };
    expect(report.sets[0]).toMatchObject({ top1: 1, top3: 1, answerable: 1, rejected: { total: 1, correct: 1 } });
    expect(report.latency).toMatchObject({ runs: 4 });
    const text = await captureAsync((out) => runKbEval({ questions: [questions], rounds: 1, index, chat: false }, out));
    expect(text).toMatch(/questions\.yaml +1 +100\.0% +100\.0% +- +- +search +- +- +1\/1/);
  });
});
