import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DataFileError, formatIssuePath } from '../core/errors.js';
import type { KnowledgeBase } from '../core/ports.js';
import { displayPath } from './knowledge-paths.js';

const questionSchema = z.union([
  z.strictObject({ q: z.string().trim().min(1), ids: z.array(z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'must be "article#section"')).min(1) }),
  z.strictObject({ q: z.string().trim().min(1), expect: z.literal('none') }),
]);
export const questionsFileSchema = z.strictObject({ questions: z.array(questionSchema).min(1) });
export type EvalQuestion = z.output<typeof questionSchema>;

export function readQuestions(file: string): EvalQuestion[] {
  let data: unknown;
  try {
    data = parseYaml(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new DataFileError(displayPath(file), '', error instanceof Error ? error.message : String(error));
  }
  const parsed = questionsFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataFileError(displayPath(file), issue ? formatIssuePath(issue.path) : '', issue?.message ?? 'invalid');
  }
  return parsed.data.questions;
}

export interface RetrievalMiss {
  question: string;
  expected: string[];
  got: string[];
}

export interface RetrievalReport {
  answerable: number;
  top1: number;
  top3: number;
  /** Out-of-scope questions that correctly got nothing, over all out-of-scope questions. */
  rejected: { correct: number; total: number };
  misses: RetrievalMiss[];
  /** Ids named in the questions that the knowledge base does not have. */
  unknownIds: string[];
}

/** Top-1 and top-3 hit rates on questions with known answers, and how well out-of-scope ones are refused. */
export function evaluateRetrieval(knowledge: KnowledgeBase, questions: readonly EvalQuestion[]): RetrievalReport {
  let answerable = 0;
  let hit1 = 0;
  let hit3 = 0;
  let noneTotal = 0;
  let noneCorrect = 0;
  const misses: RetrievalMiss[] = [];
  const unknownIds = new Set<string>();
  for (const question of questions) {
    const got = knowledge.search(question.q, { limit: 3 }).map((r) => r.section.id);
    if ('expect' in question) {
      noneTotal++;
      if (got.length === 0) noneCorrect++;
      else misses.push({ question: question.q, expected: [], got });
      continue;
    }
    for (const id of question.ids) if (!knowledge.section(id)) unknownIds.add(id);
    answerable++;
    if (got[0] !== undefined && question.ids.includes(got[0])) hit1++;
    if (got.some((id) => question.ids.includes(id))) hit3++;
    else misses.push({ question: question.q, expected: question.ids, got });
  }
  return {
    answerable,
    top1: answerable ? hit1 / answerable : 0,
    top3: answerable ? hit3 / answerable : 0,
    rejected: { correct: noneCorrect, total: noneTotal },
    misses,
    unknownIds: [...unknownIds],
  };
}

export interface LatencyReport {
  runs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Times `search` over the questions, `rounds` times each, after a warm-up round. */
export function measureSearchLatency(knowledge: KnowledgeBase, queries: readonly string[], rounds = 50): LatencyReport {
  for (const q of queries) knowledge.search(q, { limit: 3 });
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const start = process.hrtime.bigint();
      knowledge.search(q, { limit: 3 });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { runs: times.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: times[times.length - 1] ?? 0 };
}
