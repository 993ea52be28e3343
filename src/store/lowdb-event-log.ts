import { closeSync, existsSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { createEventClaims, type EventClaimsOptions } from './event-claims.js';

/**
 * Event ids answered by this process, kept in memory (bounded, with a TTL) and appended to a small
 * log so a platform retry that arrives after a restart is still answered only once. The log is
 * rewritten with only the live ids at open and whenever it grows past twice the bound.
 */
export interface EventLog {
  claim(eventId: string, at: number): boolean;
  close(): void;
}

export function openEventLog(file: string, options: EventClaimsOptions, now: number): EventLog {
  const claims = createEventClaims(options);
  let lines = 0;
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line === '') continue;
      lines++;
      try {
        const { e, at } = JSON.parse(line) as { e?: unknown; at?: unknown };
        if (typeof e === 'string' && typeof at === 'number' && now - at < options.ttlMs) claims.remember(e, at);
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
  let fd = openSync(file, 'a');

  return {
    claim(eventId, at) {
      if (!claims.claim(eventId, at)) return false;
      writeSync(fd, lineOf(eventId, at));
      if (++lines > options.maxEntries * 2) {
        closeSync(fd);
        compact(at);
        fd = openSync(file, 'a');
      }
      return true;
    },
    close() {
      closeSync(fd);
    },
  };
}
