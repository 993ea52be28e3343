import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/core/errors.js';
import { parseArticle, unwrapLines } from '../../src/knowledge/parse-article.js';

const sources = {
  guide: { title: 'The example guide', file: 'example.txt' },
  other: { title: 'The other guide', file: 'other.txt' },
};

const article = (front: string, body: string): string => `---\n${front}\n---\n\n${body}`;
const FRONT = 'id: link-card\ntitle: Linking a card\nintents: [link_card]\nsource: guide';

function errorOf(fn: () => unknown): DataFileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DataFileError) return error;
    throw error;
  }
  throw new Error('expected a DataFileError');
}

describe('parseArticle', () => {
  it('splits an article into sections with stable ids, titles, sources and intents', () => {
    const parsed = parseArticle(
      'knowledge/link-card.md',
      article(FRONT, '## Add a card {#add-a-card}\n\nOpen the app\nand add the card.\n\n## A small charge {#test-charge}\n\nIt is refunded.\n\n<!-- source: other; intents: refunds, link_card -->\n'),
      sources,
      'link-card',
    );
    expect(parsed.title).toBe('Linking a card');
    expect(parsed.sections).toEqual([
      { id: 'link-card#add-a-card', articleId: 'link-card', title: 'Add a card', text: 'Open the app and add the card.', source: 'The example guide', intents: ['link_card'] },
      { id: 'link-card#test-charge', articleId: 'link-card', title: 'A small charge', text: 'It is refunded.', source: 'The other guide', intents: ['refunds', 'link_card'] },
    ]);
  });

  it('joins several source guides into one citation source', () => {
    const parsed = parseArticle('a.md', article(FRONT.replace('source: guide', 'source: [guide, other]'), '## A {#a}\n\nText.'), sources);
    expect(parsed.sections[0]?.source).toBe('The example guide; The other guide');
  });

  it('reads the questions a section answers from an asks comment, which stay out of the text', () => {
    const parsed = parseArticle(
      'knowledge/link-card.md',
      article(FRONT, '## Add a card {#add-a-card}\n\n<!-- asks: how do I add a card, quickly? | where does my\n  visa go; and why -->\n\nOpen the app.\n\n<!-- intents: refunds -->\n\n## Other {#other}\n\nText.'),
      sources,
    );
    expect(parsed.sections[0]).toMatchObject({ text: 'Open the app.', intents: ['refunds'], asks: ['how do I add a card, quickly?', 'where does my visa go; and why'] });
    expect(parsed.sections[1]).not.toHaveProperty('asks');
  });

  it('reads the facts a section is about from a facts comment, and names the file and field of a bad one', () => {
    const parsed = parseArticle('knowledge/security.md', article(FRONT, '## Fraud {#fraud}\n\n<!-- facts: security.unknown_charge, security.clicked_link -->\n\nReport it.'), sources);
    expect(parsed.sections[0]).toMatchObject({ text: 'Report it.', facts: ['security.unknown_charge', 'security.clicked_link'] });
    const error = errorOf(() => parseArticle('knowledge/security.md', article(FRONT, '## Fraud {#fraud}\n\n<!-- facts: Unknown Charge -->\n\nReport it.'), sources));
    expect(error.message).toMatch(/knowledge\/security\.md: section "fraud" \(line \d+\)\.facts: "Unknown Charge" is not a fact name/);
  });

  it('keeps list items on their own lines while unwrapping paragraphs', () => {
    expect(unwrapLines('First line\nsecond line.\n\n- one\n- two\n  continued\n')).toBe('First line second line.\n\n- one\n- two continued');
  });

  it.each([
    ['a missing front matter block', '## A {#a}\n\nText.', 'front matter'],
    ['an unknown intent', article(FRONT.replace('[link_card]', '[link_cards]'), '## A {#a}\n\nText.'), 'intents[0]'],
    ['an unknown front matter key', article(`${FRONT}\nauthor: me`, '## A {#a}\n\nText.'), ''],
    ['an unknown source guide', article(FRONT.replace('source: guide', 'source: nowhere'), '## A {#a}\n\nText.'), 'source'],
    ['an id that is not the file name', article(FRONT.replace('id: link-card', 'id: link-cards'), '## A {#a}\n\nText.'), 'id'],
    ['a heading without an id', article(FRONT, '## Add a card\n\nText.'), 'line 8'],
    ['a bad section id', article(FRONT, '## Add a card {#Add_Card}\n\nText.'), 'line 8 section id'],
    ['a duplicate section id', article(FRONT, '## A {#a}\n\nText.\n\n## B {#a}\n\nMore.'), 'line 12'],
    ['text before the first section', article(FRONT, 'Loose text.\n\n## A {#a}\n\nText.'), 'line 8'],
    ['an empty section', article(FRONT, '## A {#a}\n\n## B {#b}\n\nText.'), 'section "a" (line 8)'],
    ['an unknown section setting', article(FRONT, '## A {#a}\n\nText.\n<!-- intent: refunds -->'), 'section "a" (line 8).intent'],
    ['an unknown intent in a section', article(FRONT, '## A {#a}\n\nText.\n<!-- intents: refund -->'), 'section "a" (line 8).intents'],
    ['an empty question in asks', article(FRONT, '## A {#a}\n\nText.\n<!-- asks: how do I pay | -->'), 'section "a" (line 8).asks[1]'],
    ['the same question twice in asks', article(FRONT, '## A {#a}\n\nText.\n<!-- asks: how do I pay | How do I pay -->'), 'section "a" (line 8).asks'],
    ['more than 60 questions in asks', article(FRONT, `## A {#a}\n\nText.\n<!-- asks: ${Array.from({ length: 61 }, (_, i) => `question ${i}`).join(' | ')} -->`), 'section "a" (line 8).asks'],
    ['a malformed id in also', article(FRONT, '## A {#a}\n\nText.\n<!-- also: fees -->'), 'section "a" (line 8).also'],
    ['two sections named as next', article(FRONT, '## A {#a}\n\nText.\n<!-- next: link-card#b, link-card#c -->'), 'section "a" (line 8).next'],
    ['two asks comments in one section', article(FRONT, '## A {#a}\n\nText.\n<!-- asks: how do I pay -->\n<!-- asks: where do I pay -->'), 'section "a" (line 8).asks'],
    ['a section too long for one flow step', article(FRONT, `## A {#a}\n\n${'word '.repeat(300)}`), 'section "a" (line 8)'],
  ])('rejects %s with an error that names the file and field', (_name, raw, field) => {
    const error = errorOf(() => parseArticle('knowledge/link-card.md', raw, sources, 'link-card'));
    expect(error.file).toBe('knowledge/link-card.md');
    expect(error.field).toBe(field);
    expect(error.message).toContain('knowledge/link-card.md');
  });
});
