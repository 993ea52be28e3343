import { appendFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { InsightRecord, InsightsStore } from '../../core/insight-record.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { dayOf, dayStart, linesByDay, parseInsightLine, READ_BATCH } from './insight-lines.js';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

/**
 * Insights beside the lowdb conversations: `<conversations folder>/insights/<UTC day>.jsonl`, one
 * JSON line per turn, appended in batches. Retention drops whole days. Reading needs no lock, so
 * `supportbot report` works while `serve` runs; a torn last line (a write in progress) is skipped.
 */
export function openFileInsights(dir: string, options: { logger?: Logger } = {}): InsightsStore & { readonly dir: string } {
  const logger = options.logger ?? silentLogger();
  let made = false;
  const days = async (): Promise<string[]> => {
    try {
      return (await readdir(dir))
        .map((name) => DAY_FILE.exec(name)?.[1])
        .filter((d): d is string => d !== undefined)
        .sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  };
  return {
    dir,
    async append(records) {
      if (records.length === 0) return;
      if (!made) {
        await mkdir(dir, { recursive: true });
        made = true;
      }
      for (const [day, lines] of linesByDay(records)) await appendFile(path.join(dir, `${day}.jsonl`), `${lines.join('\n')}\n`);
    },
    async *read(since) {
      const first = dayOf(since);
      let skipped = 0;
      for (const day of await days()) {
        if (day < first) continue;
        const file = path.join(dir, `${day}.jsonl`);
        const text = await readFile(file, 'utf8');
        let batch: InsightRecord[] = [];
        for (const line of text.split('\n')) {
          if (line === '') continue;
          const record = parseInsightLine(line);
          if (!record) {
            skipped++;
            continue;
          }
          if (record.at < since) continue;
          batch.push(record);
          if (batch.length >= READ_BATCH) {
            yield batch;
            batch = [];
          }
        }
        if (batch.length > 0) yield batch;
      }
      if (skipped > 0) logger.warn({ dir, skipped }, `insights in ${dir}: skipped ${skipped} unreadable line(s)`);
    },
    async prune(before) {
      const cut = dayOf(before);
      let dropped = 0;
      for (const day of await days()) {
        // A day goes once all of it is older than the cut.
        if (day < cut && dayStart(day) + 86_400_000 <= before) {
          await rm(path.join(dir, `${day}.jsonl`), { force: true });
          dropped++;
        }
      }
      return dropped;
    },
    async close() {},
  };
}
