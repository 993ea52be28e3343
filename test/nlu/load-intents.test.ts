import { mkdtemp, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/core/errors.js';
import { loadIntents } from '../../src/nlu/load-intents.js';

const FIXTURE = path.join(import.meta.dirname, 'fixtures', 'intents');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'supportbot-intents-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, text: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, name), text);
}

async function loadError(): Promise<DataFileError> {
  const error = await loadIntents({ dir }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DataFileError);
  return error as DataFileError;
}

describe('loadIntents', () => {
  it('loads every utterance with its intent and label', async () => {
    const loaded = await loadIntents({ dir: FIXTURE });
    expect(loaded.intents).toEqual(['greeting', 'limits', 'out_of_scope', 'payment_declined', 'refunds']);
    expect(loaded.examples).toContainEqual(expect.objectContaining({ text: 'my top up failed', intent: 'payment_declined', label: 'payment_declined.top_up' }));
    expect(loaded.examples).toContainEqual(expect.objectContaining({ text: 'hello', intent: 'greeting', label: 'greeting' }));
    expect(loaded.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names file and field when an utterance in a label is empty', async () => {
    await write('limits.yaml', 'intent: limits\ndescription: Limits.\nlabels:\n  limits.x:\n    - a\n    - b\n    - c\n    - ""\n');
    const error = await loadError();
    expect(error.file).toMatch(/limits\.yaml$/);
    expect(error.field).toBe('labels.limits.x[3]');
    expect(error.message).toMatch(/limits\.yaml: labels\.limits\.x\[3\]: must be a non-empty string/);
  });

  it('rejects a file for an intent that does not exist', async () => {
    await write('weather.yaml', 'intent: weather\ndescription: Weather.\nexamples: [sunny]\n');
    expect((await loadError()).message).toMatch(/weather\.yaml: "weather" is not a known intent/);
  });

  it('rejects an intent field that differs from the file name', async () => {
    await write('limits.yaml', 'intent: refunds\ndescription: Limits.\nexamples: [what is my limit]\n');
    const error = await loadError();
    expect(error.field).toBe('intent');
    expect(error.message).toMatch(/must equal the file name/);
  });

  it('rejects a label that does not belong to the file intent', async () => {
    await write('limits.yaml', 'intent: limits\ndescription: Limits.\nlabels:\n  refunds.late: [where is my money]\n');
    const error = await loadError();
    expect(error.field).toBe('labels.refunds.late');
  });

  it('rejects unknown keys and a missing description', async () => {
    await write('limits.yaml', 'intent: limits\nexamples: [what is my limit]\n');
    expect((await loadError()).field).toBe('description');
    await write('limits.yaml', 'intent: limits\ndescription: L.\nexample: [what is my limit]\n');
    expect((await loadError()).message).toMatch(/limits\.yaml/);
  });

  it('names both places of an utterance that appears in two files', async () => {
    await write('limits.yaml', 'intent: limits\ndescription: Limits.\nexamples:\n  - what is my limit\n');
    await write('refunds.yaml', 'intent: refunds\ndescription: Refunds.\nexamples:\n  - where is my refund\n  - What is my limit?\n');
    const error = await loadError();
    expect(error.file).toMatch(/refunds\.yaml$/);
    expect(error.field).toBe('examples[1]');
    expect(error.message).toMatch(/also in .*limits\.yaml: examples\[0\]/);
  });

  it('reports invalid YAML with the file name', async () => {
    await write('limits.yaml', 'intent: limits\ndescription: [unclosed\n');
    expect((await loadError()).message).toMatch(/limits\.yaml: .*invalid YAML/);
  });

  it('changes its content hash when a file changes', async () => {
    await cp(FIXTURE, dir, { recursive: true });
    const before = (await loadIntents({ dir })).hash;
    await write('greeting.yaml', 'intent: greeting\ndescription: Hello.\nexamples: [hello, hi, hey, howdy]\n');
    expect((await loadIntents({ dir })).hash).not.toBe(before);
  });
});
