import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { logRedactionOptions, redactLogLine } from '../../src/privacy/log-redaction.js';

function capturingLogger(): { logger: pino.Logger; lines: () => string[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ level: 'debug', ...logRedactionOptions }, stream), lines: () => chunks.join('').trimEnd().split('\n') };
}

describe('log redaction', () => {
  it('cannot print a raw secret from the merge object, the message, interpolation, an error or child bindings', () => {
    const { logger, lines } = capturingLogger();
    logger.info({ text: 'card 4111 1111 1111 1111', nested: { list: ['my password is hunter2'] } }, 'otp: 482913');
    logger.warn('paid with %s', '5500000000000004');
    logger.error({ err: new Error('failed for cvv 123') }, 'turn failed');
    logger.child({ who: 'me@example.com' }).debug('child');
    const out = lines().join('\n');
    for (const secret of ['4111', '5500000000000004', 'hunter2', '482913', 'cvv 123', 'me@example.com']) expect(out).not.toContain(secret);
    expect(out).toContain('[card number]');
    expect(out).toContain('[email]');
  });

  it('keeps every line valid JSON with its numbers (timestamps are not card numbers)', () => {
    const { logger, lines } = capturingLogger();
    logger.info({ receivedAt: 4111111111111111, text: 'code 482913' }, 'x');
    const line = JSON.parse(lines()[0] ?? '') as Record<string, unknown>;
    expect(line.receivedAt).toBe(4111111111111111);
    expect(typeof line.time).toBe('number');
    expect(line.text).toBe('code [code]');
  });

  it('redacts a line that is not JSON as text', () => {
    expect(redactLogLine('not json 4111111111111111\n')).toBe('not json [card number]\n');
  });
});
