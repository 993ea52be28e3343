import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { DataFileError } from '../../core/errors.js';
import { INTENTS } from '../../core/intents.js';
import { STATUSES, type Fact, type Status, type UnderstandingContext } from '../../core/types.js';
import { displayPath } from '../paths.js';
import type { TrainingExample } from '../train-intent-model.js';
import { parseJsonlRows } from '../../core/data-file.js';

const intentSchema = z.enum(INTENTS, { error: `must be one of the intents (${INTENTS.join(', ')})` });

/**
 * One row of an evaluation or training file: `label` is an optional finer sub-intent of `intent`.
 * Real-style evaluation rows may also say what the message states (facts, status, whether it asks
 * something) and what came before it (context): `eval` then scores those too.
 */
export const labelledRowSchema = z.object({
  id: z.string().optional(),
  text: z.string().trim().min(1, 'must be a non-empty string'),
  intent: intentSchema,
  label: z.string().min(1).optional(),
  facts: z
    .array(z.object({ name: z.string().min(1), negated: z.boolean().default(false), value: z.string().optional() }))
    .optional(),
  status: z.enum(STATUSES).nullable().optional(),
  asksQuestion: z.boolean().optional(),
  context: z
    .object({ topic: intentSchema.nullable().default(null), flow: z.string().nullable().default(null), step: z.string().nullable().default(null), botSaid: z.string().optional() })
    .optional(),
});
export type LabelledRow = z.output<typeof labelledRowSchema>;

/** A test row: the training fields, plus what a real-style set says about the message. */
export interface EvaluationRow extends TrainingExample {
  id?: string;
  facts?: Array<Pick<Fact, 'name' | 'negated'> & { value?: string }>;
  status?: Status | null;
  asksQuestion?: boolean;
  context?: UnderstandingContext;
}

/** Reads a JSONL file of labelled rows; a bad line is a DataFileError naming the file, line and field. */
export async function readLabelledJsonl(file: string): Promise<EvaluationRow[]> {
  const shown = displayPath(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DataFileError(shown, '', `cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const rows: EvaluationRow[] = [];
  for (const { row: parsed } of parseJsonlRows(shown, text, labelledRowSchema)) {
    const { text: utterance, intent, label, id, facts, status, asksQuestion, context } = parsed;
    const row: EvaluationRow = label === undefined ? { text: utterance, intent } : { text: utterance, intent, label };
    if (id !== undefined) row.id = id;
    if (facts !== undefined) row.facts = facts.map((f) => (f.value === undefined ? { name: f.name, negated: f.negated } : { name: f.name, negated: f.negated, value: f.value }));
    if (status !== undefined) row.status = status;
    if (asksQuestion !== undefined) row.asksQuestion = asksQuestion;
    if (context !== undefined) row.context = { topic: context.topic, flow: context.flow, step: context.step };
    rows.push(row);
  }
  if (rows.length === 0) throw new DataFileError(shown, '', 'no rows');
  return rows;
}
