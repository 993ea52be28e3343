/**
 * `supportbot kb eval`: retrieval measured two ways on every question set. "search" is the ranking
 * alone (the question and its context, no NLU); "chat" is what a person gets: the question goes
 * through the NLU and the dialogue step first, and the search gets the intents they pass.
 */
import path from 'node:path';
import { createDialoguePolicy } from '../../dialogue/dialogue-policy.js';
import { defaultQuestionFiles, evaluateRetrieval, measureSearchLatency, readQuestions, type RetrievalReport } from '../../knowledge/evaluate-retrieval.js';
import { displayPath } from '../../knowledge/knowledge-paths.js';
import { loadKnowledgeBaseSync } from '../../knowledge/load-knowledge.js';
import { loadClassifier } from '../../nlu/load-classifier.js';
import { createInputCleaner } from '../../privacy/input-cleaner.js';
import { createPrivacyGuard } from '../../privacy/privacy-guard.js';
import { chatAsker, type ChatParts, type ChatRoute } from '../chat-retrieval.js';

export interface KbEvalOptions {
  questions: string[];
  rounds: number;
  misses?: boolean;
  json?: boolean;
  /** false: the search alone (commander's --no-chat). */
  chat?: boolean;
  dir?: string;
  index?: string;
  /** The intent model file (default models/intent-model.json). */
  model?: string;
}

type ChatReport = RetrievalReport & { routes: Record<ChatRoute, number> };

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const frac = (a: number, b: number): string => (b ? `${a}/${b}` : '-');

export async function runKbEval(options: KbEvalOptions, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const knowledge = loadKnowledgeBaseSync({
    ...(options.dir ? { dir: path.resolve(options.dir) } : {}),
    ...(options.index ? { indexPath: path.resolve(options.index) } : {}),
  });
  const files = options.questions.length ? options.questions.map((f) => path.resolve(f)) : defaultQuestionFiles();
  const sets = files.map((file) => ({ file, questions: readQuestions(file) }));
  const parts: ChatParts | undefined =
    options.chat === false
      ? undefined
      : {
          cleaner: createInputCleaner(),
          privacy: createPrivacyGuard(),
          nlu: await loadClassifier(options.model ? { modelPath: path.resolve(options.model) } : {}),
          dialogue: createDialoguePolicy(),
          knowledge,
        };
  const reports = sets.map(({ file, questions }) => {
    const search = evaluateRetrieval(knowledge, questions);
    let chat: ChatReport | undefined;
    if (parts) {
      const asker = chatAsker(parts);
      chat = { ...evaluateRetrieval(knowledge, questions, asker.ask), routes: asker.routes };
    }
    return { questions: displayPath(file), search, ...(chat ? { chat } : {}) };
  });
  const latency = measureSearchLatency(knowledge, sets.flatMap((s) => s.questions), options.rounds);
  if (options.json) {
    const strip = <T extends { misses: unknown }>({ misses, ...r }: T) => (options.misses ? { ...r, misses } : r);
    // The search-alone figures stay at the top level of each set (as before); "chat" sits beside them.
    const rows = reports.map((r) => ({ questions: r.questions, ...strip(r.search), ...(r.chat ? { chat: strip(r.chat) } : {}) }));
    out.write(`${JSON.stringify({ sections: knowledge.sections.length, sets: rows, latency })}\n`);
    return;
  }
  out.write(`sections: ${knowledge.sections.length}\n`);
  out.write('search = the search alone (question + context); chat = as in a chat (NLU → dialogue step → search with its intents)\n');
  const head = `${'question set'.padEnd(46)} ${'answerable'.padStart(10)}  ${'search top-1'.padStart(12)} ${'top-3'.padStart(6)}  ${'chat top-1'.padStart(10)} ${'top-3'.padStart(6)}`;
  out.write(`${head}  way     all parts  follow-up top-1  refused  fee: card check alone\n`);
  const details = (r: RetrievalReport): string =>
    `${frac(r.needsAll.allShown, r.needsAll.total).padStart(9)}  ${frac(r.withContext.top1, r.withContext.total).padStart(15)}  ` +
    `${frac(r.rejected.correct, r.rejected.total).padStart(7)}  ${frac(r.feeQuestions.cardCheckAlone, r.feeQuestions.total).padStart(21)}`;
  for (const r of reports) {
    const chat = r.chat ? `${pct(r.chat.top1).padStart(10)} ${pct(r.chat.top3).padStart(6)}` : `${'-'.padStart(10)} ${'-'.padStart(6)}`;
    const left = `${r.questions.padEnd(46)} ${String(r.search.answerable).padStart(10)}  ${pct(r.search.top1).padStart(12)} ${pct(r.search.top3).padStart(6)}  ${chat}`;
    out.write(`${left}  search  ${details(r.search)}\n`);
    if (r.chat) out.write(`${''.padEnd(left.length)}  chat    ${details(r.chat)}\n`);
  }
  out.write(`latency: p50 ${latency.p50Ms.toFixed(3)} ms, p99 ${latency.p99Ms.toFixed(3)} ms, max ${latency.maxMs.toFixed(3)} ms over ${latency.runs} searches\n`);
  for (const r of reports) {
    if (r.chat) {
      const { search, sections, task, clarify, other } = r.chat.routes;
      out.write(
        `${r.questions}: in a chat ${search} searched, ${sections} shown a topic's or flow's sections, ${task} started a guided task, ` +
          `${clarify} asked "did you mean…?", ${other} got no section (out of scope)\n`,
      );
    }
  }
  for (const r of reports) {
    if (r.search.unknownIds.length) out.write(`${r.questions}: unknown ids in the questions: ${r.search.unknownIds.join(', ')}\n`);
    if (!options.misses) continue;
    for (const [way, report] of [['search', r.search], ['chat', r.chat]] as const) {
      for (const miss of report?.misses ?? []) {
        const kind = miss.expected.length === 0 ? 'answered' : miss.inTop3 ? 'top-3 only' : 'miss';
        out.write(`${r.questions}: ${way}: ${kind}: "${miss.question}" wanted ${miss.expected.join(' | ') || '(nothing)'}; got ${miss.got.join(', ') || '(nothing)'}\n`);
      }
    }
  }
}
