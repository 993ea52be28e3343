/**
 * The rows the learned fact layer trains on: every labelled real-style row we have except the
 * reported set. That is intents/real-style/ (which also trains the intent classifier) and the
 * development sets test/evaluation/understanding/dev*.jsonl. test.jsonl is never read here: it
 * stays the one measurement no model has seen. Once trained on, a development set is measured
 * leave-one-set-out (`supportbot facts --learned-cv`), not by scoring it directly.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseJsonlRows } from '../../core/data-file.js';
import { labelledRowSchema } from '../evaluation/read-jsonl.js';
import { DEFAULT_INTENTS_DIR, PACKAGE_ROOT, displayPath } from '../paths.js';
import { REAL_STYLE_FOLDER } from '../load-real-style.js';
import type { LearnedFactRow } from './train.js';

export const DEFAULT_DEVELOPMENT_DIR = path.join(PACKAGE_ROOT, 'test', 'evaluation', 'understanding');

export interface LabelledSource {
  /** Where the rows come from, and which of its files are read. */
  dir: string;
  accept: (name: string) => boolean;
}

export const DEFAULT_LABELLED_SOURCES: readonly LabelledSource[] = [
  { dir: path.join(DEFAULT_INTENTS_DIR, REAL_STYLE_FOLDER), accept: (name) => name.endsWith('.jsonl') },
  { dir: DEFAULT_DEVELOPMENT_DIR, accept: (name) => /^dev\d+\.jsonl$/.test(name) },
];

export interface LabelledSet {
  /** The file name without .jsonl: `dev7`, `batch-2`. */
  name: string;
  file: string;
  rows: LearnedFactRow[];
}

export interface LabelledSets {
  sets: LabelledSet[];
  /** Content hash of every file read, in order. */
  hash: string;
}

/** Reads the sources; a missing folder is skipped (an install ships the trained model, not test/). */
export async function readLabelledSets(sources: readonly LabelledSource[] = DEFAULT_LABELLED_SOURCES): Promise<LabelledSets> {
  const hash = createHash('sha256');
  const sets: LabelledSet[] = [];
  for (const source of sources) {
    let names: string[];
    try {
      names = (await readdir(source.dir)).filter(source.accept).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const file = path.join(source.dir, name);
      const content = await readFile(file, 'utf8');
      hash.update(`${name}\n${content}\n`);
      const rows: LearnedFactRow[] = [];
      for (const { row } of parseJsonlRows(displayPath(file), content, labelledRowSchema)) {
        if (row.facts !== undefined) rows.push({ text: row.text, facts: row.facts.map((f) => ({ name: f.name, negated: f.negated })) });
      }
      sets.push({ name: name.replace(/\.jsonl$/, ''), file, rows });
    }
  }
  return { sets, hash: hash.digest('hex') };
}
