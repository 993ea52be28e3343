import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/supportbot.js', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI from source in a child process, as a person or CI would. */
function replay(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, 'replay', ...args],
      { env: { ...process.env, SUPPORTBOT_FROM_SOURCE: '1', NO_COLOR: '1' }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
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
  // Both runs at once: each child loads the model and knowledge base on its own.
  [good, bad] = await Promise.all([replay(path.join(dir, 'passing.yaml')), replay(path.join(dir, 'failing.yaml'))]);
}, 90_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('supportbot replay', () => {
  it('exits 0 and ends with "1 passed, 0 failed" for a transcript that passes', () => {
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('✓ a declined payment, first question');
    expect(good.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 0 failed');
  });

  it('exits 1 with a readable diff of the wrong expectation and ends with "0 passed, 1 failed"', () => {
    expect(bad.code).toBe(1);
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
