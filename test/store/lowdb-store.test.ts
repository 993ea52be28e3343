import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { openLowdbStore, type LowdbStoreOptions } from '../../src/store/lowdb-store.js';
import { StoreInUseError } from '../../src/store/store-errors.js';
import { storeContract } from './store-contract.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-lowdb-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** A real pino logger writing JSON lines into an array, to check what the store reports. */
function capturingLogger(): { logger: pino.Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

const open = (options: LowdbStoreOptions = {}) => openLowdbStore(path.join(dir, 's.json'), options);
const record = (key: string, version: number, state: unknown = { step: version }) => ({ key, version, state, updatedAt: version });

describe('the lowdb store', () => {
  storeContract(() => open());

  it('keeps a small manifest at PATH and each conversation in its own lowdb file beside it', async () => {
    const store = await open();
    await store.put(record('slack:T1:C1:1.2', 1), 0);
    await store.put(record('discord:42', 1), 0);
    await store.close();
    const manifest = JSON.parse(readFileSync(path.join(dir, 's.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'supportbot-lowdb', schemaVersion: 1, layout: 'sharded-sha256', conversations: 's.conversations' });
    const reopened = await open();
    const file = reopened.fileOf('slack:T1:C1:1.2');
    expect(path.relative(dir, file)).toMatch(/^s\.conversations\/[0-9a-f]{2}\/[0-9a-f]{32}\.json$/);
    expect(path.basename(path.dirname(file))).toBe(path.basename(file).slice(0, 2));
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(record('slack:T1:C1:1.2', 1));
    await reopened.close();
  });

  it('keeps every conversation across a close and a reopen, and leaves no journal behind', async () => {
    const store = await open();
    for (let i = 0; i < 50; i++) await store.put(record(`c${i}`, 1), 0);
    await store.put(record('c0', 2, 'second'), 1);
    await store.close();
    expect(readdirSync(path.join(dir, 's.conversations')).filter((f) => f.startsWith('journal-'))).toEqual([]);
    const reopened = await open();
    expect(await reopened.get('c0')).toEqual(record('c0', 2, 'second'));
    expect(await reopened.get('c49')).toEqual(record('c49', 1));
    await reopened.close();
  });

  it('writes a turn to the journal before acknowledging it, and replays the journal at the next open', async () => {
    const store = await open({ flushIntervalMs: 60_000 });
    await store.put(record('journalled', 1, 'kept'), 0);
    // Nothing flushed yet: the only copy is the journal line, as after a crash.
    expect(existsSync(store.fileOf('journalled'))).toBe(false);
    const journals = readdirSync(store.dir).filter((f) => f.startsWith('journal-'));
    expect(journals).toHaveLength(1);
    const copy = path.join(dir, 'copy');
    mkdirSync(path.join(copy, 's.conversations'), { recursive: true });
    writeFileSync(path.join(copy, 's.json'), readFileSync(path.join(dir, 's.json')));
    writeFileSync(path.join(copy, 's.conversations', journals[0] ?? ''), readFileSync(path.join(store.dir, journals[0] ?? '')));
    await store.close();

    const recovered = await openLowdbStore(path.join(copy, 's.json'));
    expect(await recovered.get('journalled')).toEqual(record('journalled', 1, 'kept'));
    await recovered.flush();
    expect(JSON.parse(readFileSync(recovered.fileOf('journalled'), 'utf8'))).toEqual(record('journalled', 1, 'kept'));
    await recovered.close();
  });

  it('remembers answered event ids across a restart', async () => {
    const store = await open();
    expect(await store.claimEvent('Ev123')).toBe(true);
    await store.close();
    const reopened = await open();
    expect(await reopened.claimEvent('Ev123')).toBe(false);
    expect(await reopened.claimEvent('Ev456')).toBe(true);
    await reopened.close();
  });

  it('forgets event ids after their time to live', async () => {
    let now = 1_000_000;
    const store = await open({ now: () => now, eventTtlMs: 1000 });
    expect(await store.claimEvent('e')).toBe(true);
    now += 999;
    expect(await store.claimEvent('e')).toBe(false);
    now += 2;
    expect(await store.claimEvent('e')).toBe(true);
    await store.close();
  });

  it('moves a conversation file with invalid JSON aside, says so in one log line, and starts that conversation fresh', async () => {
    const store = await open();
    await store.put(record('broken', 3), 0);
    await store.put(record('fine', 1), 0);
    const file = store.fileOf('broken');
    await store.close();
    writeFileSync(file, '{"key":"broken","version":3,');
    const { logger, lines } = capturingLogger();

    const store2 = await open({ logger });
    expect(await store2.get('broken')).toBeUndefined();
    expect(await store2.get('fine')).toEqual(record('fine', 1));
    const aside = readdirSync(path.dirname(file)).filter((f) => f.startsWith(`${path.basename(file)}.corrupt-`));
    expect(aside).toHaveLength(1);
    expect(aside[0]).toMatch(/\.corrupt-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z$/);
    expect(readFileSync(path.join(path.dirname(file), aside[0] ?? ''), 'utf8')).toBe('{"key":"broken","version":3,');
    const warnings = lines.filter((l) => l.file === file);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: 40, problem: expect.stringContaining('invalid JSON') });
    expect(String(warnings[0]?.msg)).toContain(file);
    // The conversation goes on from scratch, and is stored again.
    await store2.put(record('broken', 1, 'fresh'), 0);
    await store2.close();
    const store3 = await open();
    expect(await store3.get('broken')).toEqual(record('broken', 1, 'fresh'));
    await store3.close();
  });

  it('moves a hand-edited conversation file that fails the schema aside, naming the field', async () => {
    const store = await open();
    await store.put(record('edited', 2), 0);
    const file = store.fileOf('edited');
    await store.close();
    writeFileSync(file, JSON.stringify({ key: 'edited', version: 'two', state: {}, updatedAt: 1 }));
    const { logger, lines } = capturingLogger();
    const reopened = await open({ logger });
    expect(await reopened.get('edited')).toBeUndefined();
    expect(lines.find((l) => l.file === file)).toMatchObject({ problem: expect.stringMatching(/^version: /) });
    expect(existsSync(file)).toBe(false);
    await reopened.close();
  });

  it('moves a corrupt manifest aside, reports it and starts with a fresh one', async () => {
    writeFileSync(path.join(dir, 's.json'), 'this is not json');
    const { logger, lines } = capturingLogger();
    const store = await open({ logger });
    await store.put(record('after', 1), 0);
    await store.close();
    expect(JSON.parse(readFileSync(path.join(dir, 's.json'), 'utf8')).format).toBe('supportbot-lowdb');
    const aside = readdirSync(dir).filter((f) => f.startsWith('s.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(lines.find((l) => l.file === path.join(dir, 's.json'))).toMatchObject({ level: 40, problem: expect.stringContaining('invalid JSON') });
  });

  it('moves aside a manifest that is valid JSON of the wrong shape (an old or foreign file)', async () => {
    writeFileSync(path.join(dir, 's.json'), JSON.stringify({ conversations: {} }));
    const { logger, lines } = capturingLogger();
    const store = await open({ logger });
    await store.close();
    expect(lines.find((l) => l.file === path.join(dir, 's.json'))?.problem).toMatch(/^format: /);
  });

  it('refuses a manifest written by a newer version instead of overwriting it', async () => {
    const newer = { format: 'supportbot-lowdb', schemaVersion: 99, layout: 'sharded-sha256', conversations: 's.conversations', createdAt: 'x' };
    writeFileSync(path.join(dir, 's.json'), JSON.stringify(newer));
    await expect(open()).rejects.toThrow(/schemaVersion: 99 was written by a newer supportbot/);
    expect(JSON.parse(readFileSync(path.join(dir, 's.json'), 'utf8'))).toEqual(newer);
    // The failed open left no lock behind.
    writeFileSync(path.join(dir, 's.json'), '');
    const store = await open();
    await store.close();
  });

  it('refuses to open a store that another live process (here: this one) has open', async () => {
    const store = await open();
    await expect(open()).rejects.toBeInstanceOf(StoreInUseError);
    await expect(open()).rejects.toThrow(/REDIS_URL/);
    await store.close();
    const again = await open();
    await again.close();
  });

  it('takes over the lock of a process that died', async () => {
    const store = await open();
    await store.close();
    const lock = path.join(dir, 's.conversations', 'owner.lock');
    writeFileSync(lock, '2147483646\n');
    const reopened = await open();
    expect(readFileSync(lock, 'utf8').trim()).toBe(String(process.pid));
    await reopened.put(record('after-takeover', 1), 0);
    expect(await reopened.get('after-takeover')).toEqual(record('after-takeover', 1));
    await reopened.close();
  });

  it('opens without reading the stored conversations: a broken file is noticed only when its conversation is used', async () => {
    const store = await open({ flushBatch: 100_000 });
    for (let i = 0; i < 1000; i++) await store.put(record(`many:${i}`, 1), 0);
    const broken = store.fileOf('many:7');
    await store.close();
    writeFileSync(broken, 'not json');
    const { logger, lines } = capturingLogger();
    const started = performance.now();
    const reopened = await open({ logger });
    const openMs = performance.now() - started;
    expect(lines.filter((l) => l.file === broken)).toHaveLength(0);
    expect(openMs).toBeLessThan(200);
    expect(await reopened.get('many:999')).toEqual(record('many:999', 1));
    expect(await reopened.get('many:7')).toBeUndefined();
    expect(lines.filter((l) => l.file === broken)).toHaveLength(1);
    await reopened.close();
  });

  it('creates the folder of PATH when it does not exist', async () => {
    const store = await openLowdbStore(path.join(dir, 'new', 'deeper', 'bot.json'));
    await store.put(record('k', 1), 0);
    await store.close();
    expect(existsSync(path.join(dir, 'new', 'deeper', 'bot.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'new', 'deeper', 'bot.conversations'))).toBe(true);
  });
});
