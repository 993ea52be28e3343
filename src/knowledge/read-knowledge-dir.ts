import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseYamlData } from '../core/data-file.js';
import { DataFileError } from '../core/errors.js';
import { articleQuestionsFileSchema, sourcesFileSchema, type SourcesFile } from './article-schema.js';
import { displayPath } from './knowledge-paths.js';
import { parseArticle, type ArticleSection } from './parse-article.js';
import { INDEX_FORMAT_VERSION, INDEX_SETTINGS } from './search-index-data.js';
import { DEFAULT_CLASSIFIER_TRAINING } from './section-classifier.js';
import { afterMark } from './section-features.js';

export const SOURCES_FILE = 'sources.yaml';
/** knowledge/questions/<article>.yaml: training questions for the section classifier. */
export const QUESTIONS_DIR = 'questions';

export interface KnowledgeFiles {
  dir: string;
  /** File name (`questions/x.yaml` for training questions) → content, sorted by name: what the index is built from. */
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
  let questionNames: string[] = [];
  try {
    questionNames = readdirSync(path.join(dir, QUESTIONS_DIR))
      .filter((n) => n.endsWith('.yaml'))
      .sort()
      .map((n) => `${QUESTIONS_DIR}/${n}`);
  } catch {
    // The folder is optional: the asks lines alone train the classifier.
  }
  names = [...names, ...questionNames];
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
  return parseYamlData(file, content, sourcesFileSchema);
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
  for (const { name, content } of knowledge.files) if (name.startsWith(`${QUESTIONS_DIR}/`)) addTrainingQuestions(displayPath(path.join(knowledge.dir, name)), content, sections);
  const ids = new Set(sections.map((s) => s.id));
  for (const section of sections) {
    const named = [...(section.also ?? []).map((id) => ['also', id] as const), ...(section.next ? [['next', section.next] as const] : [])];
    for (const [setting, id] of named) {
      if (id === section.id || !ids.has(id)) {
        const [article = '', slug = ''] = section.id.split('#');
        const file = displayPath(path.join(knowledge.dir, `${article}.md`));
        throw new DataFileError(file, `section "${slug}".${setting}`, id === section.id ? 'names the section itself' : `unknown section "${id}"`);
      }
    }
  }
  return { articles, sections };
}

/** Adds knowledge/questions/<article>.yaml to its sections' `examples`; the file and anchor must exist. */
function addTrainingQuestions(file: string, content: string, sections: ArticleSection[]): void {
  const articleId = path.basename(file, '.yaml');
  const questionsByAnchor = parseYamlData(file, content, articleQuestionsFileSchema);
  const byId = new Map(sections.map((s) => [s.id, s]));
  if (!sections.some((s) => s.articleId === articleId)) throw new DataFileError(file, '', `names no article: knowledge/${articleId}.md does not exist`);
  for (const [anchor, questions] of Object.entries(questionsByAnchor)) {
    const section = byId.get(`${articleId}#${anchor}`);
    if (!section) throw new DataFileError(file, anchor, `unknown section "${articleId}#${anchor}"`);
    const texts = questions.map((question, i) => {
      if (typeof question === 'string') return question;
      const shown = byId.get(question.after);
      if (!shown) throw new DataFileError(file, `${anchor}[${i}].after`, `unknown section "${question.after}"`);
      // As the classifier reads a follow-up: its words and which section was just shown.
      return `${question.q} ${afterMark(shown.id)}`;
    });
    section.examples = [...(section.examples ?? []), ...texts];
  }
}
