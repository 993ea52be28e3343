import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/core/errors.js';
import { citationOf } from '../../src/core/ports.js';
import { resolveEffects, NO_ANSWER_TEXT } from '../../src/core/resolve-effects.js';
import { buildKnowledgeIndex } from '../../src/knowledge/build-index.js';
import { DEFAULT_INTENT_BOOST } from '../../src/knowledge/create-knowledge-base.js';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/knowledge-paths.js';
import { loadKnowledgeBase, loadKnowledgeBaseSync } from '../../src/knowledge/load-knowledge.js';
import { parseKnowledgeFiles, readKnowledgeFiles } from '../../src/knowledge/read-knowledge-dir.js';
import { classifierExamples } from '../../src/knowledge/section-classifier.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'supportbot-kb-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const indexPath = path.join(temp, 'shipped-index.json');
const kb = loadKnowledgeBaseSync({ indexPath });
const ids = (query: string, options?: { limit?: number; intents?: string[] }) => kb.search(query, options).map((r) => r.section.id);

/** A copy of knowledge/ to edit; without its training questions unless asked (they make every rebuild seconds slower). */
function copyKnowledge(name: string, withQuestions = false): string {
  const dir = path.join(temp, name);
  cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true, filter: (source) => withQuestions || path.relative(DEFAULT_KNOWLEDGE_DIR, source).split(path.sep)[0] !== 'questions' });
  return dir;
}

describe('the shipped knowledge base', () => {
  it('finds a section by its id, with a citation naming the source guide', () => {
    const section = kb.section('link-card#add-a-card');
    expect(section?.title).toBeTruthy();
    expect(section?.text).toMatch(/CVV/);
    expect(section && citationOf(section)).toEqual({ source: 'International credit card with Alipay guide', section: 'link-card#add-a-card', title: section?.title });
    expect(kb.section('link-card#no-such-section')).toBeUndefined();
  });

  it('returns sections best first with source, id, title and score', () => {
    const results = kb.search('why did alipay charge my card one dollar', { limit: 3 });
    expect(results.length).toBeGreaterThan(0);
    expect(results.map((r) => r.section.id)).toContain('link-card#verification-charge');
    // Best first; only a second part of the answer may have moved up above a higher score.
    const ranked = results.filter((r) => !r.partOfAnswer);
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.score).toBeGreaterThanOrEqual(ranked[i]!.score);
    for (const r of results) expect(r.section.source).toMatch(/guide/);
  });

  it('matches words through their stems ("refunded" finds "refund")', () => {
    expect(ids('is the test charge refunded')).toContain('link-card#verification-charge');
    expect(ids('refunding the test charge')).toContain('link-card#verification-charge');
  });

  it('matches domain synonyms: refused, rejected and failed find declined payments', () => {
    for (const query of ['my payment was refused', 'my payment got rejected', 'card payment failed']) {
      expect(ids(query).some((id) => id.startsWith('payment-declined#')), query).toBe(true);
    }
    expect(ids('how do I bind my mastercard')).toEqual(expect.arrayContaining([expect.stringMatching(/^link-card#/)]));
  });

  it('returns nothing below the score floor, and the core then says it does not know and offers a person', () => {
    expect(kb.search('what is the weather in shanghai tomorrow')).toEqual([]);
    expect(kb.search('tell me a joke')).toEqual([]);
    // Shares everyday words with sections ("time", "people", "live") but nothing of our topic.
    expect(kb.search('what time is it in beijing')).toEqual([]);
    expect(kb.search('how many people live in japan')).toEqual([]);
    expect(kb.search('')).toEqual([]);
    const resolved = resolveEffects([{ type: 'answer', query: 'who won the football match yesterday' }], kb);
    expect(resolved.replies[0]?.text).toBe(NO_ANSWER_TEXT);
    expect(resolved.citations).toEqual([]);
  });

  it('ranks sections related to the given intents higher, by a fixed factor', () => {
    const dir = path.join(temp, 'boost');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'sources.yaml'), 'guide:\n  title: The example guide\n  file: guide.txt\n');
    writeFileSync(
      path.join(dir, 'help.md'),
      '---\nid: help\ntitle: Help\nintents: [help]\nsource: guide\n---\n\n' +
        '## Writing to the bank {#bank}\n\nWrite to the bank about a charge on the card.\n\n' +
        '## Writing to support {#support}\n\nWrite to support about a charge on a card.\n\n<!-- intents: contact_support -->\n',
    );
    const small = loadKnowledgeBaseSync({ dir, indexPath: path.join(temp, 'boost-index.json'), intentBoost: 4 });
    const query = 'write about a charge on the card';
    const plain = small.search(query, { limit: 2 });
    const boosted = small.search(query, { limit: 2, intents: ['contact_support'] });
    expect(plain.map((r) => r.section.id)).toEqual(['help#bank', 'help#support']);
    expect(boosted.map((r) => r.section.id)).toEqual(['help#support', 'help#bank']);
    const score = (list: typeof plain, id: string) => list.find((r) => r.section.id === id)?.score ?? 0;
    expect(score(boosted, 'help#support')).toBeCloseTo(score(plain, 'help#support') * 4, 2);
    expect(score(boosted, 'help#bank')).toBeCloseTo(score(plain, 'help#bank'), 3);
    // The shipped base uses the measured default.
    const real = (intents?: string[]) => kb.search('identity verification is stuck', { limit: 10, ...(intents ? { intents } : {}) });
    const help = (list: ReturnType<typeof real>) => list.find((r) => r.section.id === 'verification#verification-help')?.score ?? 0;
    expect(help(real(['contact_support']))).toBeCloseTo(help(real()) * DEFAULT_INTENT_BOOST, 2);
  });

  it('honours the limit', () => {
    expect(kb.search('card', { limit: 1 })).toHaveLength(1);
    expect(kb.search('card', { limit: 0 })).toEqual([]);
  });

  it('has short sections, each fit for one flow step', () => {
    expect(kb.sections.length).toBeGreaterThan(60);
    for (const s of kb.sections) {
      expect(s.id).toMatch(/^[a-z0-9-]+#[a-z0-9-]+$/);
      expect(s.text.length, s.id).toBeLessThanOrEqual(900);
      expect(s.intents.length, s.id).toBeGreaterThan(0);
    }
  });
});

describe('loading and rebuilding the index', () => {
  it('builds the index file, then reports it up to date until an article changes', async () => {
    const dir = copyKnowledge('build');
    const file = path.join(temp, 'build-index.json');
    const first = await buildKnowledgeIndex({ dir, indexPath: file });
    expect(first).toMatchObject({ built: true, sections: kb.sections.length });
    expect(existsSync(file)).toBe(true);
    expect((await buildKnowledgeIndex({ dir, indexPath: file })).built).toBe(false);
    writeFileSync(path.join(dir, 'tour-pass.md'), readFileSync(path.join(dir, 'tour-pass.md'), 'utf8') + '\n## Extra {#extra}\n\nA new fact about zebras.\n');
    const third = await buildKnowledgeIndex({ dir, indexPath: file });
    expect(third).toMatchObject({ built: true, sections: kb.sections.length + 1 });
  });

  it('rebuilds at load when knowledge/ changed after the index was built, so edits show at once', async () => {
    const dir = copyKnowledge('edit');
    const file = path.join(temp, 'edit-index.json');
    await buildKnowledgeIndex({ dir, indexPath: file });
    writeFileSync(
      path.join(dir, 'extra.md'),
      '---\nid: extra\ntitle: Extra\nintents: [help]\nsource: alipay-on-alibaba\n---\n\n## Zebra cards {#zebras}\n\nZebra cards are a card brand made up for this test.\n',
    );
    const loaded = await loadKnowledgeBase({ dir, indexPath: file });
    expect(loaded.section('extra#zebras')?.title).toBe('Zebra cards');
    expect(loaded.search('can I pay with a zebra card')[0]?.section.id).toBe('extra#zebras');
    expect(JSON.parse(readFileSync(file, 'utf8')).contentHash).toBe(loaded.contentHash);
  });

  it('ignores a corrupt index file and rebuilds it', () => {
    const file = path.join(temp, 'corrupt-index.json');
    writeFileSync(file, '{"format": 1, "this is": "not an index"');
    const loaded = loadKnowledgeBaseSync({ indexPath: file });
    expect(loaded.sections.length).toBe(kb.sections.length);
    expect(JSON.parse(readFileSync(file, 'utf8')).sections).toHaveLength(kb.sections.length);
  });

  it('stops with an error naming the file and field when an article is malformed', () => {
    const dir = copyKnowledge('broken');
    const file = path.join(dir, 'tour-pass.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('intents: [tour_pass]', 'intents: [tourpass]'));
    let error: unknown;
    try {
      loadKnowledgeBaseSync({ dir, indexPath: path.join(temp, 'broken-index.json') });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).file).toMatch(/tour-pass\.md$/);
    expect((error as DataFileError).field).toBe('intents[0]');
  });

  it('refuses an also pairing that names a section that does not exist', () => {
    const dir = copyKnowledge('also');
    const file = path.join(dir, 'tour-pass.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n<!-- also: fees-and-rates#no-such-section -->\n`);
    expect(() => loadKnowledgeBaseSync({ dir, indexPath: path.join(temp, 'also-index.json') })).toThrow(
      /tour-pass\.md: section "when-to-use"\.also: unknown section "fees-and-rates#no-such-section"/,
    );
  });

  it('refuses a next step that names a section that does not exist', () => {
    const dir = copyKnowledge('next');
    const file = path.join(dir, 'tour-pass.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n<!-- next: tour-pass#no-such-step -->\n`);
    expect(() => loadKnowledgeBaseSync({ dir, indexPath: path.join(temp, 'next-index.json') })).toThrow(/tour-pass\.md: section "when-to-use"\.next: unknown section "tour-pass#no-such-step"/);
  });

  it('refuses training questions for a section that does not exist, naming the file and section', () => {
    const dir = copyKnowledge('questions', true);
    writeFileSync(path.join(dir, 'questions', 'tour-pass.yaml'), 'no-such-section:\n  - how do I top it up\n');
    expect(() => loadKnowledgeBaseSync({ dir, indexPath: path.join(temp, 'questions-index.json') })).toThrow(/questions\/tour-pass\.yaml: no-such-section: unknown section "tour-pass#no-such-section"/);
  });

  it('refuses a training question that is not text, naming the file and entry', () => {
    const dir = copyKnowledge('questions-bad', true);
    writeFileSync(path.join(dir, 'questions', 'tour-pass.yaml'), 'what-it-is:\n  - ok\n');
    expect(() => loadKnowledgeBaseSync({ dir, indexPath: path.join(temp, 'questions-bad-index.json') })).toThrow(/questions\/tour-pass\.yaml: what-it-is\[0\]: a question needs at least 3 characters/);
  });

  it('gives each section its training questions, and rebuilds the index when they change', () => {
    const dir = copyKnowledge('questions-learn', true);
    const before = readKnowledgeFiles(dir);
    writeFileSync(path.join(dir, 'questions', 'tour-pass.yaml'), 'what-it-is:\n  - "so what is this tourist thing exactly"\n');
    const after = readKnowledgeFiles(dir);
    expect(after.contentHash).not.toBe(before.contentHash);
    const section = parseKnowledgeFiles(after).sections.find((s) => s.id === 'tour-pass#what-it-is');
    expect(section?.examples).toEqual(['so what is this tourist thing exactly']);
    expect(classifierExamples([section!]).map((e) => e.text)).toContain('so what is this tourist thing exactly');
  });

  it('learns a follow-up with a mark of the section it follows, and refuses an unknown one', () => {
    const dir = copyKnowledge('questions-follow-up', true);
    const file = path.join(dir, 'questions', 'create-account.yaml');
    writeFileSync(file, 'payment-password:\n  - { q: "how many digits", after: create-account#payment-password }\n');
    const section = parseKnowledgeFiles(readKnowledgeFiles(dir)).sections.find((s) => s.id === 'create-account#payment-password');
    expect(section?.examples).toEqual(['how many digits ⟦after create-account#payment-password⟧']);
    writeFileSync(file, 'payment-password:\n  - { q: "how many digits", after: create-account#nope }\n');
    expect(() => parseKnowledgeFiles(readKnowledgeFiles(dir))).toThrow(/create-account\.yaml: payment-password\[0\]\.after: unknown section "create-account#nope"/);
  });

  it('refuses a sources.yaml entry without a title', () => {
    const dir = copyKnowledge('sources');
    writeFileSync(path.join(dir, 'sources.yaml'), 'alipay-on-alibaba:\n  file: x.txt\n');
    expect(() => loadKnowledgeBaseSync({ dir, indexPath: path.join(temp, 'sources-index.json') })).toThrow(/sources\.yaml: alipay-on-alibaba\.title/);
  });
});
