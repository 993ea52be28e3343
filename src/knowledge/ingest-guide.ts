import path from 'node:path';
import type { KnowledgeSection } from '../core/ports.js';
import { foldAccents } from '../text/fold-accents.js';
import { repairMojibake } from './repair-mojibake.js';

/**
 * Ingestion of a raw guide (Markdown or plain text, as support teams receive them) into short
 * sections: titles without markup are recognised, long paragraphs are cut at sentence ends,
 * and encoding damage is repaired. The result can be indexed and searched like knowledge/, and
 * rendered as a draft article for a person to rewrite in their own words.
 */

export interface IngestedSection {
  /** `guide-id#section-slug`. */
  id: string;
  title: string;
  /** The heading the section sits under (the guide title for text before any heading). */
  heading: string;
  text: string;
}

export interface IngestedGuide {
  id: string;
  title: string;
  sections: IngestedSection[];
}

export interface IngestOptions {
  /** Sections longer than this are cut at sentence ends (default 600 characters). */
  maxSectionChars?: number;
}

const SENTENCE_END = /(?<=[.!?…])["”’)]?\s+(?=["“‘(]?[A-Z0-9])/;
/** "Step 1: …", "Problem 2: …", "Tip 3: …", or a short label in Title Case before a colon. */
const LABEL = /^((?:Step|Problem|Tip|Part|Issue|Question)\s+\d+|[A-Z][\w'’&/-]*(?:\s+[\w'’&/-]+){0,7}):\s+(\S.*)$/s;
const NUMBERED_LABEL = /^(Step|Problem|Tip|Part|Issue|Question)\s+\d+$/;
const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'is', 'of', 'on', 'or', 'the', 'to', 'with', 'your']);

/** A label is a numbered item or a name in Title Case ("Points to Consider"), not the start of a sentence. */
function isLabel(name: string): boolean {
  if (NUMBERED_LABEL.test(name)) return true;
  const words = name.split(/\s+/);
  const significant = words.filter((w) => !SMALL_WORDS.has(w.toLowerCase()));
  const capitalised = significant.filter((w) => /^[A-Z0-9]/.test(w));
  return significant.length > 0 && capitalised.length === significant.length;
}

const FOLLOW_UP_LABELS = new Set(['solution', 'solutions', 'answer', 'fix', 'remedy', 'what to do']);

export function slugify(text: string): string {
  return (
    foldAccents(text.toLowerCase())
      .replace(/['’]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .split('-')
      .slice(0, 8)
      .join('-') || 'section'
  );
}

function titleFromFileName(file: string): string {
  const base = path.basename(file).replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ').trim();
  return base ? base.charAt(0).toUpperCase() + base.slice(1) : 'Guide';
}

/** A line that stands alone as a title: short, no sentence punctuation at its end, not a list item. */
export function looksLikeTitle(line: string): boolean {
  const text = line.trim();
  if (!text || text.length > 90 || /^[-*•]\s/.test(text)) return false;
  if (/[.,;:!]$/.test(text)) return false;
  const wordCount = text.split(/\s+/).length;
  if (wordCount > 12) return false;
  if (/\?$/.test(text) && wordCount > 10) return false;
  // Two sentences on one line are a paragraph, not a title.
  if (/[.!?]\s+[A-Z]/.test(text)) return false;
  return /^[A-Z0-9"“'‘]/.test(text);
}

interface Block {
  kind: 'title' | 'paragraph';
  text: string;
  level?: number;
}

/** A line ends a paragraph when it ends a sentence and the next line starts a new one. */
function endsParagraph(line: string, next: string | undefined): boolean {
  return next === undefined || (/[.!?…:"”’)]$/.test(line) && !/^[a-z]/.test(next));
}

/**
 * Lines → titles and paragraphs. Works for guides exported one paragraph per line as well as
 * hard-wrapped text: a line that does not end a sentence, or is followed by a lower-case line,
 * continues the paragraph.
 */
function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim()).filter(Boolean);
    let paragraph: string[] = [];
    const flush = (): void => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
      paragraph = [];
    };
    lines.forEach((line, i) => {
      const next = lines[i + 1];
      const md = /^(#{1,6})\s+(.*?)\s*#*$/.exec(line);
      if (md) {
        flush();
        blocks.push({ kind: 'title', text: md[2] ?? '', level: (md[1] ?? '#').length });
        return;
      }
      // A title stands alone: nothing open before it, and the next line does not continue it.
      const nextContinues = next !== undefined && /^[a-z]/.test(next);
      if (paragraph.length === 0 && looksLikeTitle(line) && !nextContinues && (next !== undefined || lines.length === 1)) {
        blocks.push({ kind: 'title', text: line.replace(/^\*\*(.*)\*\*$/, '$1') });
        return;
      }
      paragraph.push(line);
      if (endsParagraph(line, next)) flush();
    });
    flush();
  }
  return blocks;
}

/** Cuts a paragraph into pieces of whole sentences, each at most `max` characters when possible. */
export function splitSentences(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const sentences = text.split(SENTENCE_END);
  const pieces: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current && current.length + sentence.length + 1 > max) {
      pieces.push(current);
      current = sentence;
    } else {
      current = current ? `${current} ${sentence}` : sentence;
    }
  }
  if (current) pieces.push(current);
  // Avoid a tiny last piece: merge it into the one before.
  const last = pieces[pieces.length - 1];
  if (pieces.length > 1 && last !== undefined && last.length < max / 4) {
    pieces.pop();
    pieces[pieces.length - 1] += ` ${last}`;
  }
  return pieces;
}

/** Strips Markdown emphasis and links so the text reads plainly and indexes cleanly. */
function plain(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

export function ingestGuide(file: string, raw: string, options: IngestOptions = {}): IngestedGuide {
  const max = options.maxSectionChars ?? 600;
  const text = repairMojibake(raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')).replace(/\t/g, '    ');
  const blocks = toBlocks(text);
  const guideId = slugify(path.basename(file).replace(/\.[^.]+$/, ''));

  let title = titleFromFileName(file);
  const first = blocks[0];
  if (first?.kind === 'title') {
    title = plain(first.text);
    blocks.shift();
  }

  const sections: IngestedSection[] = [];
  const used = new Map<string, number>();
  const add = (sectionTitle: string, slugBase: string, heading: string, body: string): void => {
    const base = slugify(slugBase);
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    const slug = n === 1 ? base : `${base}-${n}`;
    sections.push({ id: `${guideId}#${slug}`, title: sectionTitle, heading, text: body });
  };

  let heading = title;
  let lastLabelled = '';
  for (const block of blocks) {
    const content = plain(block.text);
    if (!content) continue;
    if (block.kind === 'title') {
      heading = content;
      lastLabelled = '';
      continue;
    }
    let sectionTitle = heading;
    let body = content;
    const label = LABEL.exec(content);
    if (label && label[1] && label[2] && (isLabel(label[1].trim()) || FOLLOW_UP_LABELS.has(label[1].trim().toLowerCase()))) {
      let name = label[1].trim();
      body = label[2].trim();
      // A label such as "Step 1: Get the app: To begin…" names the step twice.
      const inner = LABEL.exec(body);
      if (inner?.[1] && inner[2] && NUMBERED_LABEL.test(name) && isLabel(inner[1].trim())) {
        name = `${name}: ${inner[1].trim()}`;
        body = inner[2].trim();
      }
      if (FOLLOW_UP_LABELS.has(name.toLowerCase()) && lastLabelled) sectionTitle = `${lastLabelled} (${name.toLowerCase()})`;
      else {
        sectionTitle = name;
        lastLabelled = name;
      }
    }
    const pieces = splitSentences(body, max);
    pieces.forEach((piece, i) => add(i === 0 ? sectionTitle : `${sectionTitle} (part ${i + 1})`, sectionTitle, heading, piece));
  }
  return { id: guideId, title, sections };
}

/** Ingested sections as knowledge sections, to index and search them like knowledge/. */
export function toKnowledgeSections(guide: IngestedGuide, source: string = guide.title): KnowledgeSection[] {
  return guide.sections.map((s) => ({
    id: s.id,
    articleId: guide.id,
    title: s.title === s.heading ? s.title : `${s.heading}: ${s.title}`,
    text: s.text,
    source,
    intents: [],
  }));
}

/**
 * A draft knowledge article from an ingested guide. It is a starting point only: every section
 * must be rewritten in your own words (check-own-words) and given its intents before it ships.
 */
export function renderDraftArticle(guide: IngestedGuide, sourceKey: string): string {
  const lines = [
    '---',
    `id: ${guide.id}`,
    `title: ${JSON.stringify(guide.title)}`,
    'intents: [help] # TODO: the intents this article answers',
    `source: ${sourceKey}`,
    '---',
    '',
    `<!-- DRAFT ingested from the raw guide: rewrite every section in your own words, then run "supportbot kb build". -->`,
  ];
  let heading = '';
  for (const s of guide.sections) {
    if (s.heading !== heading) {
      heading = s.heading;
      lines.push('', `<!-- ${heading.replace(/--/g, '-')} -->`);
    }
    lines.push('', `## ${s.title} {#${s.id.split('#')[1] ?? 'section'}}`, '', s.text);
  }
  return `${lines.join('\n')}\n`;
}
