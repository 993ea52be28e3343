import { insightRecordSchema, type InsightRecord } from '../../core/insight-record.js';
import { STATUSES, platformSchema } from '../../core/types.js';

/** `2026-11-22` for an epoch time: insights are kept in one file (or list) per UTC day. */
export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The start of a UTC day, in epoch ms. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

const PLATFORMS = new Set<unknown>(platformSchema.options);
const isStringOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const isOptional = (v: unknown, check: (v: unknown) => boolean): boolean => v === undefined || check(v);

/**
 * The common shape of a record, checked by hand without copying it. A report reads every stored
 * record (half a million for 100,000 conversations), and zod's parse, which builds a new object
 * for each, doubled the report's time (measured with bench/insights-bench.ts). A line that does not
 * pass is handed to the zod schema, which has the last word.
 */
function looksLikeRecord(raw: unknown): raw is InsightRecord {
  if (typeof raw !== 'object' || raw === null) return false;
  const r = raw as Record<string, unknown>;
  return (
    r.v === 1 &&
    typeof r.at === 'number' &&
    typeof r.c === 'string' &&
    r.c !== '' &&
    PLATFORMS.has(r.p) &&
    isStringOrNull(r.intent) &&
    typeof r.conf === 'number' &&
    isStringOrNull(r.flow) &&
    isStringOrNull(r.step) &&
    isOptional(r.text, (v) => typeof v === 'string') &&
    isOptional(r.action, (v) => typeof v === 'string') &&
    isOptional(r.label, (v) => typeof v === 'string') &&
    isOptional(r.handoff, (v) => v === true) &&
    isOptional(r.error, (v) => v === true) &&
    isOptional(r.feedback, (v) => v === 'up' || v === 'down') &&
    isOptional(r.status, (v) => v === null || STATUSES.includes(v as never)) &&
    isOptional(r.facts, (v) => Array.isArray(v) && v.every((f) => typeof f === 'string')) &&
    // Signals vary more: any record that has them goes through zod.
    r.signals === undefined
  );
}

/** One stored line → a record, or undefined for a torn or hand-edited line (counted by the caller). */
export function parseInsightLine(line: string): InsightRecord | undefined {
  if (line === '') return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (looksLikeRecord(raw)) return raw;
  const parsed = insightRecordSchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}

/** Records grouped by their UTC day, each as JSON lines. */
export function linesByDay(records: readonly InsightRecord[]): Map<string, string[]> {
  const days = new Map<string, string[]>();
  for (const record of records) {
    const day = dayOf(record.at);
    let lines = days.get(day);
    if (!lines) days.set(day, (lines = []));
    lines.push(JSON.stringify(record));
  }
  return days;
}

export const READ_BATCH = 5000;
