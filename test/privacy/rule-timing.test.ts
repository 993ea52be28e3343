import { performance } from 'node:perf_hooks';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseSlackText } from '../../src/adapters/slack/to-message.js';
import { createInputCleaner, truncate } from '../../src/privacy/input-cleaner.js';
import { redactLogLine } from '../../src/privacy/log-redaction.js';
import { normaliseForMatching } from '../../src/privacy/normalise-text.js';
import { createPrivacyGuard, redact } from '../../src/privacy/privacy-guard.js';
import { SECRET_RULES } from '../../src/privacy/secret-rules.js';

/**
 * Every pattern on adversarial input up to 100k characters runs in linear time. Proven by ratio,
 * not by absolute time (the machine is shared): the same pump repeated to 10k and to 100k
 * characters must take at most 25 times as long (linear is 10×, quadratic 100×), plus 60 ms of
 * slack for timer and GC noise. Each time is the best of two runs.
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
];

function bestOf2(fn: (text: string) => unknown, text: string): number {
  let best = Infinity;
  for (let i = 0; i < 2; i++) {
    const started = performance.now();
    fn(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function ratioProblem(fn: (text: string) => unknown, pump: string): string | undefined {
  const at = (length: number) => pump.repeat(Math.ceil(length / pump.length)).slice(0, length);
  fn(at(2000)); // warm-up: compile first
  const small = bestOf2(fn, at(10_000));
  const large = bestOf2(fn, at(100_000));
  return large <= 25 * small + 60 ? undefined : `pump ${JSON.stringify(pump)}: 10k ${small.toFixed(1)} ms, 100k ${large.toFixed(1)} ms`;
}

describe('every privacy pattern, the log hook and the Slack normaliser run in linear time', () => {
  it.each(targets)('%s, on known worst-case inputs up to 100k characters', (_name, fn) => {
    const problems = KNOWN_PUMPS.map((pump) => ratioProblem(fn, pump)).filter((p) => p !== undefined);
    expect(problems).toEqual([]);
  });

  it.each(wrappers)('%s, on worst-case inputs up to 100k characters', (_name, fn) => {
    const problems = ['1 ', '4111 ', '1.', '+1 ', '\u200b1', '٤', 'password: a)', 'code is ', '"', '\\'].map((pump) => ratioProblem(fn, pump)).filter((p) => p !== undefined);
    expect(problems).toEqual([]);
  });

  it('the whole privacy guard, on pumps fast-check builds from the rules vocabulary', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 4 }), (parts) => {
        expect(ratioProblem((text) => redact(text), parts.join(''))).toBeUndefined();
      }),
      { numRuns: 25 },
    );
  });
});
