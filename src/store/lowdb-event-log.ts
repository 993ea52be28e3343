import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { openAppendFile, type AppendIo } from './append-file.js';
import { createEventClaims, type EventClaimsOptions } from './event-claims.js';

/**
 * Event ids answered by this process, kept in memory (bounded, with a TTL) and appended to a small
 * log so a platform retry that arrives after a restart is still answered only once. The log is
 * rewritten with only the live ids at open and whenever it grows past twice the bound.
 */
export interface EventLog {
  /** True the first time; throws (AppendError) without claiming when the log cannot be written. */
  claim(eventId: string, at: number): boolean;
  /** Forgets a claimed id (its event was refused and may be retried), here and after a restart. */
  release(eventId: string): void;
  close(): void;
}

/**
 * Lines are `{"e":id,"at":ms}` (claimed) and `{"f":id}` (released). Not fsynced: a line lost to a
 * power cut only means one retried event could be answered twice.
 */
export function openEventLog(file: string, options: EventClaimsOptions, now: number, io?: AppendIo): EventLog {
  const claims = createEventClaims(options);
  let lines = 0;
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line === '') continue;
      lines++;
      try {
        const { e, at, f } = JSON.parse(line) as { e?: unknown; at?: unknown; f?: unknown };
        if (typeof e === 'string' && typeof at === 'number' && now - at < options.ttlMs) claims.remember(e, at);
        if (typeof f === 'string') claims.forget(f);
      } catch {
        // a torn or edited line: the id is simply forgotten
      }
    }
  }
  const lineOf = (id: string, at: number) => `${JSON.stringify({ e: id, at })}\n`;
  const compact = (at: number) => {
    const live = claims.entries(at);
    writeFileSync(`${file}.tmp`, live.map(([id, t]) => lineOf(id, t)).join(''));
    renameSync(`${file}.tmp`, file);
    lines = live.length;
  };
  if (lines > claims.size) compact(now);
  const openLog = () => openAppendFile(file, { sync: false, ...(io ? { io } : {}) });
  let out = openLog();
  const grew = (at: number) => {
    if (++lines > options.maxEntries * 2) {
      out.close();
      compact(at);
      out = openLog();
    }
  };

  return {
    claim(eventId, at) {
      if (!claims.claim(eventId, at)) return false;
      try {
        out.append(lineOf(eventId, at));
      } catch (error) {
        // Not recorded, so not claimed: the turn fails, and its retry is answered.
        claims.forget(eventId);
        throw error;
      }
      grew(at);
      return true;
    },
    release(eventId) {
      claims.forget(eventId);
      out.append(`${JSON.stringify({ f: eventId })}\n`);
      grew(Date.now());
    },
    close() {
      out.close();
    },
  };
}
