import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../../src/core/errors.js';
import { loadFactCatalogue } from '../../../src/nlu/facts/load-facts.js';

function catalogue(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'facts-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const fact = (extra = '') => `facts:\n  - name: error.example\n    description: An example.\n    patterns: [example]\n${extra}`;

describe('loading the fact catalogue', () => {
  it('loads the shipped catalogue with every fact the documentation lists', () => {
    const shipped = loadFactCatalogue();
    const names = shipped.facts.map((f) => f.definition.name);
    expect(names).toEqual(expect.arrayContaining(['error.insufficient_funds', 'setup.sms_code_missing', 'verify.rejected', 'checkout.no_alipay_option', 'other_product', 'status.solved']));
    expect(new Set(names).size).toBe(names.length);
  });

  it('shares word groups between files', () => {
    const dir = catalogue({ 'a.yaml': 'groups:\n  thing: [widget, gadget]\n', 'b.yaml': 'facts:\n  - name: error.thing\n    description: A thing.\n    patterns: ["{thing} broke"]\n' });
    expect(loadFactCatalogue(dir).facts[0]?.patterns[0]?.expressions[0]?.test(' the gadget broke ')).toBe(true);
  });

  it('names file and field for invalid YAML, a bad field, an unknown group and a bad pattern', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ 'bad.yaml': 'facts: [\n' }, /bad\.yaml: line \d+: invalid YAML/],
      [{ 'bad.yaml': 'facts:\n  - name: Not A Name\n    description: x\n    patterns: [x]\n' }, /bad\.yaml: facts\[0\]\.name: a fact name/],
      [{ 'bad.yaml': 'facts:\n  - name: error.x\n    description: x\n    patterns: []\n' }, /bad\.yaml: facts\[0\]\.patterns: needs at least one pattern/],
      [{ 'bad.yaml': 'facts:\n  - name: error.x\n    description: x\n    patterns: ["{missing} x"]\n' }, /bad\.yaml: facts\[0\]\.patterns\[0\]: unknown word group \{missing\}/],
      [{ 'bad.yaml': 'facts:\n  - name: error.x\n    description: x\n    patterns: ["{num} and {num}"]\n' }, /facts\[0\]\.patterns\[0\]: at most one \{num\}/],
      [{ 'bad.yaml': fact('    denials: [nope]\n') }, /facts\[0\]\.denials: denials and negatedExamples need negatable/],
      [{ 'bad.yaml': fact('    unless: [error.missing]\n') }, /unless\[0\]: unknown fact "error\.missing"/],
      [{ 'a.yaml': fact(), 'b.yaml': fact() }, /b\.yaml: facts\[0\]\.name: fact "error\.example" declared twice \(also in .*a\.yaml\)/],
    ];
    for (const [files, message] of cases) {
      const dir = catalogue(files);
      expect(() => loadFactCatalogue(dir)).toThrow(DataFileError);
      expect(() => loadFactCatalogue(dir)).toThrow(message);
    }
  });

  it('says so when the directory cannot be read', () => {
    expect(() => loadFactCatalogue('/nonexistent/facts')).toThrow(/cannot read the facts directory/);
  });
});
