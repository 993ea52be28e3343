import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateRetrieval, readQuestions } from '../../src/knowledge/evaluate-retrieval.js';
import { loadKnowledgeBaseSync } from '../../src/knowledge/load-knowledge.js';

// Latency is measured by `supportbot kb eval` (a script), not here: timings in a shared test run are noise.
// The shipped index (built by npm ci / npm run build), read only: rebuilding it per file costs seconds.
const kb = loadKnowledgeBaseSync({ writeIndex: false });
const file = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** questions.yaml was tuned on; the two holdout sets were written later, to estimate unseen phrasings. */
describe.each([
  ['questions.yaml', 60],
  ['questions-holdout.yaml', 30],
  ['questions-holdout-2.yaml', 30],
])('retrieval quality on everyday questions (test/knowledge/%s)', (name, minimum) => {
  const report = evaluateRetrieval(kb, readQuestions(file(name)));

  it(`has at least ${minimum} answerable questions, all naming sections that exist`, () => {
    expect(report.answerable).toBeGreaterThanOrEqual(minimum);
    expect(report.unknownIds).toEqual([]);
  });

  it('puts a section that answers the question in the top three for at least 90% of questions', () => {
    const misses = report.misses.filter((m) => m.expected.length > 0 && !m.inTop3).map((m) => `${m.question} → ${m.got.join(', ') || '(nothing)'}`);
    expect(report.top3, misses.join('\n')).toBeGreaterThanOrEqual(0.9);
  });

  it('puts it first for at least 70% of questions', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.7);
  });

  it.runIf(report.rejected.total > 0)('answers nothing to at least 80% of the questions it has no knowledge for', () => {
    expect(report.rejected.correct / report.rejected.total).toBeGreaterThanOrEqual(0.8);
  });
});
