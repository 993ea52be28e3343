import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoreSpec } from '../../src/index.js';
import { runJsonSession } from '../support/json-session.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Run {
  stdout: string;
  stderr: string;
}

/** `chat --json` in-process (runJsonProtocol over the real core), fed `input` as stdin would be. */
function chatJson(store: StoreSpec, input: Buffer, options: { logLevel?: string; recordDir?: string } = {}): Promise<Run> {
  return runJsonSession({ input, store, ...options });
}

function randomJunk(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length);
  let s = seed;
  for (let i = 0; i < length; i++) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const b = s >> 16 & 0xff;
    // Line breaks would make more lines than the test counts (readline splits on \n and a lone \r).
    bytes[i] = b === 0x0a || b === 0x0d ? 0x20 : b;
  }
  return bytes;
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));

/** Each entry is one input line (without its line break). */
const GARBAGE: Buffer[] = [
  randomJunk(300, 1),
  randomJunk(5000, 2),
  Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]),
  Buffer.concat([Buffer.from('{"user":"u1","text":"bad bytes '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]),
  Buffer.from('x'.repeat(1024 * 1024)),
  json({ user: 'u1', text: 'my card was declined '.repeat(50_000) }),
  Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`),
  Buffer.from(`${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`),
  Buffer.from(`{"user":"u1","text":"hi","extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}`),
  json({ user: 1, text: 'hi' }),
  json({ user: 'u1', text: 123 }),
  json({ user: 'u1', text: null }),
  json({ user: 'u1', action: '' }),
  json({ user: 'u1', action: ['x'] }),
  json({ user: '', text: 'hi' }),
  json({ user: 'u1', text: 'hi', conversation: {} }),
  Buffer.from('{"__proto__":{"polluted":true},"user":"u1","text":"hi"}'),
  Buffer.from('{"user":"u1","text":"hi","constructor":{"prototype":{"x":1}}}'),
  Buffer.from('[]'),
  Buffer.from('null'),
  Buffer.from('42'),
  Buffer.from('"just a string"'),
  Buffer.from('true'),
  Buffer.from(''),
  Buffer.from('    \t  '),
  Buffer.from('{"user":"u1","text":"unterminated'),
  json({ user: 'u1', text: '👍👍👍' }),
  json({ user: 'u1', text: '🇨🇳 🧑‍🧑‍🧒 ❤️‍🔥' }),
  json({ user: 'u1', text: 'مرحبا، بطاقتي مرفوضة' }),
  json({ user: 'u1', text: '\u202egnirts desrever\u202c \u200f\u200e' }),
  json({ user: 'u1', text: '\u0000\u0001\u0007\u001b[31mred\u001b[0m\u007f' }),
  Buffer.from('{"user":"u1","text":"lone surrogate \\ud800 here"}'),
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json({ user: 'u1', text: 'with a BOM' })]),
  Buffer.from('{"user":"u1","text":"raw \u0001\u0002 control bytes in the line"}'),
  json({ user: 'u1', text: 'z̷̢̛̖̗̘̙̜̝̞̟̠̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼͇͈͉͍͎a̸l̶g̷o' }),
  json({ user: 'u1', text: '<@U024BE7LH> ```js\nalert(1)``` <https://x.test|click>' }),
  json({ user: 'u1', action: 'not-a-real-button-value' }),
  json({ user: 'u1', action: 'flow:'.repeat(10_000) }),
  json({ user: 'x'.repeat(10_000), text: 'a very long user id' }),
  json({ user: 'u1', text: 'hello' }),
  json({ user: 'u1', text: 'my card was declined' }),
];

describe('supportbot chat --json against garbage', () => {
  it('answers every line with exactly one JSON line, in order, and ends at the end of input', async () => {
    const input = Buffer.concat([...GARBAGE.flatMap((line) => [line, Buffer.from('\n')]), json({ user: 'u1', text: 'crlf line' }), Buffer.from('\r\n')]);
    // In-process, a crash would reject here; the protocol must simply answer every line.
    const run = await chatJson({ kind: 'memory' }, input);
    const lines = run.stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(GARBAGE.length + 1);
    for (const line of lines) {
      const out = JSON.parse(line) as Record<string, unknown>;
      expect(typeof out.error === 'string' || (typeof out.user === 'string' && Array.isArray(out.replies))).toBe(true);
    }
    const byIndex = (i: number) => JSON.parse(lines[i] ?? '') as { error?: string; replies?: Array<{ text: string }> };
    // The last real questions after all that junk are still answered normally.
    expect(byIndex(GARBAGE.length - 1).replies?.length).toBeGreaterThan(0);
    expect(byIndex(GARBAGE.length - 2).replies?.length).toBeGreaterThan(0);
    expect(byIndex(0).error).toMatch(/not valid JSON/);
  }, 180_000);

  it('never writes a pasted secret to the store, the transcripts, the logs or the output', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-secrets-'));
    dirs.push(dir);
    const secrets = {
      card: '4111111111111111',
      card2: '5500000000000004',
      amex: '378282246310005',
      otp: '482913',
      password: 'hunter2xyz',
      payPassword: '135790',
      passport: 'X9876543',
      email: 'jane.secret@example.com',
      phone: '4155552671',
    };
    const lines = [
      { user: 'u1', text: 'hello' },
      { user: 'u1', text: `my card 4111 1111 1111 1111 was declined` },
      { user: 'u1', text: `card 5500-0000-0000-0004 exp 09/27 cvv 123` },
      { user: 'u1', text: `amex 378282246310005, security code is 4321` },
      { user: 'u1', text: `the code is ${secrets.otp}` },
      { user: 'u1', text: `my password is ${secrets.password}` },
      { user: 'u1', text: `payment password ${secrets.payPassword}` },
      { user: 'u1', text: `passport number ${secrets.passport}` },
      { user: 'u1', text: `email me at ${secrets.email} or call +1 (415) 555-2671` },
      { user: 'u1', action: secrets.card },
      { user: 'u2', text: `４１１１ １１１１ １１１１ １１１１ is my card` },
      { user: 'u2', text: `4111\u200b1111\u200b1111\u200b1111` },
      { user: 'u1', text: 'thanks' },
    ];
    const input = Buffer.from(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const run = await chatJson({ kind: 'lowdb', path: path.join(dir, 'store', 'supportbot.json') }, input, {
      logLevel: 'debug',
      recordDir: path.join(dir, 'transcripts'),
    });
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(lines.length);
    expect(run.stderr).toContain('"msg":"turn"');

    const files = listFiles(dir);
    expect(files.length).toBeGreaterThan(0);
    const haystacks = [
      ...files.map((file) => ({ where: path.relative(dir, file), text: readFileSync(file, 'utf8') })),
      { where: 'stderr', text: run.stderr },
      { where: 'stdout', text: run.stdout },
    ];
    for (const { where, text } of haystacks) {
      // JSON and YAML number values (timestamps, confidences) may hold any six digits by chance: not secrets.
      const words = text.replace(/(?<=[:[,]\s*)-?\d+(?:\.\d+)?(?=\s*[,}\]\n])/g, '#');
      const compact = words.replace(/[\s\-()+]|\\u200b/g, '');
      const raw = text.replace(/[\s\-()+]|\\u200b/g, '');
      for (const [name, value] of Object.entries(secrets)) {
        const short = value.length <= 6;
        expect(short ? compact.includes(value) || words.includes(value) : raw.includes(value) || text.includes(value), `${name} found in ${where}`).toBe(false);
      }
      expect(text, `cvv in ${where}`).not.toMatch(/cvv 123|is 4321/);
    }
    // The files were written, and what reached them is the redacted text.
    expect(haystacks.some(({ text }) => text.includes('[card number]'))).toBe(true);
  }, 180_000);
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? listFiles(full) : [full];
  });
}
