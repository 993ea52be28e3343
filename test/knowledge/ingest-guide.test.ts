import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createKnowledgeBase } from '../../src/knowledge/create-knowledge-base.js';
import { ingestGuide, looksLikeTitle, renderDraftArticle, splitSentences, toKnowledgeSections } from '../../src/knowledge/ingest-guide.js';
import { indexSections } from '../../src/knowledge/knowledge-index-file.js';
import { parseArticle } from '../../src/knowledge/parse-article.js';
import { repairMojibake } from '../../src/knowledge/repair-mojibake.js';

/** The raw guides live beside the repository (../shared/guides); CI without them skips those tests. */
const GUIDES_DIR = fileURLToPath(new URL('../../../shared/guides/', import.meta.url));
const haveGuides = existsSync(GUIDES_DIR) && readdirSync(GUIDES_DIR).length > 0;

describe('repairMojibake', () => {
  it('turns a stray β into an apostrophe inside a word and a dash between words', () => {
    expect(repairMojibake('Itβs easy β download the app')).toBe('It’s easy – download the app');
  });

  it('repairs UTF-8 that was read as Windows-1252', () => {
    expect(repairMojibake('itâ€™s â€œquotedâ€\u009d and cafÃ© â€” done')).toBe('it’s “quoted” and café — done');
    expect(repairMojibake('donâ€™t')).toBe('don’t');
  });

  it('leaves clean text and real Greek alone', () => {
    expect(repairMojibake('Plain text, nothing to fix.')).toBe('Plain text, nothing to fix.');
    expect(repairMojibake('αβγδε λόγος')).toBe('αβγδε λόγος');
  });
});

describe('ingestGuide', () => {
  it('recognises titles without markup and labelled steps in plain text', () => {
    const raw = [
      'A Small Guide',
      'Intro paragraph that explains what this guide is about. It has two sentences.',
      'Linking Your Card',
      'Step 1: Open the App: Tap the icon on your phone. Then wait.',
      'Problem 1: Card Refused: The card did not work.',
      'Solution: Call your bank and ask them why.',
    ].join('\n');
    const guide = ingestGuide('small-guide.txt', raw);
    expect(guide.title).toBe('A Small Guide');
    expect(guide.sections.map((s) => [s.id, s.title, s.heading])).toEqual([
      ['small-guide#a-small-guide', 'A Small Guide', 'A Small Guide'],
      ['small-guide#step-1-open-the-app', 'Step 1: Open the App', 'Linking Your Card'],
      ['small-guide#problem-1-card-refused', 'Problem 1: Card Refused', 'Linking Your Card'],
      ['small-guide#problem-1-card-refused-solution', 'Problem 1: Card Refused (solution)', 'Linking Your Card'],
    ]);
    expect(guide.sections[1]?.text).toBe('Tap the icon on your phone. Then wait.');
  });

  it('reads Markdown headings and joins hard-wrapped paragraphs', () => {
    const raw = '# Title\n\n## Fees\n\nSome banks add a fee\nwhen you pay abroad.\n\nAsk **your bank** first.\n';
    const guide = ingestGuide('fees.md', raw);
    expect(guide.title).toBe('Title');
    expect(guide.sections.map((s) => s.text)).toEqual(['Some banks add a fee when you pay abroad.', 'Ask your bank first.']);
    expect(guide.sections.every((s) => s.heading === 'Fees')).toBe(true);
  });

  it('cuts long paragraphs at sentence ends', () => {
    const sentence = 'This sentence is about forty characters. ';
    const pieces = splitSentences(sentence.repeat(40).trim(), 300);
    expect(pieces.length).toBeGreaterThan(4);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(300);
      expect(p.endsWith('.')).toBe(true);
    }
    expect(pieces.join(' ')).toBe(sentence.repeat(40).trim());
  });

  it('tells titles from sentences', () => {
    expect(looksLikeTitle('Getting Started: Your Alipay Account Setup')).toBe(true);
    expect(looksLikeTitle('What is Alipay?')).toBe(true);
    expect(looksLikeTitle('This is a sentence.')).toBe(false);
    expect(looksLikeTitle('Hey guys! Ever wondered if you could')).toBe(false);
  });

  it('renders a draft article that the article parser accepts once its source is set', () => {
    const guide = ingestGuide('small.txt', 'Small Guide\nFirst Part\nSome text here. More text.\n');
    const draft = renderDraftArticle(guide, 'guide');
    const parsed = parseArticle('small.md', draft, { guide: { title: 'Guide', file: 'small.txt' } }, 'small');
    expect(parsed.sections.map((s) => s.id)).toEqual(['small#first-part']);
  });
});

describe.skipIf(!haveGuides)('ingesting the raw source guides in ../shared/guides (skipped when that folder is absent)', () => {
  const files = haveGuides ? readdirSync(GUIDES_DIR).filter((f) => /\.(txt|md)$/.test(f)) : [];
  const guides = files.map((f) => ingestGuide(f, readFileSync(path.join(GUIDES_DIR, f), 'utf8')));
  const sections = guides.flatMap((g) => toKnowledgeSections(g, g.title));

  it('splits every guide into short sections with unique ids and no encoding damage', () => {
    expect(guides.length).toBeGreaterThanOrEqual(2);
    for (const guide of guides) expect(guide.sections.length, guide.id).toBeGreaterThan(10);
    expect(new Set(sections.map((s) => s.id)).size).toBe(sections.length);
    for (const s of sections) {
      expect(s.text.length, s.id).toBeLessThanOrEqual(700);
      expect(s.text, s.id).not.toMatch(/β|â€|Ã/);
    }
    expect(sections.some((s) => s.text.includes("app – it's available"))).toBe(true);
  });

  it('finds the titles that have no markup', () => {
    const titles = guides.flatMap((g) => g.sections.map((s) => s.heading));
    expect(titles).toEqual(
      expect.arrayContaining([
        'Getting Started: Your Alipay Account Setup',
        'Linking Your Payment Methods to Alipay',
        'What is Alipay?',
      ]),
    );
    // The third guide title, matched by its opening words only (the test quotes no guide sentence).
    expect(titles.some((t) => t.startsWith('How to Link Your International'))).toBe(true);
    const steps = guides.flatMap((g) => g.sections.map((s) => s.title)).filter((t) => /^Step \d/.test(t));
    expect(steps).toHaveLength(7);
  });

  it('indexes the ingested sections so that search finds the facts', () => {
    const kb = createKnowledgeBase(indexSections(sections, 'raw-guides'));
    const top = (q: string) => kb.search(q, { limit: 3 }).map((r) => r.section.text).join('\n');
    expect(top('small verification charge when adding a card')).toMatch(/verification charge/);
    expect(top('tour pass for short-term visitors')).toMatch(/Tour Pass/);
    expect(top('enable two-factor authentication')).toMatch(/2FA/);
    expect(kb.search('weather forecast tomorrow')).toEqual([]);
  });
});
