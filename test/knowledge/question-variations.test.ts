import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_KNOWLEDGE_DIR } from '../../src/knowledge/knowledge-paths.js';
import { loadKnowledgeBaseSync } from '../../src/knowledge/load-knowledge.js';
import { parseKnowledgeFiles, readKnowledgeFiles } from '../../src/knowledge/read-knowledge-dir.js';
import { analyze } from '../../src/knowledge/text-analysis.js';

const temp = mkdtempSync(path.join(os.tmpdir(), 'supportbot-asks-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const SOURCES = 'guide:\n  title: The example guide\n  file: guide.txt\n';
const FRONT = '---\nid: wallet\ntitle: The wallet\nintents: [help]\nsource: guide\n---\n\n';
const SECTIONS = [
  '## Adding money {#top-up}\n\n{asks-top-up}Open the wallet and choose an amount to load from your card.\n',
  '## Closing the wallet {#close}\n\nTo close the wallet, empty it first and then ask the card issuer to remove it.\n',
].join('\n');

function knowledgeBase(name: string, asks: string): ReturnType<typeof loadKnowledgeBaseSync> {
  const dir = path.join(temp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'sources.yaml'), SOURCES);
  writeFileSync(path.join(dir, 'wallet.md'), FRONT + SECTIONS.replace('{asks-top-up}', asks));
  return loadKnowledgeBaseSync({ dir, indexPath: path.join(temp, `${name}-index.json`) });
}

describe('question variations (asks) in the index', () => {
  const question = 'how do I recharge my balance';

  it('finds a section by the everyday questions it answers, even when its text uses other words', () => {
    const withAsks = knowledgeBase('with-asks', '<!-- asks: how do I recharge my balance | put funds in -->\n\n');
    expect(withAsks.search(question)[0]?.section.id).toBe('wallet#top-up');
  });

  it('does not find it from those words without the asks comment', () => {
    const without = knowledgeBase('without-asks', '');
    expect(without.search(question).map((r) => r.section.id)).not.toContain('wallet#top-up');
  });

  it('keeps the questions out of the sections that callers see', () => {
    const kb = knowledgeBase('hidden', '<!-- asks: how do I recharge my balance -->\n\n');
    expect(kb.section('wallet#top-up')?.text).toBe('Open the wallet and choose an amount to load from your card.');
    expect(kb.section('wallet#top-up')).not.toHaveProperty('asks');
  });
});

describe('the shipped knowledge base on everyday spellings', () => {
  const kb = loadKnowledgeBaseSync({ indexPath: path.join(temp, 'shipped-index.json') });
  const ids = (query: string) => kb.search(query).map((r) => r.section.id);

  it('gives every section at least 6 everyday questions it answers, for the section classifier to learn from', () => {
    const { sections } = parseKnowledgeFiles(readKnowledgeFiles(DEFAULT_KNOWLEDGE_DIR));
    expect(sections.length).toBe(kb.sections.length);
    for (const s of sections) {
      expect(s.asks?.length ?? 0, s.id).toBeGreaterThanOrEqual(6);
      expect(s.asks?.length ?? 0, s.id).toBeLessThanOrEqual(60);
    }
  });

  it('corrects misspelt words of 5 letters or more towards words it knows', () => {
    expect(ids('my verfication failed')).toContain('verification#verification-errors');
    expect(ids('I did not recieve the sms code')).toContain('create-account#code-not-arriving');
    expect(ids('why do they need my pasport')).toContain('verification#passport-for-limits');
  });

  it('treats British and American spellings and the forms of "not" alike', () => {
    expect(analyze('authorise the payment')).toEqual(analyze('authorize the payment'));
    expect(analyze('an unauthorised charge')).toEqual(analyze('an unauthorized charge'));
    expect(analyze("I can't link it")).toEqual(analyze('I cannot link it'));
    expect(analyze("the code didn't come")).toEqual(analyze('the code did not come'));
  });

  it('still answers nothing to off-topic questions, misspelt or not', () => {
    expect(kb.search('tell me about the footbal results')).toEqual([]);
    expect(kb.search('what is the capital of china')).toEqual([]);
    expect(kb.search('recomend a good restaurant')).toEqual([]);
  });
});
