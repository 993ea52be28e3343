import type { Command } from 'commander';
import { createIntentClassifier } from '../../nlu/create-classifier.js';
import { ensureModel } from '../../nlu/ensure-model.js';
import { checkCatalogue } from '../../nlu/facts/check-catalogue.js';
import { DEFAULT_FACTS_DIR, loadFactCatalogue, type FactCatalogue } from '../../nlu/facts/load-facts.js';
import { formatTable } from '../../nlu/evaluation/format-report.js';
import { crossValidateLearnedFacts, type HeldOutSet } from '../../nlu/learned-facts/cross-validate.js';
import { readLabelledSets } from '../../nlu/learned-facts/training-rows.js';
import { DEFAULT_LEARNED_FACT_SETTINGS } from '../../nlu/learned-facts/train.js';

export interface FactsCommandOptions {
  json?: boolean;
  check?: boolean;
  dir?: string;
  /** Set names to hold out one at a time; true: every development set (dev*). */
  learnedCv?: string | boolean;
}

/** `supportbot facts`: the fact catalogue, listed (--json for tools) or checked against its own examples. */
export function registerFacts(program: Command): void {
  program
    .command('facts')
    .description('list the fact catalogue (intents/facts/): what understanding reads from a message besides its intent')
    .option('--json', 'print the catalogue as JSON')
    .option('--check', 'read every declared example back through the understanding; exit 1 on a miss')
    .option('--dir <path>', 'the facts directory (default: intents/facts/)')
    .option('--learned-cv [sets]', 'measure the learned fact layer leave-one-set-out: each set (default every dev*) read by a layer trained on all the others')
    .action(async (options: FactsCommandOptions) => {
      await runFacts(options);
    });
}

export async function runFacts(options: FactsCommandOptions, write: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  const catalogue = loadFactCatalogue(options.dir ?? DEFAULT_FACTS_DIR);
  if (options.learnedCv) return runLearnedCv(catalogue, options.learnedCv, options.json === true, write);
  if (options.check) {
    const { model } = await ensureModel();
    const problems = checkCatalogue(catalogue, createIntentClassifier(model, catalogue));
    for (const p of problems) write(`${p.file}: ${p.fact}: ${p.kind} not read as declared: "${p.text}" (read: ${p.read.join(', ') || 'nothing'})\n`);
    const examples = catalogue.facts.reduce((n, f) => n + f.definition.examples.length + f.definition.negatedExamples.length + f.definition.counterexamples.length, 0);
    write(`${catalogue.facts.length} facts, ${examples} examples: ${problems.length === 0 ? 'all read as declared' : `${problems.length} problems`}\n`);
    if (problems.length > 0) process.exitCode = 1;
    return problems.length;
  }
  if (options.json) {
    const facts = catalogue.facts.map(({ definition, file }) => ({
      name: definition.name,
      description: definition.description,
      negatable: definition.negatable,
      patterns: definition.patterns.length,
      denials: definition.denials.length,
      examples: definition.examples,
      file,
    }));
    write(`${JSON.stringify({ facts })}\n`);
    return 0;
  }
  const rows = catalogue.facts.map(({ definition }) => [
    definition.name,
    definition.negatable === true ? 'yes' : definition.negatable === 'denials' ? 'stated' : 'no',
    String(definition.patterns.length + definition.denials.length),
    definition.description,
  ]);
  write(`${formatTable(['fact', 'negatable', 'patterns', 'holds when'], rows, 4)}\n${catalogue.facts.length} facts in ${options.dir ?? 'intents/facts/'}\n`);
  return 0;
}

async function runLearnedCv(catalogue: FactCatalogue, sets: string | true, json: boolean, write: (text: string) => void): Promise<number> {
  const { model } = await ensureModel();
  const labelled = await readLabelledSets();
  const held = sets === true ? labelled.sets.map((s) => s.name).filter((n) => /^dev\d+$/.test(n)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })) : sets.split(',').map((s) => s.trim());
  const results = await crossValidateLearnedFacts(model, catalogue, labelled, held, DEFAULT_LEARNED_FACT_SETTINGS);
  if (json) {
    write(`${JSON.stringify({ settings: DEFAULT_LEARNED_FACT_SETTINGS, results })}\n`);
    return 0;
  }
  const pct = (x: number) => (100 * x).toFixed(1);
  const mean = (pick: (r: HeldOutSet) => number) => results.reduce((sum, r) => sum + pick(r), 0) / Math.max(1, results.length);
  const line = (r: HeldOutSet) => [r.set, String(r.rows), pct(r.patterns.f1), pct(r.learned.f1), pct(r.evenPatterns.f1), pct(r.evenLearned.f1), `${pct(r.patterns.intent)} -> ${pct(r.learned.intent)}`];
  const rows = results.map(line);
  rows.push(['mean', '', pct(mean((r) => r.patterns.f1)), pct(mean((r) => r.learned.f1)), pct(mean((r) => r.evenPatterns.f1)), pct(mean((r) => r.evenLearned.f1)), `${pct(mean((r) => r.patterns.intent))} -> ${pct(mean((r) => r.learned.intent))}`]);
  write(`${formatTable(['held out', 'rows', 'facts F1, patterns', 'with the layer', 'even half, patterns', 'with the layer', 'intent accuracy'], rows, 2)}\n`);
  write('Each set is read by a layer trained on every other labelled set (never test.jsonl).\n');
  return 0;
}
