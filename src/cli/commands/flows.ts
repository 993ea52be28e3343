import type { Command } from 'commander';
import { InputError } from '../../core/errors.js';
import { createDialoguePolicy, HANDOFF_SECTION } from '../../dialogue/dialogue-policy.js';
import { flowToMermaid } from '../../dialogue/flow-diagram.js';
import { lintFlows, reachableSteps } from '../../dialogue/flow-lint.js';
import type { FlowDefinition } from '../../dialogue/flow-schema.js';
import { loadKnowledgeBase } from '../../knowledge/load-knowledge.js';
import { loadFactCatalogue } from '../../nlu/facts/load-facts.js';

export interface FlowsCommandOptions {
  mermaid?: boolean;
  flow?: string;
  check?: boolean;
}

/** `supportbot flows`: the guided flows, listed, drawn (--mermaid) or checked (--check). */
export function registerFlows(program: Command): void {
  program
    .command('flows')
    .description('list the guided flows; --mermaid draws each as a Mermaid diagram, --check lints them against the knowledge base')
    .option('--mermaid', 'print each flow as a Mermaid flowchart (Markdown, ready for a README)')
    .option('--flow <id>', 'only this flow')
    .option('--check', 'check every step is reachable, can end, and every knowledge section exists; exit 1 on a problem')
    .action(async (options: FlowsCommandOptions) => {
      await runFlows(options);
    });
}

export async function runFlows(options: FlowsCommandOptions, write: (text: string) => void = (t) => process.stdout.write(t)): Promise<void> {
  const policy = createDialoguePolicy();
  let flows: FlowDefinition[] = [...policy.flows.values()];
  if (options.flow) {
    flows = flows.filter((f) => f.id === options.flow);
    if (flows.length === 0) throw new InputError(`--flow: unknown flow "${options.flow}" (known: ${[...policy.flows.keys()].join(', ')})`);
  }
  if (options.check) {
    const facts = new Set(loadFactCatalogue().facts.map((f) => f.definition.name));
    const problems = lintFlows(policy.flows, await loadKnowledgeBase(), [HANDOFF_SECTION], facts);
    if (problems.length === 0) write(`${policy.flows.size} flows, ${[...policy.flows.values()].reduce((n, f) => n + Object.keys(f.steps).length, 0)} steps: no problems\n`);
    for (const problem of problems) write(`${problem}\n`);
    if (problems.length > 0) process.exitCode = 1;
    return;
  }
  if (options.mermaid) {
    for (const flow of flows) write(`### ${flow.label} (\`${flow.id}\`)\n\n\`\`\`mermaid\n${flowToMermaid(flow)}\n\`\`\`\n\n`);
    return;
  }
  const width = Math.max(...flows.map((f) => f.id.length));
  for (const flow of flows) {
    const questions = Object.values(flow.steps).filter((s) => s.options).length;
    write(`${flow.id.padEnd(width)}  ${flow.label} — ${Object.keys(flow.steps).length} steps (${questions} questions), starts at ${flow.start}, ${reachableSteps(flow).size} reachable\n`);
  }
}
