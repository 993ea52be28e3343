import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { evaluateRetrieval, readQuestions } from '../../src/knowledge/evaluate-retrieval.js';
import { DEFAULT_QUESTIONS_PATH } from '../../src/knowledge/knowledge-paths.js';
import { loadKnowledgeBaseSync } from '../../src/knowledge/load-knowledge.js';

// Latency is measured by `supportbot kb eval` (a script), not here: timings in a shared test run are noise.
const temp = mkdtempSync(path.join(os.tmpdir(), 'supportbot-kb-eval-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const kb = loadKnowledgeBaseSync({ indexPath: path.join(temp, 'index.json') });
const questions = readQuestions(DEFAULT_QUESTIONS_PATH);
const report = evaluateRetrieval(kb, questions);

describe('retrieval quality on everyday questions (test/knowledge/questions.yaml)', () => {
  it('has at least 60 answerable questions, all naming sections that exist', () => {
    expect(report.answerable).toBeGreaterThanOrEqual(60);
    expect(report.unknownIds).toEqual([]);
  });

  it('puts a section that answers the question in the top three for at least 90% of questions', () => {
    const misses = report.misses.filter((m) => m.expected.length > 0).map((m) => `${m.question} → ${m.got.join(', ') || '(nothing)'}`);
    expect(report.top3, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('puts it first for at least 75% of questions', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.75);
  });

  it('answers nothing to at least 80% of the questions it has no knowledge for', () => {
    expect(report.rejected.total).toBeGreaterThanOrEqual(5);
    expect(report.rejected.correct / report.rejected.total).toBeGreaterThanOrEqual(0.8);
  });
});
