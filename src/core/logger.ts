import { pino, type Logger } from 'pino';
import { logRedactionOptions } from '../privacy/log-redaction.js';

export type { Logger };

/**
 * Logs go to stderr as JSON lines: stdout belongs to the chat --json protocol and to command output.
 * Only redacted text may ever be passed to a logger; the privacy guard also runs over every log call.
 */
export function createLogger(level = 'info'): Logger {
  return pino({ level, base: { app: 'supportbot' }, ...logRedactionOptions }, pino.destination({ dest: 2, sync: true }));
}

/** A logger that drops everything, for tests and quiet commands. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
