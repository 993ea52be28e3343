import type { Command } from 'commander';
import { buildKnowledgeIndex } from '../../knowledge/build-index.js';
import { buildModel } from '../../nlu/build-model.js';
import { ensureLearnedFacts } from '../../nlu/learned-facts/ensure.js';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('train the intent model and the learned fact layer, and build the knowledge index (run by `npm ci` and `npm run build`)')
    .action(async () => {
      const [model, index, learned] = await Promise.all([buildModel(), buildKnowledgeIndex(), ensureLearnedFacts()]);
      if (learned.writeError) throw new Error(`could not write the learned fact layer to ${learned.path}: ${learned.writeError}`);
      const layer = learned.model ? `${learned.path} (${learned.trained ? 'trained' : 'up to date'}, ${learned.model.keys.length} fact keys)` : 'none (no labelled rows to train on)';
      process.stdout.write(`model: ${model.path} (${model.trained ? 'trained' : 'up to date'})\nlearned facts: ${layer}\nknowledge: ${index.path} (${index.sections} sections)\n`);
    });
}
