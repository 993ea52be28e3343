import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fileIntoIntents } from '../../../src/cli/insights/file-into-intents.js';
import { DataFileError, InputError } from '../../../src/core/errors.js';
import { createIntentClassifier } from '../../../src/nlu/create-classifier.js';
import { ensureModel } from '../../../src/nlu/ensure-model.js';
import { loadFactCatalogue } from '../../../src/nlu/facts/load-facts.js';
import { loadIntents } from '../../../src/nlu/load-intents.js';
import { DEFAULT_INTENTS_DIR, DEFAULT_MODEL_PATH } from '../../../src/nlu/paths.js';
import { createPrivacyGuard } from '../../../src/privacy/privacy-guard.js';

const privacy = createPrivacyGuard();
function copyOfIntents(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'inbox-')), 'intents');
  cpSync(DEFAULT_INTENTS_DIR, dir, { recursive: true });
  return dir;
}

describe('filing inbox messages into intents/', () => {
  it('adds them under <intent>.from_inbox, redacted, keeping the file\'s comments, and skips what is already there', async () => {
    const dir = copyOfIntents();
    const file = path.join(dir, 'refunds.yaml');
    const before = readFileSync(file, 'utf8');
    const result = await fileIntoIntents(['the seller zorblaxed my order, card 4111 1111 1111 1111, money back?', 'the seller zorblaxed my order, card 4111 1111 1111 1111, money back?', 'how do i get a refund on alibaba'], 'refunds', { intentsDir: dir, privacy });
    expect(result.added).toEqual(['the seller zorblaxed my order, card [card number], money back?']);
    expect(result.skipped.map((s) => s.why)).toEqual(['already in intents/', 'already in intents/']);
    const after = readFileSync(file, 'utf8');
    expect(after).not.toContain('4111');
    // Every comment line the file had is still there.
    for (const line of before.split('\n').filter((l) => l.trim().startsWith('#'))) expect(after).toContain(line);
    expect(parse(after).labels['refunds.from_inbox']).toEqual(['the seller zorblaxed my order, card [card number], money back?']);
    await expect(loadIntents({ dir })).resolves.toBeDefined();
    // A second filing appends to the same label.
    await fileIntoIntents(['another zorblax question about getting paid back'], 'refunds', { intentsDir: dir, privacy });
    expect(parse(readFileSync(file, 'utf8')).labels['refunds.from_inbox']).toHaveLength(2);
  });

  it('is trained on by the next build: the intents hash changes and the message is then read as filed', async () => {
    const dir = copyOfIntents();
    const modelPath = path.join(path.dirname(dir), 'model.json');
    const facts = loadFactCatalogue(path.join(dir, 'facts'));
    const message = 'my qwertzuiop thingy from the yodelling shop never arrived back to me';
    // The shipped model was trained on these very files: it is up to date for the copy, no training.
    cpSync(DEFAULT_MODEL_PATH, modelPath);
    const first = await ensureModel({ intentsDir: dir, modelPath });
    expect(first.trained).toBe(false);
    expect(createIntentClassifier(first.model, facts).parse(message).intent).not.toBe('refunds');
    await fileIntoIntents([message], 'refunds', { intentsDir: dir, privacy });
    // What `supportbot build` runs, without the calibration folds (one training instead of four, for time).
    const second = await ensureModel({ intentsDir: dir, modelPath, training: { calibrationFolds: 0 } });
    expect(second.trained).toBe(true);
    expect(second.reason).toBe('stale');
    expect(second.model.intentsHash).not.toBe(first.model.intentsHash);
    expect(createIntentClassifier(second.model, facts).parse(message).intent).toBe('refunds');
  }, 120_000);

  it('refuses an unknown intent, and a file the loader would refuse, without writing', async () => {
    const dir = copyOfIntents();
    await expect(fileIntoIntents(['x y z'], 'refundz', { intentsDir: dir, privacy })).rejects.toBeInstanceOf(InputError);
    const dry = await fileIntoIntents(['a brand new zorblax message'], 'refunds', { intentsDir: dir, privacy, dryRun: true });
    expect(dry.added).toHaveLength(1);
    expect(readFileSync(path.join(dir, 'refunds.yaml'), 'utf8')).not.toContain('zorblax');
    await expect(fileIntoIntents(['x'], 'refunds', { intentsDir: path.join(dir, 'missing'), privacy })).rejects.toBeInstanceOf(DataFileError);
  });
});
