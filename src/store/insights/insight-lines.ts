import { insightRecordSchema, type InsightRecord } from '../../core/insight-record.js';

/** `2026-11-22` for an epoch time: insights are kept in one file (or list) per UTC day. */
export function dayOf(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}

/** The start of a UTC day, in epoch ms. */
export function dayStart(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
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
