/**
 * Reading and writing the trained models' JSON files (the intent model, the learned fact layer):
 * written atomically, read back validated, with the file and field named when one is unusable.
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { DataFileError, formatIssuePath } from '../core/errors.js';
import { displayPath } from './paths.js';

/** Writes atomically (temp file + rename), so a concurrent reader never sees half a model. Returns its bytes. */
export async function writeJsonAtomically(file: string, data: unknown): Promise<number> {
  await mkdir(path.dirname(file), { recursive: true });
  const text = JSON.stringify(data);
  const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temp, text);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return Buffer.byteLength(text);
}

/** Undefined when the file does not exist; DataFileError naming file and field when it is unusable. */
export async function readJsonModelFile<S extends z.ZodType>(file: string, schema: S, what: string): Promise<{ data: z.output<S>; shown: string } | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const shown = displayPath(file);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new DataFileError(shown, '', 'not valid JSON');
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataFileError(shown, issue ? formatIssuePath(issue.path) : '', issue?.message ?? `invalid ${what}`);
  }
  return { data: parsed.data, shown };
}
