/**
 * intents/followups/<intent>.yaml: follow-up phrasings of our own writing, keyed by the topic the bot
 * has just discussed ("is there a way to go above that?" after limits belongs to limits). They teach
 * and check how understanding reads a short message against the previous topic.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { DataFileError } from '../core/errors.js';
import { INTENTS, type IntentName } from '../core/intents.js';
import { utteranceSchema } from './intent-file-schema.js';
import { DEFAULT_INTENTS_DIR, displayPath } from './paths.js';
import { parseYamlData } from '../core/data-file.js';

export const DEFAULT_FOLLOWUPS_DIR = path.join(DEFAULT_INTENTS_DIR, 'followups');

const intentName = z.enum(INTENTS, { error: `must be one of the intents (${INTENTS.join(', ')})` });

export const followUpFileSchema = z
  .object({
    intent: intentName,
    description: z.string().trim().min(1, 'must be a non-empty string'),
    /** topic just discussed → follow-ups said after it that belong to this file's intent. */
    after: z.partialRecord(intentName, z.array(utteranceSchema).min(1, 'must have at least one utterance')),
  })
  .strict();

export interface FollowUpExample {
  text: string;
  intent: IntentName;
  /** The topic the bot had just discussed. */
  after: IntentName;
  file: string;
  field: string;
}

export function loadFollowUps(dir: string = DEFAULT_FOLLOWUPS_DIR): FollowUpExample[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => /\.ya?ml$/.test(n))
      .sort();
  } catch (error) {
    throw new DataFileError(displayPath(dir), '', `cannot read the follow-ups directory (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const examples: FollowUpExample[] = [];
  for (const name of names) {
    const file = path.join(dir, name);
    const shown = displayPath(file);
    const data = parseYamlData(shown, readFileSync(file, 'utf8'), followUpFileSchema);
    const stem = name.replace(/\.ya?ml$/, '');
    if (data.intent !== stem) throw new DataFileError(shown, 'intent', `must equal the file name ("${stem}"), found "${data.intent}"`);
    for (const [after, texts = []] of Object.entries(data.after)) {
      texts.forEach((text, i) => examples.push({ text, intent: data.intent, after: after as IntentName, file: shown, field: `after.${after}[${i}]` }));
    }
  }
  return examples;
}
