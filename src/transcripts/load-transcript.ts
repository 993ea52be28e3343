import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { DataFileError, formatIssuePath } from '../core/errors.js';
import { transcriptSchema, type Transcript } from './transcript-schema.js';

export interface LoadedTranscript {
  file: string;
  transcript: Transcript;
}

/** Reads and validates one transcript file; a bad file names the file and the field. */
export async function loadTranscript(file: string): Promise<LoadedTranscript> {
  const text = await readFile(file, 'utf8');
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new DataFileError(file, '', `not valid YAML: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const parsed = transcriptSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataFileError(file, issue ? formatIssuePath(issue.path) : '', issue?.message ?? 'invalid transcript');
  }
  return { file, transcript: parsed.data };
}

/** Expands files and folders (recursively) into the sorted list of .yaml/.yml transcript files. */
export async function findTranscriptFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => undefined);
    if (!s) throw new DataFileError(p, '', 'no such file or folder');
    if (s.isDirectory()) {
      const entries = await readdir(p, { recursive: true });
      for (const e of entries) if (/\.ya?ml$/.test(e)) out.push(path.join(p, e));
    } else {
      out.push(p);
    }
  }
  return [...new Set(out)].sort();
}
