import { Low } from 'lowdb';
import { JSONFile, JSONFileSync } from 'lowdb/node';
import { z } from 'zod';
import type { Logger } from '../core/logger.js';
import { DataFileError } from '../core/errors.js';
import { describeIssue } from './conversation-record.js';
import { moveAside } from './move-aside.js';

export const MANIFEST_SCHEMA_VERSION = 1;

/**
 * The file `--store PATH` names: a small lowdb document that says how the store is laid out.
 * The conversations themselves live one lowdb file each beside it, so a turn rewrites only its own.
 */
export const lowdbManifestSchema = z.object({
  format: z.literal('supportbot-lowdb'),
  schemaVersion: z.number().int().positive(),
  layout: z.literal('sharded-sha256'),
  /** Folder of the conversation files, relative to the manifest. */
  conversations: z.string().min(1),
  createdAt: z.string(),
});
export type LowdbManifest = z.output<typeof lowdbManifestSchema>;

/** Reads the manifest; a missing one is created, a corrupt one is moved aside and replaced. */
export async function openManifest(file: string, conversationsDir: string, logger: Logger): Promise<LowdbManifest> {
  let problem: string | undefined;
  try {
    const raw = new JSONFileSync<unknown>(file).read();
    if (raw !== null) {
      const parsed = lowdbManifestSchema.safeParse(raw);
      if (parsed.success) {
        if (parsed.data.schemaVersion > MANIFEST_SCHEMA_VERSION) {
          throw new DataFileError(
            file,
            'schemaVersion',
            `${parsed.data.schemaVersion} was written by a newer supportbot (this one reads ${MANIFEST_SCHEMA_VERSION}); upgrade supportbot or use another --store path`,
          );
        }
        return parsed.data;
      }
      problem = describeIssue(parsed.error);
    }
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    problem = `invalid JSON: ${error.message}`;
  }
  if (problem !== undefined) {
    const movedTo = moveAside(file);
    logger.warn({ file, movedTo, problem }, `store manifest ${file} is unreadable (${problem}); moved it to ${movedTo} and writing a fresh one`);
  }
  const manifest: LowdbManifest = {
    format: 'supportbot-lowdb',
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    layout: 'sharded-sha256',
    conversations: conversationsDir,
    createdAt: new Date().toISOString(),
  };
  const db = new Low<LowdbManifest>(new JSONFile<LowdbManifest>(file), manifest);
  await db.write();
  return manifest;
}
