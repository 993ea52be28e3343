import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFileError } from '../../../src/core/errors.js';
import { readLearnedFactsFile, serializeLearnedFacts, writeLearnedFactsFile } from '../../../src/nlu/learned-facts/file.js';
import { learnedFactProbabilities } from '../../../src/nlu/learned-facts/model.js';
import { trainLearnedFacts } from '../../../src/nlu/learned-facts/train.js';
import { TOY_SETTINGS, toyRows } from './fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'supportbot-learned-facts-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the learned fact layer file', () => {
  const model = trainLearnedFacts(toyRows(), TOY_SETTINGS, 'hash-1');

  it('reads back a layer that gives the same probabilities, within int8 rounding', async () => {
    const file = path.join(dir, 'learned-facts.json');
    await writeLearnedFactsFile(model, file);
    const loaded = await readLearnedFactsFile(file);
    expect(loaded?.keys).toEqual(model.keys);
    expect(loaded?.trainingHash).toBe('hash-1');
    for (const text of ['the code never came', 'international payments are on', 'hello']) {
      const before = learnedFactProbabilities(model, text);
      const after = learnedFactProbabilities(loaded ?? model, text);
      before.forEach((p, k) => expect(after[k]).toBeCloseTo(p, 1));
    }
  });

  it('is undefined when missing, and names the file and field when it is broken', async () => {
    expect(await readLearnedFactsFile(path.join(dir, 'none.json'))).toBeUndefined();
    const bad = path.join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...serializeLearnedFacts(model), bias: [1] }));
    await expect(readLearnedFactsFile(bad)).rejects.toThrow(DataFileError);
    await expect(readLearnedFactsFile(bad)).rejects.toThrow(/bad\.json: bias: must have one value per key/);
    await writeFile(bad, '{not json');
    await expect(readLearnedFactsFile(bad)).rejects.toThrow(/not valid JSON/);
  });
});
