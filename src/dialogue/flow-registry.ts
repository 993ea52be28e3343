/**
 * Loads the flows: each is checked with its zod schema, then for what a schema cannot see
 * (the start step exists, every transition goes somewhere real). A bad flow stops the start
 * with a DataFileError naming the flow and the field.
 */
import { DataFileError, formatIssuePath } from '../core/errors.js';
import { flowSchema, type FlowDefinition, type FlowInput, type Transition } from './flow-schema.js';
import { FLOWS } from './flows/index.js';

function fileOf(id: string): string {
  return `src/dialogue/flows/${id.replace(/_/g, '-')}.ts`;
}

export function parseFlow(input: FlowInput, knownFlows: ReadonlySet<string>): FlowDefinition {
  const parsed = flowSchema.safeParse(input);
  const file = fileOf(String((input as { id?: unknown }).id ?? 'unknown'));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DataFileError(file, issue ? formatIssuePath(issue.path) : '', issue?.message ?? 'invalid flow');
  }
  const flow = parsed.data;
  if (!flow.steps[flow.start]) throw new DataFileError(file, 'start', `unknown step "${flow.start}"`);
  if (flow.solved !== undefined && !flow.steps[flow.solved]) throw new DataFileError(file, 'solved', `unknown step "${flow.solved}"`);
  const checkTargets = (transitions: readonly Transition[] | undefined, field: string, needsFallback: boolean): void => {
    if (!transitions) return;
    transitions.forEach((t, i) => {
      if (t.to.startsWith('flow:') && !knownFlows.has(t.to.slice(5))) throw new DataFileError(file, `${field}[${i}].to`, `unknown flow "${t.to.slice(5)}"`);
      if (!t.to.startsWith('flow:') && !t.to.startsWith('@') && !flow.steps[t.to]) throw new DataFileError(file, `${field}[${i}].to`, `unknown step "${t.to}"`);
    });
    if (needsFallback && transitions.at(-1)?.guard) throw new DataFileError(file, field, 'the last transition must have no guard, so one always applies');
  };
  for (const [id, step] of Object.entries(flow.steps)) {
    const field = `steps.${id}`;
    const hasOptions = (step.options?.length ?? 0) > 0;
    if (!hasOptions && !step.end && !step.always) throw new DataFileError(file, field, 'a step must ask (options), move on (always) or end');
    if (step.end && (hasOptions || step.always)) throw new DataFileError(file, field, 'an end step cannot ask or move on');
    const values = new Set<string>();
    step.options?.forEach((option, i) => {
      if (values.has(option.value)) throw new DataFileError(file, `${field}.options[${i}].value`, `duplicate option "${option.value}"`);
      values.add(option.value);
      checkTargets(option.then, `${field}.options[${i}].then`, true);
    });
    checkTargets(step.always, `${field}.always`, true);
    checkTargets(step.skip, `${field}.skip`, false);
  }
  return flow;
}

/** All flows by id, checked. */
export function loadFlows(inputs: readonly FlowInput[] = FLOWS): Map<string, FlowDefinition> {
  const ids = new Set(inputs.map((f) => f.id));
  const flows = new Map<string, FlowDefinition>();
  for (const input of inputs) {
    if (flows.has(input.id)) throw new DataFileError(fileOf(input.id), 'id', `duplicate flow id "${input.id}"`);
    flows.set(input.id, parseFlow(input, ids));
  }
  return flows;
}
