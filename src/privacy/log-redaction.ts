import type { LoggerOptions } from 'pino';
import { redact } from './privacy-guard.js';
import { redactDeep } from './redact-deep.js';

/**
 * Runs the privacy guard over every string value of one serialised log line. It works on the
 * finished line, so nothing escapes it: the merge object, the message, child bindings and what
 * serializers produced. Numbers are left alone (timestamps would look like card numbers).
 */
export function redactLogLine(line: string): string {
  try {
    return `${JSON.stringify(redactDeep(JSON.parse(line) as unknown))}\n`;
  } catch {
    // Not JSON (should not happen with pino): redact it as text rather than let it through.
    return `${redact(line.trimEnd()).text}\n`;
  }
}

/** pino options that make a logger unable to print a raw secret, even when a caller slips. */
export const logRedactionOptions = {
  hooks: { streamWrite: redactLogLine },
} satisfies Pick<LoggerOptions, 'hooks'>;
