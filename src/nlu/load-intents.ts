import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DataFileError } from '../core/errors.js';
import { INTENTS, isIntentName, type IntentName } from '../core/intents.js';
import { intentFileSchema } from './intent-file-schema.js';
import type { UnderstandingContext } from '../core/types.js';
import { loadRealStyle, realStyleFiles } from './load-real-style.js';
import { DEFAULT_INTENTS_DIR, displayPath } from './paths.js';
import { parseYamlData } from '../core/data-file.js';

/** One training utterance, with where it came from (for error messages). */
export interface IntentExample {
  text: string;
  intent: IntentName;
  /** The sub-intent: the intent itself for plain examples, `<intent>.<sub>` for labelled ones. */
  label: string;
  file: string;
  field: string;
  /** Where in a conversation it was said (real-style rows that come with their context). */
  context?: UnderstandingContext;
}

export interface LoadedIntents {
  examples: IntentExample[];
  /** The intents that have a file, in file-name order. */
  intents: IntentName[];
  descriptions: Partial<Record<IntentName, string>>;
  /** sha256 of the file names and contents: the model stores it to know when it is stale. */
  hash: string;
}

export interface LoadIntentsOptions {
  dir?: string;
}

const YAML_FILE = /\.ya?ml$/;

/** Lower case, single spaces, no punctuation: two utterances that only differ in these are duplicates. */
export function duplicateKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}$€£¥]+/gu, ' ')
    .trim();
}

/**
 * The folders beside the intent files whose content the model also depends on: the fact catalogue
 * (facts are features) and the follow-ups. A change to them retrains the model like a change to intents.
 */
const MODEL_INPUT_FOLDERS = ['facts', 'followups'];

async function readSubfolderFiles(dir: string): Promise<{ name: string; content: string }[]> {
  const files: { name: string; content: string }[] = [];
  for (const folder of MODEL_INPUT_FOLDERS) {
    let names: string[] = [];
    try {
      names = (await readdir(path.join(dir, folder))).filter((name) => YAML_FILE.test(name)).sort();
    } catch {
      continue;
    }
    for (const name of names) files.push({ name: `${folder}/${name}`, content: await readFile(path.join(dir, folder, name), 'utf8') });
  }
  return files;
}

/** The YAML files of an intents directory, sorted, and the content hash over them. */
async function readIntentFiles(dir: string): Promise<{ name: string; file: string; content: string }[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => YAML_FILE.test(name)).sort();
  } catch (error) {
    throw new DataFileError(displayPath(dir), '', `cannot read the intents directory (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name);
      return { name, file, content: await readFile(file, 'utf8') };
    }),
  );
}

export function hashIntentFiles(files: ReadonlyArray<{ name: string; content: string }>): string {
  const hash = createHash('sha256');
  for (const { name, content } of files) hash.update(`${name}\0${content}\0`);
  return hash.digest('hex');
}

/** The content hash of an intents directory, without validating it (cheap staleness check). */
export async function hashIntentsDir(dir: string = DEFAULT_INTENTS_DIR): Promise<string> {
  return hashIntentFiles([...(await readIntentFiles(dir)), ...(await readSubfolderFiles(dir)), ...(await realStyleFiles(dir))]);
}

/**
 * Loads and validates intents/: one YAML file per intent, named after it. Throws DataFileError
 * naming file and field for a malformed file, an unknown intent, or an utterance that appears twice.
 */
export async function loadIntents(options: LoadIntentsOptions = {}): Promise<LoadedIntents> {
  const dir = options.dir ?? DEFAULT_INTENTS_DIR;
  const files = await readIntentFiles(dir);
  if (files.length === 0) throw new DataFileError(displayPath(dir), '', 'no intent files (<intent>.yaml) found');

  const examples: IntentExample[] = [];
  const intents: IntentName[] = [];
  const descriptions: Partial<Record<IntentName, string>> = {};
  const seen = new Map<string, IntentExample>();

  for (const { name, file, content } of files) {
    const shown = displayPath(file);
    const stem = name.replace(YAML_FILE, '');
    if (!isIntentName(stem)) {
      throw new DataFileError(shown, '', `"${stem}" is not a known intent (known: ${INTENTS.join(', ')})`);
    }
    const data = parseYamlData(shown, content, intentFileSchema);
    if (data.intent !== stem) {
      throw new DataFileError(shown, 'intent', `must equal the file name ("${stem}"), found "${data.intent}"`);
    }
    intents.push(stem);
    descriptions[stem] = data.description;

    const groups: Array<[label: string, fieldBase: string, texts: string[]]> = [
      [stem, 'examples', data.examples],
      ...Object.entries(data.labels).map(([label, texts]): [string, string, string[]] => [label, `labels.${label}`, texts]),
    ];
    for (const [label, fieldBase, texts] of groups) {
      texts.forEach((text, i) => {
        const example: IntentExample = { text, intent: stem, label, file: shown, field: `${fieldBase}[${i}]` };
        const key = duplicateKey(text);
        const first = seen.get(key);
        if (first) {
          throw new DataFileError(shown, example.field, `duplicate utterance "${text}" (also in ${first.file}: ${first.field})`);
        }
        seen.set(key, example);
        examples.push(example);
      });
    }
  }
  // Real-style rows: a row that repeats an utterance is skipped; one that gives it another intent is an error.
  for (const row of await loadRealStyle(dir)) {
    // "?" or "...": no words to learn from (the dialogue answers messages without words itself).
    if (duplicateKey(row.text) === '') continue;
    const first = seen.get(duplicateKey(row.text));
    if (first && first.intent !== row.intent) {
      throw new DataFileError(row.file, row.field, `"${row.text}" is ${row.intent} here but ${first.intent} in ${first.file}: ${first.field}`);
    }
    if (first) continue;
    const example: IntentExample = { ...row };
    seen.set(duplicateKey(row.text), example);
    examples.push(example);
  }
  return { examples, intents, descriptions, hash: hashIntentFiles([...files, ...(await readSubfolderFiles(dir)), ...(await realStyleFiles(dir))]) };
}
