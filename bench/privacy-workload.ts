// The privacy guard and the log-redaction hook on hostile 100k-character inputs: absolute times,
// for the budget. (That every rule is linear is proven in test/privacy/rule-timing.test.ts by ratio.)
import { redactLogLine } from '../src/privacy/log-redaction.js';
import { redact } from '../src/privacy/privacy-guard.js';
import { timeMs } from './stats.js';

const PUMPS = ['4111 ', '1', '1 ', '1.', '+1 ', 'code ', 'code is ', 'a@', 'password: a)', '\u200b1', '٤'];

/** The slowest pump (best of 3 runs each) through the whole guard and through the log hook, in ms. */
export function hostileInputWorst(length = 100_000): { guardMs: number; logHookMs: number; worstPump: string } {
  let guardMs = 0;
  let logHookMs = 0;
  let worstPump = '';
  for (const pump of PUMPS) {
    const text = pump.repeat(Math.ceil(length / pump.length)).slice(0, length);
    redact(text.slice(0, 2000));
    const guard = Math.min(...[0, 1, 2].map(() => timeMs(() => redact(text))));
    const hook = Math.min(...[0, 1, 2].map(() => timeMs(() => redactLogLine(`${JSON.stringify({ msg: text })}\n`))));
    if (guard > guardMs) [guardMs, worstPump] = [guard, pump];
    logHookMs = Math.max(logHookMs, hook);
  }
  return { guardMs, logHookMs, worstPump };
}
