import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEVELOPMENT_DIR, isLabelledSource } from '../../../src/nlu/learned-facts/training-rows.js';
import { DEFAULT_INTENTS_DIR } from '../../../src/nlu/paths.js';

describe('the rows the learned fact layer trains on', () => {
  it('include the development sets and the real-style training files, never the reported set', () => {
    expect(isLabelledSource(path.join(DEFAULT_DEVELOPMENT_DIR, 'dev7.jsonl'))).toBe(true);
    expect(isLabelledSource(path.join(DEFAULT_INTENTS_DIR, 'real-style', 'batch-1.jsonl'))).toBe(true);
    expect(isLabelledSource(path.join(DEFAULT_DEVELOPMENT_DIR, 'test.jsonl'))).toBe(false);
    expect(isLabelledSource('/somewhere/else/dev7.jsonl')).toBe(false);
  });
});
