import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { buildSearchIndex, INDEX_FORMAT_VERSION, searchIndexSchema, type FieldWeights } from './search-index-data.js';
import { classifierExamples, sectionClassifierFileSchema, serializeSectionClassifier, trainSectionClassifier, type TrainSectionClassifierOptions } from './section-classifier.js';
import type { ArticleSection } from './parse-article.js';
import { parseKnowledgeFiles, type KnowledgeFiles } from './read-knowledge-dir.js';

export const knowledgeSectionSchema = z.object({
  id: z.string(),
  articleId: z.string(),
  title: z.string(),
  text: z.string(),
  source: z.string(),
  intents: z.array(z.string()),
  asks: z.array(z.string()).optional(),
  also: z.array(z.string()).optional(),
  next: z.string().optional(),
  facts: z.array(z.string()).optional(),
  examples: z.array(z.string()).optional(),
});

/** models/knowledge-index.json: the parsed sections, their BM25 index and section classifier, tagged with the content hash. */
export const knowledgeIndexFileSchema = z.object({
  format: z.literal(INDEX_FORMAT_VERSION),
  contentHash: z.string(),
  builtAt: z.string(),
  articles: z.record(z.string(), z.string()),
  sections: z.array(knowledgeSectionSchema),
  index: searchIndexSchema,
  classifier: sectionClassifierFileSchema,
});
export type KnowledgeIndexFile = z.output<typeof knowledgeIndexFileSchema>;

/** Builds the index from already-read files (parsing validates every article first). */
export function buildKnowledgeIndexFile(knowledge: KnowledgeFiles, now: Date = new Date()): KnowledgeIndexFile {
  const { sections, articles } = parseKnowledgeFiles(knowledge);
  return indexSections(sections, knowledge.contentHash, { now, articles });
}

/** Indexes any list of sections (articles from knowledge/, or a raw guide run through ingestion). */
export function indexSections(
  sections: ArticleSection[],
  contentHash: string,
  options: { now?: Date; articles?: Record<string, string>; training?: TrainSectionClassifierOptions; fieldWeights?: FieldWeights } = {},
): KnowledgeIndexFile {
  const articles: Record<string, string> = { ...options.articles };
  const now = options.now ?? new Date();
  const index = buildSearchIndex(
    sections.map((s) => ({ title: s.title, articleTitle: articles[s.articleId] ?? '', text: s.text, asks: s.asks ?? [] })),
    options.fieldWeights,
  );
  const classifier = serializeSectionClassifier(trainSectionClassifier(classifierExamples(sections, options.training), sections.length, options.training));
  return { format: INDEX_FORMAT_VERSION, contentHash, builtAt: now.toISOString(), articles, sections, index, classifier };
}

/** The stored index when it exists, parses and matches `contentHash`; otherwise undefined. */
export function readKnowledgeIndexFile(file: string, contentHash: string): KnowledgeIndexFile | undefined {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const parsed = knowledgeIndexFileSchema.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.contentHash === contentHash ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes atomically (temp file + rename) so a reader never sees half an index. */
export function writeKnowledgeIndexFile(file: string, data: KnowledgeIndexFile): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(data)}\n`);
  renameSync(temp, file);
}
