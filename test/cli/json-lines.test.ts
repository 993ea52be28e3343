import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_BYTES, protocolLines, type ProtocolLine } from '../../src/cli/json-lines.js';
import { runJsonSession } from '../support/json-session.js';

async function linesOf(chunks: Array<Buffer | string>, max?: number): Promise<ProtocolLine[]> {
  const out: ProtocolLine[] = [];
  for await (const line of protocolLines(Readable.from(chunks), max)) out.push(line);
  return out;
}

/** `chat --json` in-process: the real core behind runJsonProtocol, fed these bytes as stdin. */
async function chatJson(input: Buffer | string): Promise<Array<Record<string, unknown>>> {
  const { stdout } = await runJsonSession({ input });
  return stdout
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('the chat --json line splitter', () => {
  it('splits on \\n only: a bare \\r is data, \\r\\n keeps its \\r, and lines may span chunks', async () => {
    expect(await linesOf(['a\rb\n', 'c\r\n', 'd', 'e\nlast'])).toEqual([{ text: 'a\rb' }, { text: 'c\r' }, { text: 'de' }, { text: 'last' }]);
  });

  it('decodes any bytes, invalid UTF-8 included, and counts an empty line as a line', async () => {
    expect(await linesOf([Buffer.from([0xff, 0xfe, 0x0a, 0x0a, 0xe2, 0x82])])).toEqual([{ text: '\uFFFD\uFFFD' }, { text: '' }, { text: '\uFFFD' }]);
  });

  it('reports a line over the limit without keeping it, then reads the next line as usual', async () => {
    expect(await linesOf(['x'.repeat(60), 'x'.repeat(60), '\n{"ok":1}\n'], 100)).toEqual([{ tooLong: 120 }, { text: '{"ok":1}' }]);
  });
});

describe('supportbot chat --json with odd bytes', () => {
  it('answers once per \\n-terminated line, whatever it holds: a bare \\r, CRLF, invalid UTF-8, a too-long line', async () => {
    const hello = '{"user":"u","text":"hello"}';
    const input = Buffer.concat([
      Buffer.from(`${hello}\r${hello}\n`), // one line with a \r in it: not valid JSON, one error
      Buffer.from(`${hello}\r\n`), // CRLF: the \r is JSON white space
      Buffer.from([0xff, 0x0a]), // invalid UTF-8
      Buffer.from(`{"user":"u","text":"${'a'.repeat(MAX_LINE_BYTES + 10)}"}\n`), // over the limit
      Buffer.from(`{"user":"u","action":"${'b'.repeat(300)}"}\n`), // an over-long field
      Buffer.from(`${hello}\n`),
    ]);
    const out = await chatJson(input);
    expect(out).toHaveLength(6);
    expect(out[0]?.error).toMatch(/not valid JSON/);
    expect(out[1]?.user).toBe('u');
    expect(out[2]?.error).toMatch(/not valid JSON/);
    expect(out[3]?.error).toMatch(/line too long/);
    expect(out[4]?.error).toMatch(/action must be at most 200 characters/);
    expect(out[5]?.user).toBe('u');
  });
});
