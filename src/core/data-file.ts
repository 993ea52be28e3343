import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { DataFileError, formatIssuePath } from './errors.js';

/**
 * Reading the data files under intents/ and knowledge/ (YAML documents, JSONL rows) the one way:
 * parsed, checked with their zod schema, and a problem named with file, line or field as a
 * DataFileError.
 */

/** One YAML document checked against its schema (an empty file reads as `{}`). */
export function parseYamlData<S extends z.ZodType>(shown: string, content: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = parseYaml(content);
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? `line ${error.linePos[0].line}` : '';
    throw new DataFileError(shown, where, `invalid YAML: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`);
  }
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataFileError(shown, issue ? formatIssuePath(issue.path) : '', issue?.message ?? 'invalid');
  }
  return parsed.data;
}

/** The non-blank lines of a JSONL file, each checked against the row schema, with its 1-based line number. */
export function parseJsonlRows<S extends z.ZodType>(shown: string, content: string, schema: S): Array<{ line: number; row: z.output<S> }> {
  const rows: Array<{ line: number; row: z.output<S> }> = [];
  content.split(/\r?\n/).forEach((text, i) => {
    if (text.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw new DataFileError(shown, `line ${i + 1}`, 'not valid JSON');
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DataFileError(shown, `line ${i + 1}${issue ? `: ${formatIssuePath(issue.path)}` : ''}`, issue?.message ?? 'invalid row');
    }
    rows.push({ line: i + 1, row: parsed.data });
  });
  return rows;
}
