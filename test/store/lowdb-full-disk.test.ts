import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { APOLOGY_TEXT } from '../../src/core/turn-pipeline.js';
import { openAppendFile, type AppendIo, nodeAppendIo } from '../../src/store/append-file.js';
import { listJournals, replayJournals } from '../../src/store/lowdb-journal.js';
import { openLowdbStore } from '../../src/store/lowdb-store.js';

const fixture = fileURLToPath(new URL('./fixtures/turns-until-disk-full.ts', import.meta.url));
const dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-full-disk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface TurnLine {
  i: number;
  errorRef: string | null;
  reply: string;
}

/** Runs the fixture under a file size limit (a real kernel short write, no mount needed) and SIGKILLs it. */
async function runUntilFull(storePath: string, limitKiB: number): Promise<TurnLine[]> {
  // SIGXFSZ ignored, so a write past the limit returns a short count and then EFBIG, as on a full disk.
  const script = `trap '' XFSZ; ulimit -f ${limitKiB}; exec "${process.execPath}" --import tsx "${fixture}" "${storePath}"`;
  const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'silent' } });
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('done\n')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`fixture exited (${code}): ${err}`)));
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  return out
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as TurnLine);
}

describe('the lowdb journal on a full disk', () => {
  it('fails the turn that did not fit (apology with a reference), keeps every acknowledged one through a SIGKILL, and leaves no torn line', async () => {
    const storePath = path.join(dir, 'full.json');
    const turns = await runUntilFull(storePath, 24);
    const failed = turns.filter((t) => t.errorRef !== null);
    const acked = turns.filter((t) => t.errorRef === null);
    expect(failed).toHaveLength(3);
    expect(acked.length).toBeGreaterThan(5);
    for (const t of failed) expect(t.reply).toBe(APOLOGY_TEXT(t.errorRef ?? ''));
    // (A smaller turn after a failure may still fit: the failed line was cut off again.)

    const conversations = path.join(dir, 'full.conversations');
    const replay = replayJournals(listJournals(conversations).map((j) => j.file));
    expect(replay.badLines).toBe(0);
    expect(replay.records.get('cli:full')?.version).toBe(acked.length);
    const store = await openLowdbStore(storePath);
    expect((await store.get('cli:full'))?.version).toBe(acked.length);
    await store.close();
    expect(readdirSync(conversations).some((f) => f.startsWith('journal-'))).toBe(false);
  }, 120_000);
});

describe('an all-or-nothing append (fault injection through the file-call seam)', () => {
  const faulty = (fail: { shortBy?: number; fsync?: boolean }): AppendIo & { synced: number } => {
    const io = {
      ...nodeAppendIo,
      synced: 0,
      write(fd: number, data: Buffer) {
        if (!fail.shortBy) return nodeAppendIo.write(fd, data);
        return nodeAppendIo.write(fd, data.subarray(0, data.length - fail.shortBy));
      },
      datasync(fd: number) {
        if (fail.fsync) throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
        io.synced++;
        nodeAppendIo.datasync(fd);
      },
    };
    return io;
  };

  it('fsyncs every journal line before put() resolves', async () => {
    const io = faulty({});
    const store = await openLowdbStore(path.join(dir, 'sync.json'), { io });
    await store.put({ key: 'k', version: 1, state: {}, updatedAt: 1 }, 0);
    await store.put({ key: 'k', version: 2, state: {}, updatedAt: 2 }, 1);
    expect(io.synced).toBe(2);
    await store.close();
  });

  for (const what of ['a short write', 'a failed fsync'] as const) {
    it(`treats ${what} as a failed put: the store and the journal stay as they were`, async () => {
      const fail: { shortBy?: number; fsync?: boolean } = {};
      const storePath = path.join(dir, `${what.replace(/\W/g, '-')}.json`);
      const store = await openLowdbStore(storePath, { io: faulty(fail), flushIntervalMs: 3_600_000 });
      await store.put({ key: 'k', version: 1, state: { n: 1 }, updatedAt: 1 }, 0);
      Object.assign(fail, what === 'a short write' ? { shortBy: 1 } : { fsync: true });
      await expect(store.put({ key: 'k', version: 2, state: { n: 2 }, updatedAt: 2 }, 1)).rejects.toThrow(what === 'a short write' ? /short write/ : /could not flush/);
      expect((await store.get('k'))?.version).toBe(1);
      delete fail.shortBy;
      delete fail.fsync;
      await store.put({ key: 'k', version: 2, state: { n: 22 }, updatedAt: 3 }, 1);
      const journals = listJournals(store.dir).map((j) => j.file);
      const replay = replayJournals(journals);
      expect(replay.badLines).toBe(0);
      expect(replay.records.get('k')).toMatchObject({ version: 2, state: { n: 22 } });
      await store.close();
    });
  }

  it('cuts a torn tail it could not truncate off into an unreadable line of its own', () => {
    const file = path.join(dir, 'torn.jsonl');
    const fail = { short: true };
    const io: AppendIo = {
      ...nodeAppendIo,
      write: (fd, data) => nodeAppendIo.write(fd, fail.short ? data.subarray(0, data.length - 1) : data),
      truncate: () => {
        throw new Error('EIO');
      },
    };
    const out = openAppendFile(file, { sync: false, io });
    expect(() => out.append('{"c":{"key":"a","version":1,"state":null,"updatedAt":0}}\n')).toThrow(/short write/);
    fail.short = false;
    out.append('{"c":{"key":"b","version":1,"state":null,"updatedAt":0}}\n');
    out.close();
    const replay = replayJournals([file]);
    expect([...replay.records.keys()]).toEqual(['b']);
    expect(replay.badLines).toBe(1);
  });
});
