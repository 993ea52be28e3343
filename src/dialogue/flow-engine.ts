/**
 * The flow mechanics, pure: entering a step (say, sections, question), taking an option's
 * transition (guards, actions), skipping a question whose answer is already known (from a slot or a
 * fact the person stated, now or earlier), and rendering a step again (reprompt, resume). The
 * conversation skills around it live in the policy files (dialogue-policy.ts and route-*.ts).
 */
import type { Effect } from '../core/ports.js';
import type { Entities, Fact } from '../core/types.js';
import type { Frame } from './dialogue-state.js';
import type { FlowDefinition, FlowOption, FlowStep, Transition } from './flow-schema.js';
import { ACTIONS_BY_NAME, GUARDS, type FlowContext } from './guards-and-actions.js';
import { learnFacts } from './known-facts.js';
import { skipsAdviceToContact } from './flow-position.js';
import { stepButtons, stepContent } from './step-content.js';

export interface FlowOutcome {
  /** The frame resting on a question step, or null when the flow ended or handed over. */
  frame: Frame | null;
  effects: Effect[];
  /** How the flow left: finished, a person takes over, or another flow starts. */
  exit?: FlowExit;
  /** Facts said as answers to this flow's questions (see Frame.spent): they answer nothing else. */
  spent: string[];
}

/**
 * How a flow left. `done`: the step it ended at, and whether the person's own answer ended it well
 * (a "yes, it worked" option): what insights count as resolved by the person's word.
 */
export type FlowExit =
  | { kind: 'done'; flow: string; step: string; success: boolean }
  | { kind: 'handoff'; frame: Frame }
  | { kind: 'switch'; flow: string; from: Frame }
  | { kind: 'pause'; frame: Frame; step: string }; // frame: where it picks up again; step: where it stopped

/** A loop of guard-free always-transitions would hang a turn; flows are linted, this is the belt. */
const MAX_HOPS = 25;

const contextOf = (frame: Frame): FlowContext => ({ slots: frame.slots, tried: frame.tried, facts: frame.facts });

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

  /**
   * Starts a flow; what the person already said fills it: entities fill slots, facts (this
   * message's and the conversation's) answer questions, which are then not asked.
   */
  start(flowId: string, entities: Entities = {}, facts: readonly string[] = []): FlowOutcome {
    const flow = this.flow(flowId);
    return this.enter(this.frameAt(flowId, flow.start, entities, facts), flow.start, [], true);
  }

  /** A frame resting at that step's question, entered but not shown (the person just read its answer). */
  pickUpAt(flowId: string, stepId: string, entities: Entities = {}, facts: readonly string[] = []): Frame {
    let here = this.frameAt(flowId, stepId, entities, facts);
    for (const action of this.stepOf(here).onEnter ?? []) {
      const context = ACTIONS_BY_NAME[action.name](contextOf(here), action.arg);
      here = { ...here, slots: context.slots, tried: context.tried, facts: [...context.facts] };
    }
    return here;
  }

  /** A new frame at a step, with what the person already said learned; nothing entered yet. */
  private frameAt(flowId: string, stepId: string, entities: Entities = {}, facts: readonly string[] = []): Frame {
    const flow = this.flow(flowId);
    if (!flow.steps[stepId]) throw new Error(`unknown step "${stepId}" in flow "${flowId}"`);
    const slots: Record<string, string> = {};
    if (entities.cardNetwork) slots['cardNetwork'] = entities.cardNetwork;
    if (entities.errorKind) slots['errorKind'] = entities.errorKind;
    return this.learnKeys({ flow: flow.id, step: stepId, slots, tried: [], history: [], misses: 0, done: [], facts: [], used: [], spent: [] }, facts);
  }

  /**
   * Picks a kept task up again with what the person knows now ("the bank says it's enabled for
   * international now"): the facts are learned, and when they answer the question it was resting
   * on, that answer is taken. Undefined when they answer nothing: then the step is asked again.
   */
  resume(frame: Frame, facts: readonly string[], entities: Entities = {}): { frame: Frame; outcome?: FlowOutcome } {
    let here = this.learnKeys({ ...frame, misses: 0 }, facts);
    if (entities.cardNetwork && !here.slots['cardNetwork']) here = { ...here, slots: { ...here.slots, cardNetwork: entities.cardNetwork } };
    const unused = here.facts.filter((key) => !here.used.includes(key));
    const known = this.answeredByFacts(this.stepOf(here), unused);
    if (!known) return { frame: here };
    return { frame: here, outcome: this.choose(here, known, entities, unused.filter((key) => known.match?.facts?.includes(key))) };
  }

  /** The frame after the person stated these facts: remembered, and the flow's onFacts rules applied. */
  learn(frame: Frame, told: readonly Pick<Fact, 'name' | 'negated'>[]): Frame {
    if (told.length === 0) return frame;
    return this.applyFactRules({ ...frame, facts: learnFacts(frame.facts, told) });
  }

  private learnKeys(frame: Frame, keys: readonly string[]): Frame {
    if (keys.length === 0) return frame;
    const told = keys.map((key) => ({ name: key.replace(/^!/, ''), negated: key.startsWith('!') }));
    return this.learn(frame, told);
  }

  private applyFactRules(frame: Frame): Frame {
    let context = contextOf(frame);
    for (const rule of this.flow(frame.flow).onFacts ?? []) {
      if (!frame.facts.includes(rule.fact)) continue;
      for (const action of rule.actions) context = ACTIONS_BY_NAME[action.name](context, action.arg);
    }
    return { ...frame, slots: context.slots, tried: context.tried, facts: [...context.facts] };
  }

  /**
   * Takes the option the person picked (by button, words, fact, status or entity). `said`: the
   * facts of the message that answered it, spent on this question.
   */
  choose(frame: Frame, option: FlowOption, entities: Entities = {}, said: readonly string[] = []): FlowOutcome {
    let next: Frame = { ...frame, misses: 0, slots: { ...frame.slots } };
    const networks = option.match?.cardNetwork;
    if (networks) next.slots['cardNetwork'] = entities.cardNetwork && networks.includes(entities.cardNetwork) ? entities.cardNetwork : (networks[0] ?? 'other');
    const kinds = option.match?.errorKind;
    if (kinds) next.slots['errorKind'] = entities.errorKind && kinds.includes(entities.errorKind) ? entities.errorKind : (kinds[0] ?? '');
    // The facts that gave this answer are spent: they do not answer the next question too. An
    // answer that hands over to another flow ("declined, insufficient funds" at checkout) hands its facts on.
    const handsOver = option.then.some((t) => t.to.startsWith('flow:'));
    const spends = (key: string): boolean => !handsOver && option.match?.facts?.includes(key) === true;
    const used = [...next.used, ...next.facts.filter((key) => spends(key) && !next.used.includes(key))];
    const spent = [...next.spent, ...said.filter((key) => spends(key) && !next.spent.includes(key))];
    next = { ...next, used, spent, slots: { ...next.slots, [`answer_${frame.step}`]: option.value } };
    // The card the person named outlives the option's own actions: "another card" forgets the old
    // one, and "can I use my Visa instead?" then goes on with the Visa.
    const named = entities.cardNetwork && networks?.includes(entities.cardNetwork) ? entities.cardNetwork : undefined;
    const then = named ? option.then.map((t) => ({ ...t, actions: [...(t.actions ?? []), { name: 'set_slot' as const, arg: `cardNetwork=${named}` }] })) : option.then;
    const outcome = this.follow(next, then, [], 0, true);
    // The person's answer ended the flow well: "yes, it worked", or a status of solved that picked this option.
    if (outcome.exit?.kind === 'done') outcome.exit.success = option.polarity === 'yes' || option.match?.status?.includes('solved') === true;
    return outcome;
  }

  /**
   * The option of this step that the known facts answer, else the one they imply; within each, the
   * first declared wins, so a flow orders its options by how telling their facts are ("the code
   * never came" implies the app is installed more surely than "trying to sign up" implies it is not).
   */
  answeredByFacts(step: FlowStep, facts: readonly string[]): FlowOption | undefined {
    if (facts.length === 0) return undefined;
    const known = (keys: readonly string[] | undefined) => keys?.some((key) => facts.includes(key)) === true;
    const options = step.options ?? [];
    return options.find((o) => known(o.match?.facts)) ?? options.find((o) => known(o.match?.implies));
  }

  /** The frame resting on the question answered last (where a paused task picks up again). */
  private questionBefore(frame: Frame): Frame {
    const previous = frame.history.at(-1);
    if (previous === undefined) return { ...frame, step: this.flow(frame.flow).start, misses: 0 };
    return { ...frame, step: previous, history: frame.history.slice(0, -1), misses: 0 };
  }

  /** Goes back to the previous question, or stays when there is none. */
  back(frame: Frame): FlowOutcome | undefined {
    const previous = frame.history.at(-1);
    if (previous === undefined) return undefined;
    const rewound: Frame = { ...frame, history: frame.history.slice(0, -1), misses: 0 };
    // Going back means "ask me again": a question answered earlier is not skipped this time.
    return this.enter(rewound, previous, [], false, 0, false);
  }

  /** The step again: in full (resume, carry on) or only its question and buttons (reprompt, after a digression). */
  render(frame: Frame, mode: 'full' | 'question', lead?: string): Effect[] {
    const step = this.stepOf(frame);
    if (mode === 'full') {
      const effects = stepContent(step, frame);
      if (lead) effects.unshift({ type: 'say', text: lead });
      return effects;
    }
    const buttons = stepButtons(step, frame);
    const text = [lead, step.ask ?? 'Please pick one of these:'].filter(Boolean).join(' ');
    return [{ type: 'say', text, buttons }];
  }

  private pass(frame: Frame, transition: Transition): boolean {
    const guards = [...(transition.guard ? [transition.guard] : []), ...(transition.guards ?? [])];
    return guards.every((guard) => GUARDS[guard.name](contextOf(frame), guard.arg));
  }

  private act(frame: Frame, transition: Transition): Frame {
    let context = contextOf(frame);
    for (const action of transition.actions ?? []) context = ACTIONS_BY_NAME[action.name](context, action.arg);
    return { ...frame, slots: context.slots, tried: context.tried, facts: [...context.facts] };
  }

  /** Takes the first transition whose guard passes. */
  private follow(frame: Frame, transitions: readonly Transition[], effects: Effect[], hops: number, record: boolean): FlowOutcome {
    const transition = transitions.find((t) => this.pass(frame, t));
    if (!transition) throw new Error(`no transition passes in step "${frame.step}" of flow "${frame.flow}"`);
    const next = this.act(frame, transition);
    const to = transition.to;
    if (to === '@end') return { frame: null, effects, exit: { kind: 'done', flow: frame.flow, step: frame.step, success: false }, spent: next.spent };
    if (to === '@handoff') return { frame: null, effects, exit: { kind: 'handoff', frame: next }, spent: next.spent };
    if (to.startsWith('flow:')) return { frame: null, effects, exit: { kind: 'switch', flow: to.slice(5), from: next }, spent: next.spent };
    // Only answered questions go into the history: "back" returns to a question, never to a message.
    const history = record ? [...next.history, frame.step] : next.history;
    return this.enter({ ...next, history }, to, effects, false, hops + 1, true, record);
  }

  /** Enters a step: runs onEnter, skips a question already answered, shows the content. */
  private enter(frame: Frame, stepId: string, effects: Effect[], first: boolean, hops = 0, allowSkip = true, byAnswer = false): FlowOutcome {
    if (hops > MAX_HOPS) throw new Error(`flow "${frame.flow}" loops without asking anything (at step "${stepId}")`);
    const flow = this.flow(frame.flow);
    const step = flow.steps[stepId];
    if (!step) throw new Error(`unknown step "${stepId}" in flow "${frame.flow}"`);
    let here: Frame = { ...frame, step: stepId, misses: 0 };
    if (first) here = { ...here, history: [] };
    for (const action of step.onEnter ?? []) {
      const context = ACTIONS_BY_NAME[action.name](contextOf(here), action.arg);
      here = { ...here, slots: context.slots, tried: context.tried, facts: [...context.facts] };
    }
    // A question whose answer is already known is skipped, and leaves no trace in "back". The
    // flow's opening line is still said, so the person knows what we are doing ("Let's link your card").
    if (allowSkip && step.options) {
      const intro = flow.intro ?? step.say;
      const opening: Effect[] = first && intro ? [{ type: 'say', text: intro }] : [];
      const skip = step.skip?.find((t) => this.pass(here, t));
      if (skip) {
        // A fact that skipped this question has answered it: "I can't find the cards section" skips
        // to the app update, and does not also answer "still not there?" after it.
        const guards = [...(skip.guard ? [skip.guard] : []), ...(skip.guards ?? [])];
        const spentHere = guards.filter((g) => g.name === 'fact' && g.arg !== undefined && !here.used.includes(g.arg)).map((g) => g.arg as string);
        return this.follow({ ...here, used: [...here.used, ...spentHere] }, [skip], [...effects, ...opening], hops, false);
      }
      const unused = here.facts.filter((key) => !here.used.includes(key));
      const found = this.answeredByFacts(step, unused);
      const known = found && skipsAdviceToContact(flow, step, found) ? undefined : found;
      if (known) {
        // One statement answers one question: "the code never came" skips "did the code arrive?", not
        // the tips after it. What it only implies ("so the app is installed") leaves it unspent.
        const used = [...here.used, ...unused.filter((key) => known.match?.facts?.includes(key))];
        const answered = { ...here, used, slots: { ...here.slots, [`answer_${stepId}`]: known.value } };
        return this.follow(answered, known.then, [...effects, ...opening], hops, false);
      }
    }
    if (step.title && !here.done.includes(step.title)) here = { ...here, done: [...here.done, step.title] };
    // A decision step speaks to the person's answer ("Sorry, that wasn't it"): reached from what
    // they said earlier, with no answer just given, it passes silently.
    const silent = step.always !== undefined && !step.options && !byAnswer;
    const shown = [...effects, ...(silent ? [] : stepContent(step, here))];
    if (step.end === 'done') return { frame: null, effects: shown, exit: { kind: 'done', flow: frame.flow, step: stepId, success: false }, spent: here.spent };
    if (step.end === 'handoff') return { frame: null, effects: shown, exit: { kind: 'handoff', frame: here }, spent: here.spent };
    if (step.end === 'pause') return { frame: null, effects: shown, exit: { kind: 'pause', frame: this.questionBefore(here), step: stepId }, spent: here.spent };
    if (step.options && step.options.length > 0) return { frame: here, effects: shown, spent: here.spent };
    if (!step.always) throw new Error(`step "${stepId}" of flow "${frame.flow}" neither asks, moves on nor ends`);
    return this.follow(here, step.always, shown, hops, false);
  }
}
