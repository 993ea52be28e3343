import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { isIntentName } from '../../core/intents.js';
import { buildKnowledgeIndex } from '../../knowledge/build-index.js';
import { ingestGuide, renderDraftArticle, toKnowledgeSections } from '../../knowledge/ingest-guide.js';
import { displayPath } from '../../knowledge/knowledge-paths.js';
import { loadKnowledgeBaseSync } from '../../knowledge/load-knowledge.js';
import { createStyle } from '../terminal-style.js';
import { runKbEval, type KbEvalOptions } from './kb-eval.js';

export { runKbEval, type KbEvalOptions };

export interface KnowledgeLocationOptions {
  dir?: string;
  index?: string;
}
export interface AskCommandOptions extends KnowledgeLocationOptions {
  json?: boolean;
  limit: number;
  intent?: string[];
  /** The topic just discussed (an intent name), as the dialogue passes it for a follow-up. */
  topic?: string;
  /** Section ids just shown. */
  after?: string[];
}

function collectList(value: string, previous: string[]): string[] {
  return [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of at least 1');
  return n;
}

function load(options: KnowledgeLocationOptions) {
  return loadKnowledgeBaseSync({
    ...(options.dir ? { dir: path.resolve(options.dir) } : {}),
    ...(options.index ? { indexPath: path.resolve(options.index) } : {}),
  });
}

const indent = (text: string, pad: string): string => text.split('\n').map((l) => (l ? pad + l : l)).join('\n');

/** `ask`, and `kb build | list | ingest | eval`: the knowledge base from the command line. */
export function registerKnowledgeCommands(program: Command): void {
  program
    .command('ask')
    .description('the best knowledge sections for a question, with their citations')
    .argument('<question...>', 'the question, e.g. "why was my card charged 1 dollar"')
    .option('--json', 'print {"results":[{"source","section","title","text","score"}…]}, best first')
    .option('--limit <n>', 'how many sections at most', positiveInteger, 3)
    .option('--intent <name>', 'rank sections related to this intent higher, e.g. payment_declined (repeat or comma-separate)', collectList, [])
    .option('--topic <intent>', 'ask as a follow-up to this topic, e.g. tour_pass for "how do I top it up?"')
    .option('--after <ids>', 'ask as a follow-up to these section ids just shown (comma-separate)', collectList, [])
    .option('--dir <dir>', 'the knowledge folder (default: knowledge/)')
    .option('--index <file>', 'the index file (default: models/knowledge-index.json)')
    .action((words: string[], options: AskCommandOptions) => {
      runAsk(words.join(' '), options);
    });

  const kb = program.command('kb').description('build, list, check and ingest the knowledge base');

  kb.command('build')
    .description('validate knowledge/ and write the search index (also run by `supportbot build`)')
    .option('--force', 'rebuild even when the index matches the articles')
    .option('--dir <dir>', 'the knowledge folder (default: knowledge/)')
    .option('--index <file>', 'the index file (default: models/knowledge-index.json)')
    .action(async (options: KnowledgeLocationOptions & { force?: boolean }) => {
      const result = await buildKnowledgeIndex({
        ...(options.dir ? { dir: path.resolve(options.dir) } : {}),
        ...(options.index ? { indexPath: path.resolve(options.index) } : {}),
        ...(options.force ? { force: true } : {}),
      });
      process.stdout.write(
        `knowledge: ${result.articles} articles, ${result.sections} sections → ${result.path} (${result.built ? 'built' : 'up to date'}, content ${result.contentHash})\n`,
      );
    });

  kb.command('list')
    .description('every section id with its title and source (what flows may reference)')
    .option('--json', 'print JSON lines {"section","title","source","intents"}')
    .option('--dir <dir>', 'the knowledge folder (default: knowledge/)')
    .option('--index <file>', 'the index file (default: models/knowledge-index.json)')
    .action((options: KnowledgeLocationOptions & { json?: boolean }) => {
      const knowledge = load(options);
      for (const s of knowledge.sections) {
        process.stdout.write(
          options.json
            ? `${JSON.stringify({ section: s.id, title: s.title, source: s.source, intents: s.intents })}\n`
            : `${s.id.padEnd(48)} ${s.title}\n`,
        );
      }
    });

  kb.command('ingest')
    .description('split a raw guide (Markdown or plain text) into sections: a draft article to rewrite in your own words')
    .argument('<file>', 'the guide, e.g. ../shared/guides/alipay-on-alibaba-payment-guide.txt')
    .option('--json', 'print {"id","title","sections":[{"id","title","heading","text"}]} instead of a draft article')
    .option('--source <key>', 'the sources.yaml key to put in the draft front matter', 'TODO-source-key')
    .option('--out <file>', 'write the draft to this file instead of stdout (never overwrites)')
    .option('--max-chars <n>', 'cut longer paragraphs at sentence ends', positiveInteger, 600)
    .action((file: string, options: { json?: boolean; source: string; out?: string; maxChars: number }) => {
      runIngest(file, options);
    });

  kb.command('eval')
    .description('top-1 / top-3 hit rates (search alone, and as in a chat: NLU + dialogue step), two-part answers and search latency (p50, p99) on every question set')
    .option('--questions <file>', 'a YAML question set (repeatable; default: every test/knowledge/questions*.yaml)', collectList, [])
    .option('--rounds <n>', 'latency: how many times each question is searched', positiveInteger, 20)
    .option('--misses', 'list the questions each set got wrong (for diagnosis; not for held-out test sets)')
    .option('--json', 'print the report as JSON')
    .option('--no-chat', 'measure the search alone, without the "as in a chat" columns (NLU + dialogue step)')
    .option('--dir <dir>', 'the knowledge folder (default: knowledge/)')
    .option('--index <file>', 'the index file (default: models/knowledge-index.json)')
    .action(async (options: KbEvalOptions) => {
      await runKbEval(options);
    });
}

export function runAsk(question: string, options: AskCommandOptions, out: NodeJS.WritableStream = process.stdout): void {
  if (!question.trim()) throw new InputError('ask: the question is empty');
  const intents = options.intent ?? [];
  for (const intent of intents) if (!isIntentName(intent)) throw new InputError(`ask: --intent: unknown intent "${intent}"`);
  if (options.topic !== undefined && !isIntentName(options.topic)) throw new InputError(`ask: --topic: unknown intent "${options.topic}"`);
  const knowledge = load(options);
  const after = options.after ?? [];
  for (const id of after) if (!knowledge.section(id)) throw new InputError(`ask: --after: unknown section "${id}" (see \`supportbot kb list\`)`);
  const context = { ...(options.topic ? { topic: options.topic } : {}), ...(after.length ? { sections: after } : {}) };
  const results = knowledge.search(question, {
    limit: options.limit,
    ...(intents.length ? { intents } : {}),
    ...(Object.keys(context).length ? { context } : {}),
  });
  if (options.json) {
    const rows = results.map((r) => ({
      source: r.section.source,
      section: r.section.id,
      title: r.section.title,
      text: r.section.text,
      score: r.score,
      ...(r.partOfAnswer ? { partOfAnswer: true } : {}),
    }));
    out.write(`${JSON.stringify({ results: rows })}\n`);
    return;
  }
  const style = createStyle(out as NodeJS.WriteStream);
  if (results.length === 0) {
    out.write("No knowledge section answers that well enough. In a chat the bot says it doesn't know and offers a person.\n");
    return;
  }
  results.forEach((r, i) => {
    const part = r.partOfAnswer ? `  ${style.dim('(second part of the answer)')}` : '';
    out.write(`${style.bold(`${i + 1}. ${r.section.title}`)}  ${style.cyan(r.section.id)}  ${style.dim(`score ${r.score.toFixed(2)}`)}${part}\n`);
    out.write(`   ${style.dim(`source: ${r.section.source}`)}\n`);
    out.write(`${indent(r.section.text, '   ')}\n\n`);
  });
}

export function runIngest(
  file: string,
  options: { json?: boolean; source: string; out?: string; maxChars: number },
  out: NodeJS.WritableStream = process.stdout,
): void {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`kb ingest: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const guide = ingestGuide(file, raw, { maxSectionChars: options.maxChars });
  const text = options.json ? `${JSON.stringify(guide, null, 2)}\n` : renderDraftArticle(guide, options.source);
  if (options.out) {
    try {
      writeFileSync(options.out, text, { flag: 'wx' });
    } catch (error) {
      throw new InputError(`kb ingest: cannot write ${options.out}: ${error instanceof Error ? error.message : String(error)}`);
    }
    out.write(`${guide.sections.length} sections from ${displayPath(file)} → ${options.out}\n`);
  } else {
    out.write(text);
  }
  // Ingested sections must index like articles do: fail loudly here rather than in a chat.
  void toKnowledgeSections(guide);
}
