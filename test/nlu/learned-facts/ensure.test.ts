import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureLearnedFacts } from '../../../src/nlu/learned-facts/ensure.js';
import type { LabelledSource } from '../../../src/nlu/learned-facts/training-rows.js';
import { TOY_SETTINGS, toyRows } from './fixtures.js';

let dir: string;
let sources: LabelledSource[];
let file: string;
const jsonl = () => toyRows().map((r) => JSON.stringify({ text: r.text, intent: 'payment_declined', facts: r.facts })).join('\n');

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'supportbot-ensure-facts-'));
  await mkdir(path.join(dir, 'rows'));
  await writeFile(path.join(dir, 'rows', 'dev1.jsonl'), jsonl());
  await writeFile(path.join(dir, 'rows', 'test.jsonl'), '{"not":"read"}');
  sources = [{ dir: path.join(dir, 'rows'), accept: (name) => /^dev\d+\.jsonl$/.test(name) }];
  file = path.join(dir, 'models', 'learned-facts.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('keeping the learned fact layer up to date', () => {
  it('trains and writes the layer when its file is missing, and reuses it while the rows stay the same', async () => {
    const first = await ensureLearnedFacts({ path: file, sources, settings: TOY_SETTINGS });
    expect(first.trained).toBe(true);
    expect(first.model?.keys).toContain('verify.code_not_received');
    const second = await ensureLearnedFacts({ path: file, sources, settings: TOY_SETTINGS });
    expect(second.trained).toBe(false);
  });

  it('trains again when a training row changes', async () => {
    await ensureLearnedFacts({ path: file, sources, settings: TOY_SETTINGS });
    await writeFile(path.join(dir, 'rows', 'dev1.jsonl'), `${jsonl()}\n${JSON.stringify({ text: 'one more', intent: 'payment_declined', facts: [] })}`);
    expect((await ensureLearnedFacts({ path: file, sources, settings: TOY_SETTINGS })).trained).toBe(true);
  });

  it('replaces a corrupt file with a freshly trained one', async () => {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, 'garbage');
    const ensured = await ensureLearnedFacts({ path: file, sources, settings: TOY_SETTINGS });
    expect(ensured.trained).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8')).format).toBe('supportbot-learned-facts');
  });

  it('uses the file as it is when there are no rows to train on, and nothing when there is neither', async () => {
    expect((await ensureLearnedFacts({ path: file, sources: [{ dir: path.join(dir, 'missing'), accept: () => true }] })).model).toBeUndefined();
    await ensureLearnedFacts({ path: file, sources, settings: TOY_SETTINGS });
    const shipped = await ensureLearnedFacts({ path: file, sources: [{ dir: path.join(dir, 'missing'), accept: () => true }] });
    expect(shipped.trained).toBe(false);
    expect(shipped.model?.keys).toContain('card.international_enabled');
  });
});
