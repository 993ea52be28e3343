import { buildKnowledgeIndexFile, readKnowledgeIndexFile, writeKnowledgeIndexFile } from './knowledge-index-file.js';
import { DEFAULT_INDEX_PATH, DEFAULT_KNOWLEDGE_DIR, displayPath } from './knowledge-paths.js';
import { readKnowledgeFiles } from './read-knowledge-dir.js';

export interface BuildKnowledgeIndexOptions {
  dir?: string;
  indexPath?: string;
  /** Rebuild even when the stored index matches the articles. */
  force?: boolean;
}

export interface BuildKnowledgeIndexResult {
  path: string;
  sections: number;
  articles: number;
  /** False when the stored index already matched the articles. */
  built: boolean;
  contentHash: string;
}

/** Validates knowledge/ and writes models/knowledge-index.json (run by `supportbot build` and `kb build`). */
export async function buildKnowledgeIndex(options: BuildKnowledgeIndexOptions = {}): Promise<BuildKnowledgeIndexResult> {
  const dir = options.dir ?? DEFAULT_KNOWLEDGE_DIR;
  const indexPath = options.indexPath ?? DEFAULT_INDEX_PATH;
  const files = readKnowledgeFiles(dir);
  const existing = options.force ? undefined : readKnowledgeIndexFile(indexPath, files.contentHash);
  const data = existing ?? buildKnowledgeIndexFile(files);
  if (!existing) writeKnowledgeIndexFile(indexPath, data);
  return {
    path: displayPath(indexPath),
    sections: data.sections.length,
    articles: Object.keys(data.articles).length,
    built: !existing,
    contentHash: data.contentHash,
  };
}
