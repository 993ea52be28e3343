import { z } from 'zod';

const NON_EMPTY = 'must be a non-empty string';

/** One training utterance: trimmed, never empty. */
export const utteranceSchema = z.string({ error: NON_EMPTY }).trim().min(1, NON_EMPTY).max(300, 'must be at most 300 characters');

/** A sub-intent name: `<intent>.<sub>`, lower-case words joined by underscores. */
export const labelNameSchema = z
  .string()
  .regex(/^[a-z][a-z_]*\.[a-z0-9][a-z0-9_]*$/, 'a label must look like <intent>.<sub> (lower case, digits, underscores)');

/**
 * `intents/<intent>.yaml`: the training utterances of one intent. `examples` carry the intent
 * itself as their label; `labels` hold finer sub-intents where the intent has distinct phrasings
 * (out-of-scope above all: many small named sub-intents classify better than one broad bucket).
 */
export const intentFileSchema = z
  .object({
    intent: z.string({ error: NON_EMPTY }).min(1, NON_EMPTY),
    description: z.string({ error: NON_EMPTY }).trim().min(1, NON_EMPTY),
    examples: z.array(utteranceSchema, { error: 'must be a list of utterances' }).default([]),
    labels: z
      .record(labelNameSchema, z.array(utteranceSchema, { error: 'must be a list of utterances' }), {
        error: 'must be a mapping of label names to lists of utterances',
      })
      .default({}),
  })
  .strict()
  .superRefine((file, ctx) => {
    for (const label of Object.keys(file.labels)) {
      if (!label.startsWith(`${file.intent}.`)) {
        ctx.addIssue({ code: 'custom', path: ['labels', label], message: `label must start with "${file.intent}."` });
      }
      if ((file.labels[label] ?? []).length === 0) {
        ctx.addIssue({ code: 'custom', path: ['labels', label], message: 'must have at least one utterance' });
      }
    }
    if (file.examples.length === 0 && Object.keys(file.labels).length === 0) {
      ctx.addIssue({ code: 'custom', path: ['examples'], message: 'the file has no utterances (examples or labels)' });
    }
  });
export type IntentFile = z.output<typeof intentFileSchema>;
