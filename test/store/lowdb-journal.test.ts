import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { journalFile, listJournals, openJournalWriter, removeFile, replayJournals } from '../../src/store/lowdb-journal.js';

const record = (key: string, version: number, state: unknown = version) => ({ key, version, state, updatedAt: version });

describe('the lowdb journal', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'supportbot-journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('appends one line per record, readable right away', () => {
    const writer = openJournalWriter(dir, 1);
    writer.append(JSON.stringify(record('a', 1)));
    writer.append(JSON.stringify(record('b', 1)));
    expect(readFileSync(writer.file, 'utf8').trim().split('\n').map((l) => JSON.parse(l))).toEqual([{ c: record('a', 1) }, { c: record('b', 1) }]);
    writer.close();
    writer.close();
  });

  it('lists journals in sequence order and ignores other files', () => {
    for (const seq of [12, 3, 7]) writeFileSync(journalFile(dir, seq), '');
    writeFileSync(path.join(dir, 'journal-notes.txt'), '');
    writeFileSync(path.join(dir, 'events.jsonl'), '');
    expect(listJournals(dir).map((j) => j.seq)).toEqual([3, 7, 12]);
    expect(path.basename(journalFile(dir, 3))).toBe('journal-00000003.jsonl');
  });

  it('replays journals in order, keeping the highest version of each conversation', () => {
    const first = openJournalWriter(dir, 1);
    first.append(JSON.stringify(record('a', 1, 'old')));
    first.append(JSON.stringify(record('a', 2, 'new')));
    first.close();
    const second = openJournalWriter(dir, 2);
    second.append(JSON.stringify(record('b', 5)));
    second.append(JSON.stringify(record('a', 1, 'stale')));
    second.close();
    const { records, badLines } = replayJournals(listJournals(dir).map((j) => j.file));
    expect(badLines).toBe(0);
    expect(records.get('a')).toEqual(record('a', 2, 'new'));
    expect(records.get('b')).toEqual(record('b', 5));
  });

  it('counts a torn last line and a hand edit as bad lines, and keeps the rest', () => {
    const writer = openJournalWriter(dir, 1);
    writer.append(JSON.stringify(record('a', 1)));
    writer.close();
    appendFileSync(writer.file, '{"c":{"key":"b","version":"two"}}\n{"c":{"key":"c","vers');
    const { records, badLines } = replayJournals([writer.file]);
    expect(badLines).toBe(2);
    expect([...records.keys()]).toEqual(['a']);
  });

  it('removes a journal, and a journal already gone is not an error', () => {
    const file = journalFile(dir, 9);
    writeFileSync(file, '');
    removeFile(file);
    expect(listJournals(dir)).toEqual([]);
    expect(() => removeFile(file)).not.toThrow();
  });
});
