/**
 * Where a task stands against what the conversation just did: the step an answer shown outside a
 * task belongs to, and the earlier question a late success answers.
 */
import type { Frame } from './dialogue-state.js';
import type { FlowEngine, FlowOutcome } from './flow-engine.js';
import type { FlowDefinition, FlowOption, FlowStep } from './flow-schema.js';

/**
 * The step of a flow that shows this section, when it is not the flow's first: where a task picks
 * up when the person reports on an answer they just read ("still nothing" after the code answer).
 */
export function stepShowing(engine: FlowEngine, flowId: string, section: string): string | undefined {
  const flow = engine.flow(flowId);
  const found = Object.entries(flow.steps).find(([, step]) => step.sections?.includes(section));
  return found && found[0] !== flow.start ? found[0] : undefined;
}

/**
 * "It came now after all" while we are already at who to contact: the success answers an earlier
 * question ("did the code come?"), so that question's success option is taken from where it was
 * asked and the task goes on from there. Undefined when no earlier question has one.
 */
export function lateSuccess(engine: FlowEngine, frame: Frame): FlowOutcome | undefined {
  for (let i = frame.history.length - 1; i >= 0; i--) {
    const stepId = frame.history[i] ?? '';
    const option = engine.flow(frame.flow).steps[stepId]?.options?.find((o) => o.polarity === 'yes' && (o.match?.status?.includes('solved') || o.match?.intents?.includes('affirm')));
    if (!option) continue;
    const there: Frame = { ...frame, step: stepId, history: frame.history.slice(0, i), misses: 0 };
    return engine.choose(there, option);
  }
  return undefined;
}

/** Whether the step's question offers a person (who to contact): it does not ask whether something worked. */
export function offersPerson(step: FlowStep | undefined): boolean {
  return (step?.options ?? []).some((o) => o.then.some((t) => t.to === '@handoff'));
}

/**
 * "Still an error after checking these? Then support": whether a fact said before the step's advice
 * would answer its outcome question straight into the people to contact. It is not let to: "the
 * bank says the card is open" leaves the other causes the advice names. A fact that picks another
 * help step still does.
 */
export function skipsAdviceToContact(flow: FlowDefinition, step: FlowStep, option: FlowOption): boolean {
  const outcome = (step.sections?.length ?? 0) > 0 && (option.match?.status?.length ?? 0) > 0;
  return outcome && option.then.some((t) => t.to === '@handoff' || offersPerson(flow.steps[t.to]));
}
