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

/** Whether a file is one the layer trains on (scored directly, its facts are not a held-out measure). */
export function isLabelledSource(file: string, sources: readonly LabelledSource[] = DEFAULT_LABELLED_SOURCES): boolean {
  const dir = path.resolve(path.dirname(file));
  return sources.some((s) => path.resolve(s.dir) === dir && s.accept(path.basename(file)));
}

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

interface SourceFile {
  name: string;
  file: string;
  /** Bytes, not text: hashing them at start-up is several times faster than decoding first. */
  content: Buffer;
}

async function readSourceFiles(sources: readonly LabelledSource[]): Promise<SourceFile[]> {
  const found: Array<{ name: string; file: string }> = [];
  for (const source of sources) {
    try {
      for (const name of (await readdir(source.dir)).filter(source.accept).sort()) found.push({ name, file: path.join(source.dir, name) });
    } catch {
      // a missing folder: an install ships the trained model, not test/
    }
  }
  return Promise.all(found.map(async ({ name, file }) => ({ name, file, content: await readFile(file) })));
}

function hashOf(files: readonly SourceFile[]): string {
  const hash = createHash('sha256');
  for (const { name, content } of files) hash.update(`${name}\n`).update(content);
  return hash.digest('hex');
}

/** The content hash of the sources alone, without parsing them: start-up only needs this. */
export async function hashLabelledSources(sources: readonly LabelledSource[] = DEFAULT_LABELLED_SOURCES): Promise<{ hash: string; files: number }> {
  const files = await readSourceFiles(sources);
  return { hash: hashOf(files), files: files.length };
}

/** Reads and validates the sources; a bad line is a DataFileError naming file, line and field. */
export async function readLabelledSets(sources: readonly LabelledSource[] = DEFAULT_LABELLED_SOURCES): Promise<LabelledSets> {
  const files = await readSourceFiles(sources);
  const sets = files.map(({ name, file, content }) => {
    const rows: LearnedFactRow[] = [];
    for (const { row } of parseJsonlRows(displayPath(file), content.toString('utf8'), labelledRowSchema)) {
      if (row.facts !== undefined) rows.push({ text: row.text, facts: row.facts.map((f) => ({ name: f.name, negated: f.negated })) });
    }
    return { name: name.replace(/\.jsonl$/, ''), file, rows };
  });
  return { sets, hash: hashOf(files) };
}
