/**
 * Where a report in the middle of a task takes it, beyond the question's own options: a new try
 * once a block is lifted, the help for a cause an error names, and whether a plan comes with a new
 * problem. Pure helpers of the text route (route-text.ts).
 */
import type { Entities, NluResult } from '../core/types.js';
import type { Frame } from './dialogue-state.js';
import type { FlowOutcome } from './flow-engine.js';
import type { PolicyKit } from './policy-kit.js';

/** Words of an option that means the thing worked. */
export const SUCCESS_WORDS = ['worked', 'it worked', 'went through', 'fixed', 'sorted', 'came', 'arrived', 'verified', 'cleared', 'signed up', 'linked', 'paid', 'accepted', 'found', 'found it', 'picked'];

/** Whether a message reports a problem of its own (an error, a failure), beside any plan it states. */
export function startsNewProblem(nlu: NluResult): boolean {
  return nlu.facts.some((f) => !f.negated && f.name.startsWith('error.'));
}

/** The latest question, this one or an earlier one, that asks whether it worked now. */
export function retryQuestion(kit: PolicyKit, frame: Frame): Frame | undefined {
  const asksIfItWorked = (stepId: string): boolean =>
    (kit.engine.flow(frame.flow).steps[stepId]?.options ?? []).some((o) => o.polarity === 'yes' && (o.match?.status?.includes('solved') === true || SUCCESS_WORDS.some((w) => o.label.toLowerCase().includes(w))));
  if (asksIfItWorked(frame.step)) return frame;
  for (let i = frame.history.length - 1; i >= 0; i--) {
    const stepId = frame.history[i] ?? '';
    if (asksIfItWorked(stepId)) return { ...frame, step: stepId, history: frame.history.slice(0, i), misses: 0 };
  }
  return undefined;
}

/** The help for a cause an error stated now names, when the diagnosis has not been there yet. */
export function namedCause(kit: PolicyKit, frame: Frame, said: readonly string[], entities: Entities): FlowOutcome | undefined {
  const flow = kit.engine.flow(frame.flow);
  if (!flow.diagnosis || frame.step === flow.start) return undefined;
  const errors = said.filter((key) => key.startsWith('error.') && key !== 'error.no_reason');
  const start = flow.steps[flow.start];
  const option = start && errors.length > 0 ? kit.engine.answeredByFacts(start, errors) : undefined;
  if (!option) return undefined;
  const outcome = kit.engine.choose({ ...frame, step: flow.start }, option, entities, errors);
  const next = outcome.frame?.step;
  return next !== undefined && next !== frame.step && !frame.history.includes(next) ? outcome : undefined;
}
