import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DataFileError, formatIssuePath } from '../core/errors.js';
import { sourcesFileSchema, type SourcesFile } from './article-schema.js';
import { displayPath } from './knowledge-paths.js';
import { parseArticle, type ArticleSection } from './parse-article.js';
import { INDEX_FORMAT_VERSION, INDEX_SETTINGS } from './search-index-data.js';
import { DEFAULT_CLASSIFIER_TRAINING } from './section-classifier.js';

export const SOURCES_FILE = 'sources.yaml';

export interface KnowledgeFiles {
  dir: string;
  /** File name → content, sorted by name: what the index is built from. */
  files: Array<{ name: string; content: string }>;
  /** Changes whenever an article, sources.yaml or the index format changes. */
  contentHash: string;
}

/** Reads knowledge/ (articles and sources.yaml) and hashes it; cheap enough to run at every start. */
export function readKnowledgeFiles(dir: string): KnowledgeFiles {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.md') || n === SOURCES_FILE).sort();
  } catch (error) {
    throw new DataFileError(displayPath(dir), '', `cannot read the knowledge folder: ${error instanceof Error ? error.message : String(error)}`);
  }
  // The index settings and the classifier's training settings are part of the hash: change either and the index rebuilds.
  const hash = createHash('sha256').update(`format:${INDEX_FORMAT_VERSION} ${INDEX_SETTINGS} ${JSON.stringify(DEFAULT_CLASSIFIER_TRAINING)}\n`);
  const files = names.map((name) => {
    const content = readFileSync(path.join(dir, name), 'utf8');
    hash.update(`${name}\n${content.length}\n${content}`);
    return { name, content };
  });
  return { dir, files, contentHash: hash.digest('hex').slice(0, 16) };
}

function parseSources(file: string, content: string | undefined): SourcesFile {
  if (content === undefined) throw new DataFileError(file, '', 'is missing: it lists the source guides articles cite');
  let data: unknown;
  try {
    data = parseYaml(content);
  } catch (error) {
    throw new DataFileError(file, '', `is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = sourcesFileSchema.safeParse(data ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataFileError(file, issue ? formatIssuePath(issue.path) : '', issue?.message ?? 'invalid');
  }
  return parsed.data;
}

export interface ParsedKnowledge {
  /** Article id → article title. */
  articles: Record<string, string>;
  sections: ArticleSection[];
}

/** Parses every article; section ids are unique because article ids equal their file names. */
export function parseKnowledgeFiles(knowledge: KnowledgeFiles): ParsedKnowledge {
  const sourcesName = displayPath(path.join(knowledge.dir, SOURCES_FILE));
  const sources = parseSources(sourcesName, knowledge.files.find((f) => f.name === SOURCES_FILE)?.content);
  const sections: ArticleSection[] = [];
  const articles: Record<string, string> = {};
  for (const { name, content } of knowledge.files) {
    if (!name.endsWith('.md') || name.toLowerCase() === 'readme.md') continue;
    const file = displayPath(path.join(knowledge.dir, name));
    const article = parseArticle(file, content, sources, name.slice(0, -3));
    articles[article.id] = article.title;
    sections.push(...article.sections);
  }
  if (sections.length === 0) throw new DataFileError(displayPath(knowledge.dir), '', 'holds no articles (*.md)');
  const ids = new Set(sections.map((s) => s.id));
  for (const section of sections) {
    for (const id of section.also ?? []) {
      if (id === section.id || !ids.has(id)) {
        const [article = '', slug = ''] = section.id.split('#');
        const file = displayPath(path.join(knowledge.dir, `${article}.md`));
        throw new DataFileError(file, `section "${slug}".also`, id === section.id ? 'names the section itself' : `unknown section "${id}"`);
      }
    }
  }
  return { articles, sections };
}
