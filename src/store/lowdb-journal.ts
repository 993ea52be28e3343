import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import path from 'node:path';
import { openAppendFile, type AppendIo } from './append-file.js';
import { conversationRecordSchema, type StoredConversation } from './conversation-record.js';

/**
 * The write-ahead journal of the lowdb store. A turn is acknowledged once its record is appended
 * here whole and flushed to the disk (one write(2) with its byte count checked, then fdatasync),
 * so neither SIGKILL, a power loss nor a full disk can lose an acknowledged turn: a write the disk
 * took only part of is cut back off and fails the turn. A background flush then rewrites the
 * conversation's own lowdb file and drops old journals.
 */
const JOURNAL = /^journal-(\d{8})\.jsonl$/;

export function journalFile(dir: string, seq: number): string {
  return path.join(dir, `journal-${String(seq).padStart(8, '0')}.jsonl`);
}

export function listJournals(dir: string): Array<{ seq: number; file: string }> {
  return readdirSync(dir)
    .map((name) => JOURNAL.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ seq: Number(m[1]), file: path.join(dir, m[0]) }))
    .sort((a, b) => a.seq - b.seq);
}

export interface JournalReplay {
  records: Map<string, StoredConversation>;
  /** Lines that could not be used (a torn last line, a hand edit). */
  badLines: number;
}

/** Replays journals in order; the highest version of each conversation wins. */
export function replayJournals(files: string[]): JournalReplay {
  const records = new Map<string, StoredConversation>();
  let badLines = 0;
  for (const file of files) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line === '') continue;
      try {
        const parsed = conversationRecordSchema.safeParse((JSON.parse(line) as { c?: unknown }).c);
        if (!parsed.success) {
          badLines++;
          continue;
        }
        const previous = records.get(parsed.data.key);
        if (!previous || previous.version < parsed.data.version) records.set(parsed.data.key, parsed.data);
      } catch {
        badLines++;
      }
    }
  }
  return { records, badLines };
}

export interface JournalWriter {
  readonly file: string;
  /** Appends one record; returns once it is on the disk, or throws (AppendError) having stored nothing. */
  append(recordJson: string): void;
  close(): void;
}

export function openJournalWriter(dir: string, seq: number, io?: AppendIo): JournalWriter {
  const out = openAppendFile(journalFile(dir, seq), { sync: true, ...(io ? { io } : {}) });
  return {
    file: out.file,
    append: (recordJson) => out.append(`{"c":${recordJson}}\n`),
    close: () => out.close(),
  };
}

export function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
