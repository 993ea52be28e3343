import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { DataFileError, formatIssuePath } from '../core/errors.js';
import type { KnowledgeSection } from '../core/ports.js';
import { articleFrontMatterSchema, intentNameSchema, sectionAsksSchema, sectionIdSchema, slugSchema, type SourcesFile } from './article-schema.js';

/**
 * A section as the index holds it: the questions it answers (`asks`) are searched, never shown;
 * `also` names sections that often complete its answer (a fee and the exchange rate); `examples`
 * (from knowledge/questions/) only train the section classifier.
 */
export type ArticleSection = KnowledgeSection & { asks?: string[]; also?: string[]; next?: string; facts?: string[]; examples?: string[] };

export interface ParsedArticle {
  id: string;
  title: string;
  sections: ArticleSection[];
}

/** `## Heading {#section-id}`: the explicit id keeps links stable when a heading is reworded. */
const HEADING = /^##\s+(.+?)\s*\{#([^}]*)\}\s*$/;
/**
 * `<!-- source: a, b; intents: x, y -->` anywhere in a section overrides the article's values;
 * `<!-- also: article#section -->` pairs it with sections that often complete its answer;
 * `<!-- next: article#section -->` names the step that follows it in a procedure ("ok, then?").
 */
const META_COMMENT = /<!--([\s\S]*?)-->/g;
/** A fact of the understanding catalogue, as a section names it. */
const FACT_NAME = /^!?[a-z][a-z_]*\.[a-z][a-z0-9_]*$/;
/** `<!-- asks: how do I add a card | where do I put my visa -->`: questions the section answers, `|`-separated. */
const ASKS_COMMENT = /^\s*asks\s*:([\s\S]*)$/;
const MAX_SECTION_CHARS = 900;

/**
 * Joins the hard-wrapped lines of a paragraph so chat platforms wrap the text themselves;
 * list items keep their own lines and blank lines still separate paragraphs.
 */
export function unwrapLines(text: string): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const previous = out[out.length - 1];
    const startsItem = /^([-*+]|\d+[.)])\s/.test(trimmed);
    if (trimmed && previous && !startsItem) out[out.length - 1] = `${previous} ${trimmed}`;
    else out.push(startsItem || !trimmed ? (trimmed ? trimmed.replace(/^\s+/, '') : '') : trimmed);
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** Throws the first zod issue as a DataFileError naming the file and field. */
function raise(file: string, error: z.ZodError, prefix = ''): never {
  const issue = error.issues[0];
  const path = issue ? formatIssuePath(issue.path) : '';
  const field = prefix && path ? `${prefix}${path.startsWith('[') ? '' : '.'}${path}` : prefix || path;
  throw new DataFileError(file, field, issue?.message ?? 'invalid');
}

function splitFrontMatter(file: string, raw: string): { data: unknown; body: string; bodyLine: number } {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(text);
  if (!match) throw new DataFileError(file, 'front matter', 'must start with a --- block (id, title, intents, source)');
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error) {
    throw new DataFileError(file, 'front matter', `is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { data, body: text.slice(match[0].length), bodyLine: match[0].split('\n').length };
}

function guideTitles(file: string, field: string, keys: string[], sources: SourcesFile): string {
  return keys
    .map((key) => {
      const guide = sources[key];
      if (!guide) throw new DataFileError(file, field, `unknown source guide "${key}" (known: ${Object.keys(sources).join(', ')})`);
      return guide.title;
    })
    .join('; ');
}

interface SectionMeta {
  source?: string[];
  intents?: string[];
  asks?: string[];
  also?: string[];
  next?: string;
  facts?: string[];
}

function parseMeta(file: string, sectionField: string, body: string): SectionMeta {
  const meta: SectionMeta = {};
  for (const [, inner] of body.matchAll(META_COMMENT)) {
    // Questions may hold commas and semicolons, so an asks comment is split on "|" only.
    const asks = ASKS_COMMENT.exec(inner ?? '');
    if (asks) {
      const field = `${sectionField}.asks`;
      if (meta.asks) throw new DataFileError(file, field, 'give a section one asks comment');
      const questions = (asks[1] ?? '').split('|').map((q) => q.replace(/\s+/g, ' ').trim());
      const parsed = sectionAsksSchema.safeParse(questions);
      if (!parsed.success) raise(file, parsed.error, field);
      meta.asks = parsed.data;
      continue;
    }
    for (const pair of (inner ?? '').split(';')) {
      if (!pair.trim()) continue;
      const [key, ...rest] = pair.split(':');
      const name = (key ?? '').trim();
      const values = rest.join(':').split(',').map((v) => v.trim()).filter(Boolean);
      const field = `${sectionField}.${name}`;
      if (values.length === 0) throw new DataFileError(file, field, 'needs at least one value');
      if (name === 'source') {
        for (const v of values) {
          const r = slugSchema.safeParse(v);
          if (!r.success) raise(file, r.error, field);
        }
        meta.source = values;
      } else if (name === 'intents') {
        for (const v of values) {
          const r = intentNameSchema.safeParse(v);
          if (!r.success) throw new DataFileError(file, field, `unknown intent "${v}"`);
        }
        meta.intents = values;
      } else if (name === 'also') {
        for (const v of values) {
          const r = sectionIdSchema.safeParse(v);
          if (!r.success) raise(file, r.error, field);
        }
        meta.also = [...(meta.also ?? []), ...values];
      } else if (name === 'next') {
        const r = sectionIdSchema.safeParse(values[0]);
        if (!r.success) raise(file, r.error, field);
        if (values.length > 1 || meta.next) throw new DataFileError(file, field, 'names one section: the step that follows this one');
        meta.next = r.data;
      } else if (name === 'facts') {
        // What a message states that this section is about ("a payment I don't recognise"; "!name"
        // for its denial, "international payments are off"): the answer to such a message leans here.
        for (const v of values) if (!FACT_NAME.test(v)) throw new DataFileError(file, field, `"${v}" is not a fact name (like security.unknown_charge, or !card.international_enabled for its denial)`);
        meta.facts = [...(meta.facts ?? []), ...values];
      } else {
        throw new DataFileError(file, field, 'unknown section setting (use "source", "intents", "also", "next", "facts" or "asks")');
      }
    }
  }
  return meta;
}

/**
 * Parses one knowledge article: front matter (zod-checked), then `## Heading {#id}` sections.
 * Text before the first heading is not allowed: every fact must sit in a citable section.
 */
export function parseArticle(file: string, raw: string, sources: SourcesFile, expectedId?: string): ParsedArticle {
  const { data, body, bodyLine } = splitFrontMatter(file, raw);
  const front = articleFrontMatterSchema.safeParse(data);
  if (!front.success) raise(file, front.error);
  const { id, title, intents, source } = front.data;
  if (expectedId !== undefined && id !== expectedId) {
    throw new DataFileError(file, 'id', `must match the file name ("${expectedId}"), found "${id}"`);
  }
  const articleSource = guideTitles(file, 'source', source, sources);

  const sections: ArticleSection[] = [];
  const seen = new Set<string>();
  let current: { heading: string; slug: string; line: number; lines: string[] } | undefined;
  const flush = (): void => {
    if (!current) return;
    const field = `section "${current.slug}" (line ${current.line})`;
    const rawBody = current.lines.join('\n');
    const meta = parseMeta(file, field, rawBody);
    const text = unwrapLines(rawBody.replace(META_COMMENT, ''));
    if (!text) throw new DataFileError(file, field, 'has no text');
    if (text.length > MAX_SECTION_CHARS) {
      throw new DataFileError(file, field, `is ${text.length} characters; keep sections under ${MAX_SECTION_CHARS} so a flow step shows one short fact`);
    }
    sections.push({
      id: `${id}#${current.slug}`,
      articleId: id,
      title: current.heading,
      text,
      source: meta.source ? guideTitles(file, `${field}.source`, meta.source, sources) : articleSource,
      intents: meta.intents ?? [...intents],
      ...(meta.asks ? { asks: meta.asks } : {}),
      ...(meta.also ? { also: meta.also } : {}),
      ...(meta.next ? { next: meta.next } : {}),
      ...(meta.facts ? { facts: meta.facts } : {}),
    });
  };

  body.split('\n').forEach((line, index) => {
    const lineNo = bodyLine + index;
    if (/^#{1,2}\s/.test(line)) {
      const heading = HEADING.exec(line);
      if (!heading || /^#\s/.test(line)) {
        throw new DataFileError(file, `line ${lineNo}`, 'section headings are "## Title {#section-id}"');
      }
      const slug = slugSchema.safeParse(heading[2]);
      if (!slug.success) raise(file, slug.error, `line ${lineNo} section id`);
      if (seen.has(slug.data)) throw new DataFileError(file, `line ${lineNo}`, `duplicate section id "${slug.data}"`);
      seen.add(slug.data);
      flush();
      current = { heading: heading[1] ?? '', slug: slug.data, line: lineNo, lines: [] };
    } else if (current) {
      current.lines.push(line);
    } else if (line.trim() && !/^<!--[\s\S]*-->$/.test(line.trim())) {
      throw new DataFileError(file, `line ${lineNo}`, 'text before the first "## Title {#section-id}" heading belongs in a section');
    }
  });
  flush();
  if (sections.length === 0) throw new DataFileError(file, 'sections', 'an article needs at least one "## Title {#section-id}" section');
  return { id, title, sections };
}
