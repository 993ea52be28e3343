import readline from 'node:readline';
import { InvalidArgumentError, type Command } from 'commander';
import { createIntentClassifier } from '../../nlu/create-classifier.js';
import { ensureModel } from '../../nlu/ensure-model.js';
import { crossValidate, evaluateModel, type EvaluationResult } from '../../nlu/evaluation/evaluate.js';
import { formatReport, formatTable } from '../../nlu/evaluation/format-report.js';
import { readLabelledJsonl } from '../../nlu/evaluation/read-jsonl.js';
import { loadIntents } from '../../nlu/load-intents.js';
import { displayPath } from '../../nlu/paths.js';
import { trainIntentModel } from '../../nlu/train-intent-model.js';
import { ensureLearnedFacts } from '../../nlu/learned-facts/ensure.js';
import { isLabelledSource } from '../../nlu/learned-facts/training-rows.js';

export interface IntentsCommandOptions {
  jsonl?: boolean;
  dir?: string;
}

export interface ClassifyCommandOptions {
  model?: string;
  intents?: string;
}

export interface EvalCommandOptions {
  train?: string;
  test?: string;
  json?: boolean;
  folds: number;
  model?: string;
  intents?: string;
  /** false (--no-learned-facts): the shipped model with the fact patterns alone. */
  learnedFacts?: boolean;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2) throw new InvalidArgumentError('must be a whole number of at least 2');
  return n;
}

/** `classify`, `eval` and `intents`: the NLU tools (docs/cli.md). */
export function registerNluCommands(program: Command): void {
  program
    .command('classify')
    .description('classify utterances from stdin (one a line, or JSONL with "text"); prints JSONL {"text","intent","confidence","ranking"}')
    .option('--model <path>', 'the model file (default: models/intent-model.json)')
    .option('--intents <dir>', 'the intents directory the model is checked against (default: intents/)')
    .action(async (options: ClassifyCommandOptions) => {
      await runClassify(options);
    });

  program
    .command('eval')
    .description('evaluate the intent classifier: accuracy, macro-F1, out-of-scope precision/recall, per-intent scores, confusion matrix')
    .option('--train <file.jsonl>', 'train a fresh model on these rows {"text","intent"[,"label"]} instead of using the shipped model')
    .option('--test <file.jsonl>', 'score on these rows; without it, k-fold cross-validation (over intents/, or over --train)')
    .option('--folds <k>', 'number of cross-validation folds', positiveInteger, 5)
    .option('--json', 'print {"accuracy","macroF1","outOfScope","perIntent","confusion"} as JSON')
    .option('--model <path>', 'the shipped model file (default: models/intent-model.json)')
    .option('--intents <dir>', 'the intents directory (default: intents/)')
    .option('--no-learned-facts', 'with --test: read facts with the patterns alone, without the learned fact layer')
    .action(async (options: EvalCommandOptions) => {
      await runEval(options);
    });

  program
    .command('intents')
    .description('validate intents/ and list the shipped training utterances (--jsonl: one {"text","intent","label"} a line)')
    .option('--jsonl', 'print every utterance as JSONL {"text","intent","label"}')
    .option('--dir <path>', 'the intents directory (default: the shipped intents/)')
    .action(async (options: IntentsCommandOptions) => {
      await runIntents(options);
    });
}

/** The text of one input line: a JSON object's "text", or the line itself. */
function utteranceOf(line: string): { text: string } | { error: string } {
  const trimmed = line.trim();
  if (!trimmed.startsWith('{')) return { text: trimmed };
  try {
    const value: unknown = JSON.parse(trimmed);
    if (value && typeof value === 'object' && typeof (value as { text?: unknown }).text === 'string') return { text: (value as { text: string }).text };
    return { error: 'a JSON line needs a string "text"' };
  } catch {
    return { text: trimmed };
  }
}

export async function runClassify(
  options: ClassifyCommandOptions,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const { model } = await ensureModel({
    ...(options.model ? { modelPath: options.model } : {}),
    ...(options.intents ? { intentsDir: options.intents } : {}),
  });
  const learned = (await ensureLearnedFacts()).model;
  const classifier = createIntentClassifier(model, undefined, learned ? { learnedFacts: learned } : {});
  const rl = readline.createInterface({ input, crlfDelay: Infinity, terminal: false });
  for await (const line of rl) {
    if (line.trim() === '') continue;
    const parsed = utteranceOf(line);
    let out: unknown;
    if ('error' in parsed) {
      out = { error: parsed.error };
    } else {
      const result = classifier.parse(parsed.text);
      out = {
        text: parsed.text,
        intent: result.intent,
        confidence: round(result.confidence),
        ranking: result.ranking.map((r) => ({ intent: r.intent, confidence: round(r.confidence) })),
        label: result.label,
        entities: result.entities,
        facts: result.facts,
        asksQuestion: result.asksQuestion,
        status: result.status,
        topic: result.topic,
        followUp: round(result.followUp),
      };
    }
    if (!output.write(`${JSON.stringify(out)}\n`)) await new Promise((resolve) => output.once('drain', resolve));
  }
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

export async function runEval(options: EvalCommandOptions, output: NodeJS.WritableStream = process.stdout): Promise<EvaluationResult> {
  const intentsOption = options.intents ? { intentsDir: options.intents } : {};
  let result: EvaluationResult;
  if (options.train) {
    const train = await readLabelledJsonl(options.train);
    if (options.test) {
      const test = await readLabelledJsonl(options.test);
      result = evaluateModel(trainIntentModel(train), test, `trained on ${displayPath(options.train)}, tested on ${displayPath(options.test)}`);
    } else {
      result = crossValidate(train, options.folds, {}, `${options.folds}-fold cross-validation over ${displayPath(options.train)}`);
    }
  } else if (options.test) {
    const test = await readLabelledJsonl(options.test);
    const { model } = await ensureModel({ ...(options.model ? { modelPath: options.model } : {}), ...intentsOption });
    const learned = options.learnedFacts === false ? undefined : (await ensureLearnedFacts()).model;
    // A development set trains the layer: scored directly, its facts are not a held-out measurement.
    const trainedOn = learned !== undefined && isLabelledSource(options.test);
    const how = learned ? `shipped model and learned fact layer on ${displayPath(options.test)}` : `shipped model, fact patterns alone, on ${displayPath(options.test)}`;
    const note = trainedOn ? ' (the learned fact layer trains on this set; for held-out facts use `supportbot facts --learned-cv`)' : '';
    result = evaluateModel(model, test, how + note, learned ? { understanding: { learnedFacts: learned } } : {});
  } else {
    const loaded = await loadIntents(options.intents ? { dir: options.intents } : {});
    result = crossValidate(loaded.examples, options.folds, {}, `${options.folds}-fold cross-validation over intents/`);
  }
  if (options.json) {
    const { accuracy, macroF1, outOfScope, perIntent, confusion, total, latencyMs, calibration, method, understanding } = result;
    output.write(`${JSON.stringify({ accuracy, macroF1, outOfScope, perIntent, confusion, total, latencyMs, calibration, method, understanding })}\n`);
  } else {
    output.write(formatReport(result));
  }
  return result;
}

export async function runIntents(options: IntentsCommandOptions, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  const loaded = await loadIntents(options.dir ? { dir: options.dir } : {});
  if (options.jsonl) {
    out.write(loaded.examples.map((e) => JSON.stringify({ text: e.text, intent: e.intent, label: e.label })).join('\n') + '\n');
    return;
  }
  const rows = loaded.intents.map((intent) => {
    const own = loaded.examples.filter((e) => e.intent === intent);
    return [intent, String(new Set(own.map((e) => e.label)).size), String(own.length)];
  });
  out.write(`${formatTable(['intent', 'labels', 'utterances'], rows)}\n${loaded.examples.length} utterances in ${loaded.intents.length} intents: valid\n`);
}
