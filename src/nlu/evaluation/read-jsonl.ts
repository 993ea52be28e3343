import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DataFileError, formatIssuePath } from '../../core/errors.js';
import { INTENTS } from '../../core/intents.js';
import { displayPath } from '../paths.js';
import type { TrainingExample } from '../train-intent-model.js';

/** One row of an evaluation or training file: `label` is an optional finer sub-intent of `intent`. */
export const labelledRowSchema = z.object({
  text: z.string().trim().min(1, 'must be a non-empty string'),
  intent: z.enum(INTENTS, { error: `must be one of the intents (${INTENTS.join(', ')})` }),
  label: z.string().min(1).optional(),
});
export type LabelledRow = z.output<typeof labelledRowSchema>;

/** Reads a JSONL file of labelled rows; a bad line is a DataFileError naming the file, line and field. */
export async function readLabelledJsonl(file: string): Promise<TrainingExample[]> {
  const shown = displayPath(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DataFileError(shown, '', `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const rows: TrainingExample[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      throw new DataFileError(shown, `line ${i + 1}`, 'not valid JSON');
    }
    const parsed = labelledRowSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new DataFileError(shown, `line ${i + 1}${issue ? `: ${formatIssuePath(issue.path)}` : ''}`, issue?.message ?? 'invalid row');
    }
    const { text: utterance, intent, label } = parsed.data;
    rows.push(label === undefined ? { text: utterance, intent } : { text: utterance, intent, label });
  });
  if (rows.length === 0) throw new DataFileError(shown, '', 'no rows');
  return rows;
}
