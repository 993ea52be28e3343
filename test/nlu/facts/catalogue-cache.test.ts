import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFactMatcher } from '../../../src/nlu/facts/fact-matcher.js';
import { DEFAULT_FACTS_DIR, loadFactCatalogue } from '../../../src/nlu/facts/load-facts.js';
import { splitClauses } from '../../../src/nlu/understanding/message-text.js';

const fresh = (prefix: string) => mkdtempSync(path.join(os.tmpdir(), prefix));

const factFile = (pattern: string) => `facts:\n  - name: error.example\n    description: An example.\n    patterns: ["${pattern}"]\n`;

function readFacts(catalogue: ReturnType<typeof loadFactCatalogue>, text: string): string[] {
  return createFactMatcher(catalogue)
    .match(splitClauses(text))
    .map((f) => `${f.negated ? '!' : ''}${f.name}${f.value ? `=${f.value}` : ''}`)
    .sort();
}

const MESSAGES = [
  'my visa debit got declined 3 times, it says insufficient funds but the money is there',
  'no error message at all, the sms code never arrives and my bank app shows nothing',
  'i clicked the link in the sms and typed my password, alipay is asking for my passport now',
  'name on the card is different from my passport, international payments are already on',
];

describe('the compiled fact catalogue kept beside the model', () => {
  it('reads back a catalogue that states the same facts as one compiled from the YAML', () => {
    const cacheFile = path.join(fresh('facts-cache-'), 'fact-catalogue.json');
    const compiled = loadFactCatalogue(DEFAULT_FACTS_DIR, { cacheFile });
    expect(existsSync(cacheFile)).toBe(true);
    const cached = loadFactCatalogue(DEFAULT_FACTS_DIR, { cacheFile });
    expect(cached).not.toBe(compiled);
    expect(cached.facts.length).toBe(compiled.facts.length);
    expect([...cached.words].sort()).toEqual([...compiled.words].sort());
    for (const message of MESSAGES) expect(readFacts(cached, message)).toEqual(readFacts(compiled, message));
    expect(readFacts(cached, MESSAGES[0] ?? '')).toContain('card.debit');
  });

  it('compiles afresh when a YAML file changed since the file was written', () => {
    const dir = fresh('facts-dir-');
    const cacheFile = path.join(fresh('facts-cache-'), 'fact-catalogue.json');
    writeFileSync(path.join(dir, 'a.yaml'), factFile('old words'));
    expect(readFacts(loadFactCatalogue(dir, { cacheFile }), 'some old words here')).toEqual(['error.example']);
    writeFileSync(path.join(dir, 'a.yaml'), factFile('new words'));
    const changed = loadFactCatalogue(dir, { cacheFile });
    expect(readFacts(changed, 'some old words here')).toEqual([]);
    expect(readFacts(changed, 'some new words here')).toEqual(['error.example']);
  });

  it('ignores a corrupt or foreign file in its place and writes a good one', () => {
    const dir = fresh('facts-dir-');
    writeFileSync(path.join(dir, 'a.yaml'), factFile('example words'));
    const cacheFile = path.join(fresh('facts-cache-'), 'fact-catalogue.json');
    for (const junk of ['{"format":1,"key":', '{"format":1,"key":"x","facts":"nope"}', '[]']) {
      writeFileSync(cacheFile, junk);
      expect(readFacts(loadFactCatalogue(dir, { cacheFile }), 'the example words')).toEqual(['error.example']);
      expect(JSON.parse(readFileSync(cacheFile, 'utf8'))).toMatchObject({ format: 1 });
    }
  });

  it('still loads when the file cannot be written', () => {
    const dir = fresh('facts-dir-');
    writeFileSync(path.join(dir, 'a.yaml'), factFile('example words'));
    const cacheFile = path.join(dir, 'no-such-folder', 'fact-catalogue.json');
    expect(readFacts(loadFactCatalogue(dir, { cacheFile }), 'the example words')).toEqual(['error.example']);
    expect(existsSync(cacheFile)).toBe(false);
  });

  it('still names file and field for a broken YAML file, whatever was kept before', () => {
    const dir = fresh('facts-dir-');
    const cacheFile = path.join(fresh('facts-cache-'), 'fact-catalogue.json');
    writeFileSync(path.join(dir, 'a.yaml'), factFile('example words'));
    loadFactCatalogue(dir, { cacheFile });
    writeFileSync(path.join(dir, 'a.yaml'), 'facts:\n  - name: Not A Name\n    description: x\n    patterns: [x]\n');
    expect(() => loadFactCatalogue(dir, { cacheFile })).toThrow(/a\.yaml: facts\[0\]\.name: a fact name/);
  });
});
