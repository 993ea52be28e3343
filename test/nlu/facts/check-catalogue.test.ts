import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IntentModel } from '../../../src/nlu/intent-model.js';
import { createIntentClassifier } from '../../../src/nlu/create-classifier.js';
import { ensureModel } from '../../../src/nlu/ensure-model.js';
import { checkCatalogue } from '../../../src/nlu/facts/check-catalogue.js';
import { loadFactCatalogue } from '../../../src/nlu/facts/load-facts.js';

let model: IntentModel;
beforeAll(async () => {
  ({ model } = await ensureModel());
});

describe('checking the fact catalogue against its own examples', () => {
  it('reads every example, negated example and counterexample of the shipped catalogue as declared', () => {
    const catalogue = loadFactCatalogue();
    const problems = checkCatalogue(catalogue, createIntentClassifier(model, catalogue));
    // Listed in full so a failure says which sentence now reads differently, and as what.
    expect(problems.map((p) => `${p.fact}: ${p.kind} "${p.text}" read as [${p.read.join(', ')}]`)).toEqual([]);
  });

  it('names the fact, file, kind and what was read for an example that is not read as declared', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'facts-check-'));
    writeFileSync(
      path.join(dir, 'cards.yaml'),
      `facts:
  - name: card.debit
    description: A debit card.
    negatable: true
    patterns: [debit]
    examples: [my debit card, my credit card]
    negatedExamples: [it is not a debit card]
    counterexamples: [the debit card failed]
`,
    );
    const catalogue = loadFactCatalogue(dir);
    const problems = checkCatalogue(catalogue, createIntentClassifier(model, catalogue));
    expect(problems).toEqual([
      { fact: 'card.debit', file: expect.stringContaining('cards.yaml'), kind: 'example', text: 'my credit card', read: [] },
      { fact: 'card.debit', file: expect.stringContaining('cards.yaml'), kind: 'counterexample', text: 'the debit card failed', read: ['card.debit'] },
    ]);
  });
});
