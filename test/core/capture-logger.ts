import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import { logRedactionOptions } from '../../src/privacy/log-redaction.js';

/** A real pino logger, with the same redaction as createLogger, that keeps its lines for the test. */
export function createCaptureLogger(level = 'debug'): { logger: Logger; lines: () => string[]; records: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  const logger = pino({ level, base: { app: 'supportbot' }, ...logRedactionOptions }, stream);
  const lines = () => chunks.join('').split('\n').filter(Boolean);
  return { logger, lines, records: () => lines().map((l) => JSON.parse(l) as Record<string, unknown>) };
}
