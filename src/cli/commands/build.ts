import type { Command } from 'commander';
import { buildKnowledgeIndex } from '../../knowledge/build-index.js';
import { buildModel } from '../../nlu/build-model.js';

export function registerBuild(program: Command): void {
  program
    .command('build')
    .description('train the intent model and build the knowledge index (run by `npm ci` and `npm run build`)')
    .action(async () => {
      const [model, index] = await Promise.all([buildModel(), buildKnowledgeIndex()]);
      process.stdout.write(`model: ${model.path} (${model.trained ? 'trained' : 'up to date'})\nknowledge: ${index.path} (${index.sections} sections)\n`);
    });
}
