import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runReplay } from '../../src/cli/commands/replay.js';
import { collect } from '../support/streams.js';

interface Run {
  passed: number;
  failed: number;
  stdout: string;
}

/** `supportbot replay PATH`, in-process (its exit code is tested with a real process in test/e2e/cli-exit-codes.test.ts). */
async function replay(...paths: string[]): Promise<Run> {
  const out = collect();
  const counts = await runReplay(paths, {}, out.stream);
  return { ...counts, stdout: out.text() };
}

const passing = `name: a declined payment, first question
turns:
  - user: my card got declined on alibaba
    expect:
      flow: payment_declined
      step: ask_cause
      buttons: [Not enough funds or a limit]
  - click: Not enough funds or a limit
    expect: { step: fix_funds, citations: [payment-declined#insufficient-funds] }
`;

// The same conversation with one wrong expectation: the click leads to fix_funds, not fix_card.
const failing = passing.replace('step: fix_funds', 'step: fix_card').replace('first question', 'one wrong step');

let dir: string;
let good: Run;
let bad: Run;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-replay-cli-'));
  writeFileSync(path.join(dir, 'passing.yaml'), passing);
  writeFileSync(path.join(dir, 'failing.yaml'), failing);
  good = await replay(path.join(dir, 'passing.yaml'));
  bad = await replay(path.join(dir, 'failing.yaml'));
}, 90_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('supportbot replay', () => {
  it('ends with "1 passed, 0 failed" for a transcript that passes', () => {
    expect(good).toMatchObject({ passed: 1, failed: 0 });
    expect(good.stdout).toContain('✓ a declined payment, first question');
    expect(good.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed');
  });

  it('shows a readable diff of the wrong expectation and ends with "0 passed, 1 failed"', () => {
    expect(bad).toMatchObject({ passed: 0, failed: 1 });
    expect(bad.stdout).toContain('✗ a declined payment, one wrong step');
    expect(bad.stdout).toContain('failing.yaml');
    expect(bad.stdout).toContain('turn 2: click: "Not enough funds or a limit"');
    expect(bad.stdout).toMatch(/step\s+- expected "fix_card"\n\s+\+ got\s+"fix_funds"/);
    // What the bot said instead, so the reader can fix the transcript or the bot.
    expect(bad.stdout).toMatch(/bot said \(intent -, flow payment_declined, step fix_funds\)/);
    expect(bad.stdout).toContain('| Did that fix it?');
    expect(bad.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });
});
