import type { Readable } from 'node:stream';
import { PassThrough, Writable } from 'node:stream';

/** A writable that keeps what a command printed, for in-process CLI tests. */
export function collect(): { stream: Writable; text(): string; lines(): string[] } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    },
  });
  const text = () => Buffer.concat(chunks).toString('utf8');
  return { stream, text, lines: () => text().split('\n').filter((l) => l !== '') };
}

/** What a command reads on stdin, from a string or raw bytes (ended, as a pipe would be). */
export function inputOf(content: string | Buffer): Readable {
  const stream = new PassThrough();
  stream.end(content);
  return stream;
}
