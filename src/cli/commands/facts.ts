import type { Command } from 'commander';
import { createIntentClassifier } from '../../nlu/create-classifier.js';
import { ensureModel } from '../../nlu/ensure-model.js';
import { checkCatalogue } from '../../nlu/facts/check-catalogue.js';
import { DEFAULT_FACTS_DIR, loadFactCatalogue } from '../../nlu/facts/load-facts.js';
import { formatTable } from '../../nlu/evaluation/format-report.js';

export interface FactsCommandOptions {
  json?: boolean;
  check?: boolean;
  dir?: string;
}

/** `supportbot facts`: the fact catalogue, listed (--json for tools) or checked against its own examples. */
export function registerFacts(program: Command): void {
  program
    .command('facts')
    .description('list the fact catalogue (intents/facts/): what understanding reads from a message besides its intent')
    .option('--json', 'print the catalogue as JSON')
    .option('--check', 'read every declared example back through the understanding; exit 1 on a miss')
    .option('--dir <path>', 'the facts directory (default: intents/facts/)')
    .action(async (options: FactsCommandOptions) => {
      await runFacts(options);
    });
}

export async function runFacts(options: FactsCommandOptions, write: (text: string) => void = (t) => process.stdout.write(t)): Promise<number> {
  const catalogue = loadFactCatalogue(options.dir ?? DEFAULT_FACTS_DIR);
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
