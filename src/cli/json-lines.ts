/**
 * The lines of the `chat --json` protocol: split on "\n" only (a "\r" is data, so "\r\n" still
 * ends a line with one "\r" that JSON ignores as white space), decoded as UTF-8 with invalid bytes
 * replaced, whatever they hold. A line longer than the limit is not kept in memory: it is counted,
 * skipped to its "\n" and reported, so it gets its error line and the next line is read as usual.
 */
export const MAX_LINE_BYTES = 1024 * 1024;

export type ProtocolLine = { text: string } | { tooLong: number };

export async function* protocolLines(input: AsyncIterable<Buffer | string>, maxBytes = MAX_LINE_BYTES): AsyncGenerator<ProtocolLine> {
  let parts: Buffer[] = [];
  let length = 0;
  let tooLong = false;

  const take = (piece: Buffer) => {
    length += piece.length;
    if (length > maxBytes) {
      tooLong = true;
      parts = [];
    } else if (piece.length > 0) {
      parts.push(piece);
    }
  };
  const finish = (): ProtocolLine => {
    const line: ProtocolLine = tooLong ? { tooLong: length } : { text: Buffer.concat(parts).toString('utf8') };
    parts = [];
    length = 0;
    tooLong = false;
    return line;
  };

  let sawBytes = false;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    let start = 0;
    for (let newline = buffer.indexOf(10); newline !== -1; newline = buffer.indexOf(10, start)) {
      take(buffer.subarray(start, newline));
      yield finish();
      start = newline + 1;
    }
    take(buffer.subarray(start));
    sawBytes = start < buffer.length;
  }
  // A last line without its "\n" is still a line.
  if (sawBytes || length > 0) yield finish();
}

export function tooLongMessage(bytes: number, maxBytes = MAX_LINE_BYTES): string {
  return `line too long: ${bytes} bytes (the limit is ${maxBytes}); send one JSON object per line`;
}
