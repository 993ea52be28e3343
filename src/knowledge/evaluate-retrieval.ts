import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { DataFileError, formatIssuePath } from '../core/errors.js';
import { answerShown, type KnowledgeBase, type SearchOptions } from '../core/ports.js';
import { DEFAULT_QUESTIONS_DIR, displayPath } from './knowledge-paths.js';

const sectionId = z.string().regex(/^[a-z0-9-]+#[a-z0-9-]+$/, 'must be "article#section"');
/** What the conversation was about when the question came (a follow-up): as the dialogue passes it. */
const contextSchema = z.strictObject({ topic: z.string().min(1).optional(), sections: z.array(sectionId).optional() });
const questionSchema = z.union([
  z.strictObject({
    q: z.string().trim().min(1),
    /** Sections that answer it: any one is enough, unless `needsAll`. */
    ids: z.array(sectionId).min(1),
    /** The answer needs every section in `ids` (two parts of one answer). */
    needsAll: z.boolean().optional(),
    context: contextSchema.optional(),
  }),
  z.strictObject({ q: z.string().trim().min(1), expect: z.literal('none'), context: contextSchema.optional() }),
]);
export const questionsFileSchema = z.strictObject({ questions: z.array(questionSchema).min(1) });
export type EvalQuestion = z.output<typeof questionSchema>;

/** Every question set shipped with the tests, questions.yaml first. */
export function defaultQuestionFiles(dir: string = DEFAULT_QUESTIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => /^questions.*\.ya?ml$/.test(name))
    .sort((a, b) => (a === 'questions.yaml' ? -1 : b === 'questions.yaml' ? 1 : a.localeCompare(b)))
    .map((name) => path.join(dir, name));
}

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

/** A question whose best result was wrong (or, for an out-of-scope question, that got any). */
export interface RetrievalMiss {
  question: string;
  expected: string[];
  got: string[];
  /** A right section was among the top three after all. */
  inTop3: boolean;
}

export interface RetrievalReport {
  answerable: number;
  top1: number;
  top3: number;
  /** Questions that need two sections, and how many showed them all in the answer (1–2 sections). */
  needsAll: { total: number; allShown: number };
  /** Questions asked with a conversation context (follow-ups), and their top-1 hits. */
  withContext: { total: number; top1: number };
  /** Answers that showed a second section, and how many of those named one of the question's ids. */
  secondParts: { shown: number; relevant: number };
  /** Fee questions (see isFeeQuestion) and how many were answered with the card check text alone. */
  feeQuestions: { total: number; cardCheckAlone: number };
  /** Out-of-scope questions that correctly got nothing, over all out-of-scope questions. */
  rejected: { correct: number; total: number };
  misses: RetrievalMiss[];
  /** Ids named in the questions that the knowledge base does not have. */
  unknownIds: string[];
}

/**
 * The card check charge ("this is not a fee"): right for a question about it, misleading alone for
 * a question about fees ("does Alipay charge fees?" must not get only this text).
 */
export const CARD_CHECK_SECTIONS: ReadonlySet<string> = new Set(['fees-and-rates#test-charge', 'link-card#verification-charge']);

/** A question about fees: answered by a fees section other than the card check, and not by the card check. */
export function isFeeQuestion(ids: readonly string[]): boolean {
  return ids.some((id) => id.startsWith('fees-and-rates#') && !CARD_CHECK_SECTIONS.has(id)) && !ids.some((id) => CARD_CHECK_SECTIONS.has(id));
}

/** What one way of asking returned for a question: the ranked section ids (up to three) and those the answer shows. */
export interface QuestionOutcome {
  got: string[];
  shown: string[];
}

/** One way of putting a question to the knowledge base (bare search, or as a chat would). */
export type AskQuestion = (question: EvalQuestion) => QuestionOutcome;

/** The search alone, as `kb eval` always measured it: the question and its context, no NLU. */
export function bareSearch(knowledge: KnowledgeBase): AskQuestion {
  return (question) => {
    const results = knowledge.search(question.q, searchOptionsOf(question));
    return { got: results.map((r) => r.section.id), shown: answerShown(results).map((r) => r.section.id) };
  };
}

/**
 * Top-1 and top-3 hit rates on questions with known answers, and how well out-of-scope ones are
 * refused. `ask` is how each question is put (default: the bare search).
 */
export function evaluateRetrieval(knowledge: KnowledgeBase, questions: readonly EvalQuestion[], ask: AskQuestion = bareSearch(knowledge)): RetrievalReport {
  let answerable = 0;
  let hit1 = 0;
  let hit3 = 0;
  let noneTotal = 0;
  let noneCorrect = 0;
  const misses: RetrievalMiss[] = [];
  const unknownIds = new Set<string>();
  const needsAll = { total: 0, allShown: 0 };
  const withContext = { total: 0, top1: 0 };
  const secondParts = { shown: 0, relevant: 0 };
  const feeQuestions = { total: 0, cardCheckAlone: 0 };
  for (const question of questions) {
    const { got, shown } = ask(question);
    if ('expect' in question) {
      noneTotal++;
      if (got.length === 0) noneCorrect++;
      else misses.push({ question: question.q, expected: [], got, inTop3: false });
      continue;
    }
    for (const id of question.ids) if (!knowledge.section(id)) unknownIds.add(id);
    answerable++;
    const first = got[0] !== undefined && question.ids.includes(got[0]);
    if (first) hit1++;
    if (question.context) {
      withContext.total++;
      if (first) withContext.top1++;
    }
    if (shown.length > 1) {
      secondParts.shown++;
      if (question.ids.includes(shown[1] ?? '')) secondParts.relevant++;
    }
    if (isFeeQuestion(question.ids)) {
      feeQuestions.total++;
      if (shown.length > 0 && shown.every((id) => CARD_CHECK_SECTIONS.has(id))) feeQuestions.cardCheckAlone++;
    }
    if (question.needsAll) {
      needsAll.total++;
      if (question.ids.every((id) => shown.includes(id))) needsAll.allShown++;
    }
    const inTop3 = got.some((id) => question.ids.includes(id));
    if (inTop3) hit3++;
    if (!first) misses.push({ question: question.q, expected: question.ids, got, inTop3 });
  }
  return {
    answerable,
    top1: answerable ? hit1 / answerable : 0,
    top3: answerable ? hit3 / answerable : 0,
    needsAll,
    withContext,
    secondParts,
    feeQuestions,
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

/** How a question is searched: as `resolveEffects` does for the dialogue, with its context when it has one. */
export function searchOptionsOf(question: EvalQuestion): SearchOptions {
  return question.context ? { limit: 3, context: stripUndefined(question.context) } : { limit: 3 };
}

function stripUndefined(context: NonNullable<EvalQuestion['context']>): NonNullable<SearchOptions['context']> {
  return { ...(context.topic ? { topic: context.topic } : {}), ...(context.sections ? { sections: context.sections } : {}) };
}

/** Times `search` over the questions, `rounds` times each, after a warm-up round. */
export function measureSearchLatency(knowledge: KnowledgeBase, questions: readonly EvalQuestion[], rounds = 50): LatencyReport {
  const searches = questions.map((q) => [q.q, searchOptionsOf(q)] as const);
  for (const [q, options] of searches) knowledge.search(q, options);
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const [q, options] of searches) {
      const start = process.hrtime.bigint();
      knowledge.search(q, options);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  const at = (p: number): number => times[Math.min(times.length - 1, Math.floor(p * times.length))] ?? 0;
  return { runs: times.length, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: times[times.length - 1] ?? 0 };
}
