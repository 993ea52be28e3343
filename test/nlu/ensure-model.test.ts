import { cp, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildModel } from '../../src/nlu/build-model.js';
import { ensureModel } from '../../src/nlu/ensure-model.js';
import { loadClassifier } from '../../src/nlu/load-classifier.js';
import { hashIntentsDir } from '../../src/nlu/load-intents.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'intents');
let dir: string;
let intentsDir: string;
let modelPath: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'supportbot-ensure-'));
  intentsDir = path.join(dir, 'intents');
  modelPath = path.join(dir, 'models', 'intent-model.json');
  await cp(FIXTURE, intentsDir, { recursive: true });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('training at build time, checking at load time', () => {
  it('build trains a missing model into its file, then leaves an up-to-date one alone', async () => {
    expect(await buildModel({ modelPath, intentsDir })).toEqual({ path: modelPath, trained: true });
    const first = await stat(modelPath);
    expect(first.size).toBeGreaterThan(0);
    expect(first.size).toBeLessThan(5 * 1024 * 1024);
    expect(await buildModel({ modelPath, intentsDir })).toEqual({ path: modelPath, trained: false });
    expect((await stat(modelPath)).mtimeMs).toBe(first.mtimeMs);
  });

  it('stores the content hash of intents/ in the model', async () => {
    await buildModel({ modelPath, intentsDir });
    const file = JSON.parse(await readFile(modelPath, 'utf8')) as { intentsHash: string };
    expect(file.intentsHash).toBe(await hashIntentsDir(intentsDir));
  });

  it('retrains and rewrites the model when intents/ changed', async () => {
    await buildModel({ modelPath, intentsDir });
    await writeFile(
      path.join(intentsDir, 'greeting.yaml'),
      'intent: greeting\ndescription: Hello.\nexamples: [hello, hi there, good morning, hey, howdy partner, greetings friend]\n',
    );
    const result = await ensureModel({ modelPath, intentsDir });
    expect(result.trained).toBe(true);
    expect(result.reason).toBe('stale');
    const file = JSON.parse(await readFile(modelPath, 'utf8')) as { intentsHash: string; vocabulary: string };
    expect(file.intentsHash).toBe(await hashIntentsDir(intentsDir));
    expect(file.vocabulary.split('\n')).toContain('w:howdi');
  });

  it('retrains when the model file is unreadable', async () => {
    await buildModel({ modelPath, intentsDir });
    await writeFile(modelPath, '{not json');
    const result = await ensureModel({ modelPath, intentsDir });
    expect(result).toMatchObject({ trained: true, reason: 'unreadable' });
  });

  it('loadClassifier trains when the model is missing and classifies with it', async () => {
    const classifier = await loadClassifier({ modelPath, intentsDir });
    expect((await stat(modelPath)).size).toBeGreaterThan(0);
    expect(classifier.parse('my card was declined again').intent).toBe('payment_declined');
  });
});

describe('a model trained with other settings', () => {
  it('counts as stale, like changed data', async () => {
    const dir2 = await mkdtemp(path.join(tmpdir(), 'supportbot-settings-'));
    const model = path.join(dir2, 'model.json');
    try {
      await ensureModel({ modelPath: model, intentsDir: FIXTURE, training: { features: { charMax: 5 } } });
      expect((await ensureModel({ modelPath: model, intentsDir: FIXTURE, training: { features: { charMax: 5 } } })).trained).toBe(false);
      expect(await ensureModel({ modelPath: model, intentsDir: FIXTURE })).toMatchObject({ trained: true, reason: 'stale' });
    } finally {
      await rm(dir2, { recursive: true, force: true });
    }
  });
});
