/**
 * The flow mechanics, pure: entering a step (say, sections, question), taking an option's
 * transition (guards, actions), skipping a question whose answer is already known, and rendering
 * a step again (reprompt, resume). The conversation skills around it live in dialogue-policy.ts.
 */
import type { Effect } from '../core/ports.js';
import type { Button, Entities } from '../core/types.js';
import { NAV_BUTTONS, answerValue } from './button-values.js';
import type { Frame } from './dialogue-state.js';
import type { FlowDefinition, FlowOption, FlowStep, Transition } from './flow-schema.js';
import { ACTIONS_BY_NAME, GUARDS, type FlowContext } from './guards-and-actions.js';

export interface FlowOutcome {
  /** The frame resting on a question step, or null when the flow ended or handed over. */
  frame: Frame | null;
  effects: Effect[];
  /** How the flow left: finished, a person takes over, or another flow starts. */
  exit?: { kind: 'done'; flow: string } | { kind: 'handoff'; frame: Frame } | { kind: 'switch'; flow: string; from: Frame };
}

/** A loop of guard-free always-transitions would hang a turn; flows are linted, this is the belt. */
const MAX_HOPS = 25;

export class FlowEngine {
  constructor(private readonly flows: ReadonlyMap<string, FlowDefinition>) {}

  flow(id: string): FlowDefinition {
    const flow = this.flows.get(id);
    if (!flow) throw new Error(`unknown flow "${id}"`);
    return flow;
  }

  private stepOf(frame: Frame): FlowStep {
    const step = this.flow(frame.flow).steps[frame.step];
    if (!step) throw new Error(`unknown step "${frame.step}" in flow "${frame.flow}"`);
    return step;
  }

  currentStep(frame: Frame): FlowStep {
    return this.stepOf(frame);
  }

  /** Starts a flow; entities the first message already carried fill its slots. */
  start(flowId: string, entities: Entities = {}): FlowOutcome {
    const flow = this.flow(flowId);
    const slots: Record<string, string> = {};
    if (entities.cardNetwork) slots['cardNetwork'] = entities.cardNetwork;
    if (entities.errorKind) slots['errorKind'] = entities.errorKind;
    const frame: Frame = { flow: flow.id, step: flow.start, slots, tried: [], history: [], misses: 0, done: [] };
    return this.enter(frame, flow.start, [], true);
  }

  /** Takes the option the person picked (by button, words or entity). */
  choose(frame: Frame, option: FlowOption, entities: Entities = {}): FlowOutcome {
    let next: Frame = { ...frame, misses: 0, slots: { ...frame.slots } };
    const networks = option.match?.cardNetwork;
    if (networks) next.slots['cardNetwork'] = entities.cardNetwork && networks.includes(entities.cardNetwork) ? entities.cardNetwork : (networks[0] ?? 'other');
    const kinds = option.match?.errorKind;
    if (kinds) next.slots['errorKind'] = entities.errorKind && kinds.includes(entities.errorKind) ? entities.errorKind : (kinds[0] ?? '');
    next = { ...next, slots: { ...next.slots, [`answer_${frame.step}`]: option.value } };
    return this.follow(next, option.then, [], 0, true);
  }

  /** Goes back to the previous question, or stays when there is none. */
  back(frame: Frame): FlowOutcome | undefined {
    const previous = frame.history.at(-1);
    if (previous === undefined) return undefined;
    const rewound: Frame = { ...frame, history: frame.history.slice(0, -1), misses: 0 };
    // Going back means "ask me again": a question answered earlier is not skipped this time.
    return this.enter(rewound, previous, [], false, 0, false);
  }

  /** The step again: in full (resume, carry on) or only its question (reprompt). */
  render(frame: Frame, mode: 'full' | 'question', lead?: string): Effect[] {
    const step = this.stepOf(frame);
    if (mode === 'full') {
      const effects = this.content(step, frame);
      if (lead) effects.unshift({ type: 'say', text: lead });
      return effects;
    }
    const buttons = this.buttons(step, frame);
    const text = [lead, step.ask ?? 'Please pick one of these:'].filter(Boolean).join(' ');
    return [{ type: 'say', text, buttons }];
  }

  buttons(step: FlowStep, frame: Frame): Button[] {
    const buttons: Button[] = (step.options ?? []).map((o) => ({ label: o.label, value: answerValue(o.value) }));
    if (frame.history.length > 0) buttons.push(NAV_BUTTONS.back);
    buttons.push(NAV_BUTTONS.human);
    return buttons;
  }

  private content(step: FlowStep, frame: Frame): Effect[] {
    const effects: Effect[] = [];
    const sections = step.sections ?? [];
    sections.forEach((section, i) => {
      if (i === 0 && step.say) effects.push({ type: 'say_section', section, intro: step.say });
      else effects.push({ type: 'say_section', section });
    });
    if (sections.length === 0 && step.say) effects.push({ type: 'say', text: step.say });
    if (step.options && step.options.length > 0) {
      const buttons = this.buttons(step, frame);
      if (step.ask) effects.push({ type: 'say', text: step.ask, buttons });
      else {
        const last = effects.pop();
        if (last && last.type !== 'handoff') effects.push({ ...last, buttons });
        else effects.push({ type: 'say', text: 'Please pick one of these:', buttons });
      }
    } else if (step.end === 'done') {
      const buttons: Button[] = [...(step.offer ?? []), NAV_BUTTONS.menu];
      if (step.ask) effects.push({ type: 'say', text: step.ask, buttons });
      else {
        const last = effects.pop();
        if (last && last.type !== 'handoff') effects.push({ ...last, buttons });
        else effects.push({ type: 'say', text: 'Is there anything else I can help with?', buttons });
      }
    } else if (step.ask) {
      effects.push({ type: 'say', text: step.ask });
    }
    return effects;
  }

  private pass(frame: Frame, transition: Transition): boolean {
    if (!transition.guard) return true;
    const context: FlowContext = { slots: frame.slots, tried: frame.tried };
    return GUARDS[transition.guard.name](context, transition.guard.arg);
  }

  private act(frame: Frame, transition: Transition): Frame {
    let context: FlowContext = { slots: frame.slots, tried: frame.tried };
    for (const action of transition.actions ?? []) context = ACTIONS_BY_NAME[action.name](context, action.arg);
    return { ...frame, slots: context.slots, tried: context.tried };
  }

  /** Takes the first transition whose guard passes. */
  private follow(frame: Frame, transitions: readonly Transition[], effects: Effect[], hops: number, record: boolean): FlowOutcome {
    const transition = transitions.find((t) => this.pass(frame, t));
    if (!transition) throw new Error(`no transition passes in step "${frame.step}" of flow "${frame.flow}"`);
    const next = this.act(frame, transition);
    const to = transition.to;
    if (to === '@end') return { frame: null, effects, exit: { kind: 'done', flow: frame.flow } };
    if (to === '@handoff') return { frame: null, effects, exit: { kind: 'handoff', frame: next } };
    if (to.startsWith('flow:')) return { frame: null, effects, exit: { kind: 'switch', flow: to.slice(5), from: next } };
    // Only answered questions go into the history: "back" returns to a question, never to a message.
    const history = record ? [...next.history, frame.step] : next.history;
    return this.enter({ ...next, history }, to, effects, false, hops + 1);
  }

  /** Enters a step: runs onEnter, skips a question already answered, shows the content. */
  private enter(frame: Frame, stepId: string, effects: Effect[], first: boolean, hops = 0, allowSkip = true): FlowOutcome {
    if (hops > MAX_HOPS) throw new Error(`flow "${frame.flow}" loops without asking anything (at step "${stepId}")`);
    const flow = this.flow(frame.flow);
    const step = flow.steps[stepId];
    if (!step) throw new Error(`unknown step "${stepId}" in flow "${frame.flow}"`);
    let here: Frame = { ...frame, step: stepId, misses: 0 };
    if (first) here = { ...here, history: [] };
    for (const action of step.onEnter ?? []) {
      const context = ACTIONS_BY_NAME[action.name]({ slots: here.slots, tried: here.tried }, action.arg);
      here = { ...here, slots: context.slots, tried: context.tried };
    }
    // A question whose answer is already known is skipped, and leaves no trace in "back".
    if (allowSkip && step.options && step.skip) {
      const skip = step.skip.find((t) => this.pass(here, t));
      if (skip) return this.follow(here, [skip], effects, hops, false);
    }
    if (step.title && !here.done.includes(step.title)) here = { ...here, done: [...here.done, step.title] };
    const shown = [...effects, ...this.content(step, here)];
    if (step.end === 'done') return { frame: null, effects: shown, exit: { kind: 'done', flow: frame.flow } };
    if (step.end === 'handoff') return { frame: null, effects: shown, exit: { kind: 'handoff', frame: here } };
    if (step.options && step.options.length > 0) return { frame: here, effects: shown };
    if (!step.always) throw new Error(`step "${stepId}" of flow "${frame.flow}" neither asks, moves on nor ends`);
    return this.follow(here, step.always, shown, hops, false);
  }
}
