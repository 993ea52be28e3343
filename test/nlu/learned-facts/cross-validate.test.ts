import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureModel } from '../../../src/nlu/ensure-model.js';
import { defaultFactCatalogue } from '../../../src/nlu/facts/load-facts.js';
import type { IntentModel } from '../../../src/nlu/intent-model.js';
import { crossValidateLearnedFacts } from '../../../src/nlu/learned-facts/cross-validate.js';
import { readLabelledSets, type LabelledSource } from '../../../src/nlu/learned-facts/training-rows.js';
import { TOY_SETTINGS } from './fixtures.js';

let dir: string;
let model: IntentModel;
// A made-up card brand the patterns cannot know: only a layer trained on rows that name it can read it.
const brand = (n: number) => ({ id: `r${n}`, text: `i pay with my zorblax card number ${n}`, intent: 'link_card', facts: [{ name: 'card.prepaid' }] });
const plain = (n: number) => ({ id: `r${n}`, text: `how do i add a card ${n}`, intent: 'link_card', facts: [] });
const lines = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n');

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'supportbot-learned-cv-'));
  model = (await ensureModel()).model;
  await writeFile(path.join(dir, 'dev1.jsonl'), lines([...Array.from({ length: 10 }, (_, i) => brand(i)), ...Array.from({ length: 10 }, (_, i) => plain(i))]));
  await writeFile(path.join(dir, 'dev2.jsonl'), lines([...Array.from({ length: 10 }, (_, i) => brand(20 + i)), ...Array.from({ length: 10 }, (_, i) => plain(20 + i))]));
  await writeFile(path.join(dir, 'dev3.jsonl'), lines([brand(40), ...Array.from({ length: 10 }, (_, i) => plain(50 + i))]));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('measuring the learned fact layer leave-one-set-out', () => {
  it('reads each set with a layer trained on the others only', async () => {
    const sources: LabelledSource[] = [{ dir, accept: (name) => name.endsWith('.jsonl') }];
    const labelled = await readLabelledSets(sources);
    const [dev1, dev3] = await crossValidateLearnedFacts(model, defaultFactCatalogue(), labelled, ['dev1', 'dev3'], { ...TOY_SETTINGS, minRows: 10 });
    // dev1's brand rows are learned from dev2's: the layer finds them all.
    expect(dev1?.rows).toBe(20);
    expect(dev1?.patterns.recall).toBe(0);
    expect(dev1?.learned.recall).toBe(1);
    // Held out, dev3 is read by a layer trained on dev1 and dev2 (20 brand rows): its one brand row is found too.
    expect(dev3?.learned.recall).toBe(1);
  });

  it('learns nothing from the set it measures', async () => {
    await writeFile(path.join(dir, 'dev2.jsonl'), lines(Array.from({ length: 10 }, (_, i) => plain(20 + i))));
    const labelled = await readLabelledSets([{ dir, accept: (name) => name === 'dev1.jsonl' || name === 'dev2.jsonl' }]);
    const [dev1] = await crossValidateLearnedFacts(model, defaultFactCatalogue(), labelled, ['dev1'], { ...TOY_SETTINGS, minRows: 10 });
    expect(dev1?.learned.recall).toBe(0);
  });

  it('names the sets it has when asked for one it does not', async () => {
    const labelled = await readLabelledSets([{ dir, accept: (name) => name.endsWith('.jsonl') }]);
    await expect(crossValidateLearnedFacts(model, defaultFactCatalogue(), labelled, ['dev9'], TOY_SETTINGS)).rejects.toThrow(/no labelled set named "dev9" \(have: dev1, dev2, dev3\)/);
  });
});
