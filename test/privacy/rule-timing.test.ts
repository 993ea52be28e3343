import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseSlackText } from '../../src/adapters/slack/to-message.js';
import { createInputCleaner, truncate } from '../../src/privacy/input-cleaner.js';
import { redactLogLine } from '../../src/privacy/log-redaction.js';
import { normaliseForMatching } from '../../src/privacy/normalise-text.js';
import { createPrivacyGuard, redact } from '../../src/privacy/privacy-guard.js';
import { SECRET_RULES } from '../../src/privacy/secret-rules.js';

/**
 * Every pattern on adversarial input up to 100k characters runs in linear time, proven by ratio: the
 * same pump repeated to 10k and to 100k characters must cost at most 30 times as much (linear is
 * 10×, quadratic 100×), plus 25 ms of slack.
 *
 * Measured in CPU time of this process (process.cpuUsage), not wall time: on a shared 2-core machine
 * wall time counts the time other processes hold the CPU, and a loaded run once made a linear rule
 * look quadratic (and a case take 58 s). CPU time only grows with the work done here; what noise
 * is left (caches, GC) is absorbed by the minimum over several runs, and a pump that looks too slow
 * is measured again before it fails: noise does not repeat, a quadratic rule fails every time.
 * Absolute times (how many ms for 100k characters) are in `npm run bench`, not here.
 */
const targets: Array<[string, (text: string) => unknown]> = [
  ...SECRET_RULES.map((rule, i): [string, (text: string) => unknown] => [`rule ${i} (${rule.kind})`, (text) => rule.apply(text, () => undefined)]),
  ['the whole privacy guard', (text) => redact(text)],
  ['normalisation', (text) => normaliseForMatching(text)],
  ['the input cleaner (no length cap)', (text) => createInputCleaner({ maxLength: 200_000 }).clean(text)],
  ['truncate', (text) => truncate(text, text.length - 7)],
  ['the Slack text normaliser', (text) => normaliseSlackText(text, 'UBOT')],
];
// These wrap the whole guard (checked above on every pump): the pumps that stress what they add.
const wrappers: Array<[string, (text: string) => unknown]> = [
  ['the split-card guard', (text) => createPrivacyGuard().redactMessage?.('k', 'e', text, 0)],
  ['the log-redaction hook', (text) => redactLogLine(`${JSON.stringify({ msg: text })}\n`)],
];

// Pieces of the rules' own vocabulary: keywords, fillers, separators, digits and markup.
const FRAGMENTS = [
  'password', 'pw', 'pin', 'pwd:', 'my password is ', 'contraseña es ', '密码是', 'code', 'code is ', 'the code they sent me is ', 'otp ',
  '1234 is my ', 'error code ', 'cvv ', 'exp ', 'card ', 'visa ', 'passport ', 'iban ', 'DE89 ', 'DE893704', 'call me on ', 'my number is ',
  '4111 ', '4111.', '1', '1 ', '1-', '1.', '1/', '+1 ', '00', '(1', ')', ':', '=', '.', ',', '!', '?', '-', ' ', 'a', 'ab', 'x@', '@a', '@a.',
  'a.b', '*', ' *x', ' _x', '~', '`', '```', '<', '<@UBOT|', '<@', '|', '>', '&amp;', '\u200b', '\u034f', '\ufe0f', '٤', '４', '\u0308',
  'is ', 'was ', 'my ', 'the ', 'é ', '\n', '\t', '"', "'",
];
// Known worst cases for backtracking patterns, and for the scans done by hand.
const KNOWN_PUMPS = [
  'password: a)', 'pin-', 'pw:pw', 'password ', 'code ', 'code is ', '1 ', '1-', '1.', '4111 ', '4111.', '+1 ', '(1', 'a@', 'a.', 'x@a.', 'DE89 ',
  '1234 ', '1234 is my ', 'the code is ', ' *x', ' _x', '<@UBOT|', '`a', '```a', '\u200b1', '٤', 'error code 2005 ', 'exp 09', 'cvv 12',
  'my pw is x', 'a)', '%', 'aaaa', '1'.repeat(7), ' ', '\u0301',
  // Keywords inside one long word, each scanned to its end: found by the fast-check property below.
  'password:.1/', 'pwd:\u034f!', 'pw=?', '.pin:',
];

/** CPU milliseconds (user + system) of the cheapest of `runs` calls. */
function cpuBest(fn: (text: string) => unknown, text: string, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = process.cpuUsage();
    fn(text);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

const RATIO = 30;
const SLACK_MS = 25;

function ratioProblem(fn: (text: string) => unknown, pump: string): string | undefined {
  const at = (length: number) => pump.repeat(Math.ceil(length / pump.length)).slice(0, length);
  fn(at(2000)); // warm-up: compile first
  const smallText = at(10_000);
  const largeText = at(100_000);
  let small = cpuBest(fn, smallText, 3);
  let large = cpuBest(fn, largeText, 1);
  // Looks too slow: measure again (both sizes) before calling it quadratic.
  for (let attempt = 0; attempt < 2 && large > RATIO * small + SLACK_MS; attempt++) {
    small = Math.min(small, cpuBest(fn, smallText, 3));
    large = Math.min(large, cpuBest(fn, largeText, 2));
  }
  return large <= RATIO * small + SLACK_MS ? undefined : `pump ${JSON.stringify(pump)}: 10k ${small.toFixed(1)} ms, 100k ${large.toFixed(1)} ms of CPU`;
}

// Wall-clock timeouts only stop a hung run: on a loaded machine the CPU-bound work here takes longer.
const TIMEOUT_MS = 180_000;

describe('every privacy pattern, the log hook and the Slack normaliser run in linear time', () => {
  it('tells a quadratic scan from a linear one (the measure can fail)', () => {
    // A scan to the end from every 64th position, as a backtracking pattern does from every start.
    const quadratic = (text: string) => {
      let sum = 0;
      for (let i = 0; i < text.length; i += 64) for (let j = i; j < text.length; j++) sum += text.charCodeAt(j) & 1;
      return sum;
    };
    expect(ratioProblem(quadratic, '1 ')).toBeDefined();
    expect(ratioProblem((text) => text.indexOf('x'), '1 ')).toBeUndefined();
  }, TIMEOUT_MS);

  it.each(targets)('%s, on known worst-case inputs up to 100k characters', (_name, fn) => {
    const problems = KNOWN_PUMPS.map((pump) => ratioProblem(fn, pump)).filter((p) => p !== undefined);
    expect(problems).toEqual([]);
  }, TIMEOUT_MS);

  it.each(wrappers)('%s, on worst-case inputs up to 100k characters', (_name, fn) => {
    const problems = ['1 ', '4111 ', '1.', '+1 ', '\u200b1', '٤', 'password: a)', 'password:.1/', 'code is ', '"', '\\'].map((pump) => ratioProblem(fn, pump)).filter((p) => p !== undefined);
    expect(problems).toEqual([]);
  }, TIMEOUT_MS);

  it('the whole privacy guard, on pumps fast-check builds from the rules vocabulary', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 4 }), (parts) => {
        expect(ratioProblem((text) => redact(text), parts.join(''))).toBeUndefined();
      }),
      { numRuns: 25 },
    );
  }, TIMEOUT_MS);
});
