import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/logger.js';
import { createSupportbotLogger } from '../../src/index.js';

function sink(): { destination: Writable & { write(chunk: string): boolean }; lines(): string[] } {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { destination, lines: () => chunks.join('').split('\n').filter(Boolean) };
}

describe('the logger', () => {
  it('runs the redaction hook it is given over every finished line', () => {
    const out = sink();
    const logger = createLogger({ level: 'info', redactLine: (line) => line.replace(/secret/g, '[x]'), destination: out.destination });
    logger.child({ who: 'a secret child' }).info({ detail: 'secret field' }, 'a secret message');
    const [line] = out.lines();
    expect(line).not.toContain('secret');
    expect(JSON.parse(line ?? '{}')).toMatchObject({ app: 'supportbot', who: 'a [x] child', detail: '[x] field', msg: 'a [x] message' });
  });

  it('as the composition root builds it, cannot print a card number', () => {
    const out = sink();
    const logger = createSupportbotLogger('info', out.destination);
    logger.info({ text: 'my card 4111 1111 1111 1111' }, 'paid with 4111111111111111');
    expect(out.lines().join('\n')).not.toMatch(/4111\D?1111\D?1111\D?1111/);
    expect(out.lines()).toHaveLength(1);
  });
});
