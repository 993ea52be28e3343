import { describe, expect, it } from 'vitest';
import { loadFactCatalogue } from '../../src/nlu/facts/load-facts.js';
import { parseKnowledgeFiles, readKnowledgeFiles } from '../../src/knowledge/read-knowledge-dir.js';
import { loadKnowledgeBaseSync } from '../../src/knowledge/load-knowledge.js';

describe('the facts knowledge sections are about', () => {
  const { sections } = parseKnowledgeFiles(readKnowledgeFiles('knowledge'));

  it('are all facts of the understanding catalogue', () => {
    const known = new Set(loadFactCatalogue().facts.map((f) => f.definition.name));
    const declared = sections.flatMap((s) => (s.facts ?? []).map((fact) => `${s.id}: ${fact}`));
    expect(declared.length).toBeGreaterThan(10);
    expect(declared.filter((d) => !known.has((d.split(': ')[1] ?? '').replace(/^!/, '')))).toEqual([]);
  });

  it('lift a section about a fact the message states above one that only shares its words', () => {
    const kb = loadKnowledgeBaseSync({ writeIndex: false });
    // Words alone read a sum gone to a shop as the card check; the stated fact says it is not theirs.
    const question = 'there is 45 usd gone to some shop, can i get it back?';
    const plain = kb.search(question, { limit: 3 }).map((r) => r.section.id);
    const told = kb.search(question, { limit: 3, facts: ['security.unknown_charge'] }).map((r) => r.section.id);
    expect(plain[0]).not.toBe('contact-support#report-fraud');
    expect(['contact-support#report-fraud', 'security#monitor-transactions']).toContain(told[0]);
  });
});
