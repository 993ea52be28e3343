/**
 * What every part of the dialogue policy shares: the flows and their engine, the settings, and
 * the small moves they all make (say, re-ask the current question, settle what the engine did,
 * start a flow, the menu). The policy is split by job (route-text, route-action, navigation,
 * outcomes, handoff, answers); each gets this kit instead of reaching into the others.
 */
import type { DialogueInput, Effect, StepResult, TurnSignal } from '../core/ports.js';
import type { Button, Entities } from '../core/types.js';
import { LINES } from './bot-lines.js';
import { NAV_BUTTONS, flowValue, navValue } from './button-values.js';
import type { DialogueState, Frame } from './dialogue-state.js';
import { FlowEngine, type FlowOutcome } from './flow-engine.js';
import type { FlowDefinition } from './flow-schema.js';
import { INFO_TOPICS, isInfoTopic } from './info-topics.js';
import { FEEDBACK_OFFERED, offerFeedback } from './feedback-offer.js';

export type Result = StepResult<DialogueState>;

export interface PolicySettings {
  idleMs: number;
  clarifyMargin: number;
  switchConfidence: number;
  minTopicConfidence: number;
  /** When the support team works, e.g. "Monday to Friday, 9:00-18:00 CET": said when nobody took a handoff in time. */
  supportHours?: string;
}

export const say = (text: string, buttons?: Button[]): Effect => (buttons ? { type: 'say', text, buttons } : { type: 'say', text });

export interface PolicyKit {
  readonly flows: ReadonlyMap<string, FlowDefinition>;
  readonly engine: FlowEngine;
  readonly settings: PolicySettings;
  title(flowId: string): string;
  topicLabel(intent: string): string;
  resumeButton(frame: Frame): Button;
  menuButtons(state?: DialogueState): Button[];
  /** The current question again (only its question and buttons, or the whole step), after something else was said. */
  reask(state: DialogueState, lead?: Effect[], mode?: 'full' | 'question', leadText?: string): Result;
  /** Applies what the engine did: a resting frame, a finished flow, a handoff or another flow. */
  settle(state: DialogueState, outcome: FlowOutcome, now: number, lead?: Effect[]): Result;
  startFlow(state: DialogueState, flowId: string, entities: Entities, now: number, lead?: Effect[]): Result;
  /** Set by the policy: a person takes over (handoff.ts). */
  handoff(state: DialogueState, frame: Frame | null, reason: string, now: number): Result;
}

export function createPolicyKit(flows: ReadonlyMap<string, FlowDefinition>, settings: PolicySettings, handoff: PolicyKit['handoff']): PolicyKit {
  const engine = new FlowEngine(flows);
  const title = (flowId: string): string => engine.flow(flowId).title;
  const resumeButton = (frame: Frame): Button => ({ label: `Resume ${title(frame.flow)}`.slice(0, 60), value: navValue('resume') });
  const menuButtons = (state?: DialogueState): Button[] => [
    ...(state?.paused ? [resumeButton(state.paused)] : []),
    ...[...flows.values()].map((f) => ({ label: f.label, value: flowValue(f.id) })),
    NAV_BUTTONS.human,
  ];

  const kit: PolicyKit = {
    flows,
    engine,
    settings,
    title,
    topicLabel: (intent) => flows.get(intent)?.label ?? (isInfoTopic(intent) ? INFO_TOPICS[intent].label : intent),
    resumeButton,
    menuButtons,
    handoff,
    reask(state, lead = [], mode = 'question', leadText) {
      if (!state.frame) return { state, effects: [...lead, say(leadText ?? LINES.done, menuButtons(state))] };
      return { state, effects: [...lead, ...engine.render(state.frame, mode, leadText)] };
    },
    settle(before, outcome, now, lead = []) {
      const effects = [...lead, ...outcome.effects];
      const exit = outcome.exit;
      // A fact that answered a question here is spent: "the code never came" at sign-up does not
      // answer "did your bank's code arrive?" when linking a card later.
      const state: DialogueState = outcome.spent.length === 0 ? before : { ...before, facts: before.facts.filter((f) => !outcome.spent.includes(f)) };
      if (!exit) return { state: { ...state, frame: outcome.frame }, effects };
      if (exit.kind === 'pause') {
        // "Come back and we'll carry on from there": kept, with Resume on the last message.
        const kept: DialogueState = { ...state, frame: null, paused: exit.frame };
        const last = effects.pop();
        const buttons = [resumeButton(exit.frame), NAV_BUTTONS.menu];
        if (last && (last.type === 'say' || last.type === 'say_section')) effects.push({ ...last, buttons });
        else effects.push(...(last ? [last] : []), say(LINES.comeBackLater(title(exit.frame.flow)), buttons));
        return { state: kept, effects, signals: [{ kind: 'flow_paused', flow: exit.frame.flow, step: exit.step }] };
      }
      if (exit.kind === 'handoff') {
        const handed = kit.handoff(state, exit.frame, `asked for a person during ${title(exit.frame.flow)}`, now);
        return { ...handed, effects: [...effects, ...handed.effects] };
      }
      if (exit.kind === 'switch') {
        // The next flow starts from what the person told us in this one and did not spend.
        const next = engine.start(
          exit.flow,
          {},
          exit.from.facts.filter((f) => !exit.from.spent.includes(f)),
        );
        return kit.settle({ ...state, frame: null, topic: exit.flow }, next, now, effects);
      }
      const finished: DialogueState = { ...state, frame: null };
      // The flow is done: the thumbs go under its last message, and insights learn how it ended.
      const rated = offerFeedback(effects);
      const signals: TurnSignal[] = [{ kind: 'flow_done', flow: exit.flow, step: exit.step, success: exit.success }, ...(rated.offered ? [FEEDBACK_OFFERED] : [])];
      const done = rated.effects;
      if (finished.paused && finished.paused.flow !== exit.flow) {
        done.push(say(LINES.backToEarlier(title(finished.paused.flow)), [resumeButton(finished.paused), NAV_BUTTONS.menu]));
        finished.yesNo = { yes: navValue('resume'), no: navValue('menu') };
      } else if (finished.paused?.flow === exit.flow) {
        finished.paused = null;
      }
      return { state: finished, effects: done, signals };
    },
    startFlow(state, flowId, entities, now, lead = []) {
      // The task was kept earlier ("I'll call my bank"): back to where it stopped, not to its first question.
      if (!state.frame && state.paused?.flow === flowId) {
        const resumed = engine.resume(state.paused, state.facts, entities);
        const back: DialogueState = { ...state, paused: null, topic: flowId };
        if (resumed.outcome) return kit.settle(back, resumed.outcome, now, [...lead, say(LINES.resumed(title(flowId)))]);
        return kit.reask({ ...back, frame: resumed.frame }, lead, 'full', LINES.resumed(title(flowId)));
      }
      // Leaving another task for this one: keep it, so it can be resumed.
      const paused = state.frame && state.frame.flow !== flowId ? state.frame : state.paused?.flow === flowId ? null : state.paused;
      return kit.settle({ ...state, frame: null, paused, topic: flowId }, engine.start(flowId, entities, state.facts), now, lead);
    },
  };
  return kit;
}

/** The text of a message as the dialogue reads it; the cleaner truncates, this bounds the matching work whatever arrives. */
export function messageText(input: DialogueInput): string {
  return (input.message.text ?? '').slice(0, 4000);
}
