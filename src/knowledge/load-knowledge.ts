import type { KnowledgeBase } from '../core/ports.js';
import { createKnowledgeBase, type KnowledgeBaseOptions, type LoadedKnowledgeBase } from './create-knowledge-base.js';
import { buildKnowledgeIndexFile, readKnowledgeIndexFile, writeKnowledgeIndexFile } from './knowledge-index-file.js';
import { DEFAULT_INDEX_PATH, DEFAULT_KNOWLEDGE_DIR } from './knowledge-paths.js';
import { readKnowledgeFiles } from './read-knowledge-dir.js';

export interface LoadKnowledgeOptions extends KnowledgeBaseOptions {
  /** The knowledge articles (default knowledge/). */
  dir?: string;
  /** The prebuilt index (default models/knowledge-index.json). */
  indexPath?: string;
  /** Save a rebuilt index for the next start (default true; a read-only install still works). */
  writeIndex?: boolean;
}

/**
 * Loads the knowledge base: the prebuilt index when its content hash still matches knowledge/,
 * otherwise a rebuild from the articles (saved for next time when the folder is writable).
 * Bad articles throw DataFileError naming the file and field.
 */
export function loadKnowledgeBaseSync(options: LoadKnowledgeOptions = {}): LoadedKnowledgeBase {
  const dir = options.dir ?? DEFAULT_KNOWLEDGE_DIR;
  const indexPath = options.indexPath ?? DEFAULT_INDEX_PATH;
  const files = readKnowledgeFiles(dir);
  let data = readKnowledgeIndexFile(indexPath, files.contentHash);
  if (!data) {
    data = buildKnowledgeIndexFile(files);
    if (options.writeIndex !== false) {
      try {
        writeKnowledgeIndexFile(indexPath, data);
      } catch {
        // A read-only install: the rebuilt index is used from memory.
      }
    }
  }
  return createKnowledgeBase(data, options);
}

export async function loadKnowledgeBase(options: LoadKnowledgeOptions = {}): Promise<KnowledgeBase & LoadedKnowledgeBase> {
  return loadKnowledgeBaseSync(options);
}
