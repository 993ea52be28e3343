import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DataFileError } from '../../src/core/errors.js';
import { parseJsonlRows, parseYamlData } from '../../src/core/data-file.js';

const schema = z.object({ intent: z.string(), examples: z.array(z.string()).default([]) });
const rowSchema = z.object({ text: z.string().min(1), intent: z.string() });

function failure(run: () => unknown): DataFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof DataFileError) return error;
    throw error;
  }
  throw new Error('expected a DataFileError');
}

describe('reading the data files under intents/', () => {
  it('reads a YAML document through its schema, an empty file as {}', () => {
    expect(parseYamlData('a.yaml', 'intent: greeting\nexamples: [hi]\n', schema)).toEqual({ intent: 'greeting', examples: ['hi'] });
    expect(failure(() => parseYamlData('a.yaml', '', schema)).message).toContain('a.yaml');
  });

  it('names the line of broken YAML and the field a schema refuses', () => {
    expect(failure(() => parseYamlData('a.yaml', 'intent: [oops\n', schema)).message).toMatch(/a\.yaml.*line \d+.*invalid YAML/);
    expect(failure(() => parseYamlData('a.yaml', 'intent: greeting\nexamples: 3\n', schema)).message).toMatch(/a\.yaml.*examples/);
  });

  it('reads JSONL rows with their line numbers, skipping blank lines, CRLF or not', () => {
    const rows = parseJsonlRows('r.jsonl', '{"text":"hi","intent":"greeting"}\r\n\n{"text":"bye","intent":"goodbye"}\n', rowSchema);
    expect(rows).toEqual([
      { line: 1, row: { text: 'hi', intent: 'greeting' } },
      { line: 3, row: { text: 'bye', intent: 'goodbye' } },
    ]);
  });

  it('names file, line and field of a bad row', () => {
    expect(failure(() => parseJsonlRows('r.jsonl', '{"text":"hi","intent":"greeting"}\nnot json\n', rowSchema)).message).toMatch(/r\.jsonl.*line 2.*not valid JSON/);
    expect(failure(() => parseJsonlRows('r.jsonl', '{"text":"","intent":"greeting"}\n', rowSchema)).message).toMatch(/r\.jsonl.*line 1: text/);
  });
});
