import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

export interface CreateLoggerOptions {
  level?: string;
  /**
   * Rewrites each finished JSON line before it is written. The composition root passes the privacy
   * guard's (createSupportbotLogger in src/index.ts), so no log line can carry a secret and the
   * core never imports the privacy module.
   */
  redactLine: (line: string) => string;
  /** Where lines go (default: stderr, synchronously). */
  destination?: DestinationStream;
}

/**
 * Logs go to stderr as JSON lines: stdout belongs to the chat --json protocol and to command output.
 * Only redacted text may ever be passed to a logger; `redactLine` runs over every line as well.
 */
export function createLogger(options: CreateLoggerOptions): Logger {
  return pino(
    { level: options.level ?? 'info', base: { app: 'supportbot' }, hooks: { streamWrite: options.redactLine } },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}

/** A logger that drops everything, for tests and quiet commands. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
