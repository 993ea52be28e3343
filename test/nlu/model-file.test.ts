import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/core/errors.js';
import { labelProbabilities, predictIntent } from '../../src/nlu/intent-model.js';
import { loadIntents } from '../../src/nlu/load-intents.js';
import { readModelFile, writeModelFile } from '../../src/nlu/model-file.js';
import { trainIntentModel } from '../../src/nlu/train-intent-model.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'intents');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'supportbot-model-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the model file', () => {
  it('round-trips a trained model with the same predictions', async () => {
    const { examples, hash } = await loadIntents({ dir: FIXTURE });
    const model = trainIntentModel(examples, { intentsHash: hash });
    const file = path.join(dir, 'model.json');
    await writeModelFile(model, file);
    const back = await readModelFile(file);
    expect(back).toBeDefined();
    if (!back) return;
    expect(back.intentsHash).toBe(hash);
    expect(back.labels).toEqual(model.labels);
    for (const text of ['my card got declined', 'hi', 'where is the atm', 'I want a refund please', 'what is the daily limit']) {
      const original = labelProbabilities(model, text);
      const restored = labelProbabilities(back, text);
      restored.forEach((p, k) => expect(p).toBeCloseTo(original[k] ?? 0, 6));
      expect(predictIntent(back, text).intent).toBe(predictIntent(model, text).intent);
    }
  });

  it('reads a missing file as undefined', async () => {
    expect(await readModelFile(path.join(dir, 'nothing-here.json'))).toBeUndefined();
  });

  it('rejects a corrupt file with a DataFileError that names the field', async () => {
    const file = path.join(dir, 'bad.json');
    await writeFile(file, JSON.stringify({ format: 'supportbot-intent-model', version: 1, labels: 'oops' }));
    const error = await readModelFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataFileError);
    expect((error as DataFileError).message).toMatch(/bad\.json: /);
  });
});
