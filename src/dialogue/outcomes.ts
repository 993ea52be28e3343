/**
 * What the person says about how it went, answered truthfully: success only when they report it;
 * "I'll phone my bank" gets what to ask and the promise that we keep their place; thanks or bye in
 * the middle of a task closes politely and remembers where we were, instead of asking again.
 */
import type { Effect, TurnSignal } from '../core/ports.js';
import type { Status } from '../core/types.js';
import { offersPerson } from './flow-position.js';
import { LINES } from './bot-lines.js';
import { NAV_BUTTONS } from './button-values.js';
import type { DialogueState } from './dialogue-state.js';
import { namedParties, namesSomeoneToContact } from './message-shape.js';
import { say, type PolicyKit, type Result } from './policy-kit.js';

/** The person says it is sorted, and the bot takes their word: resolved, for insights. */
const SOLVED: TurnSignal = { kind: 'solved' };

/** What to send support: already shown with the contacts, not repeated with them. */
const WHAT_TO_SEND = 'contact-support#what-to-include';
/** What to ask or bring when someone goes to sort it out themselves, unless the flow or step says otherwise. */
const DEFAULT_ELSEWHERE = ['contact-support#what-to-include'];

/** The task is put aside where it is: "Resume" brings the person back to this very step. */
function keepPlace(kit: PolicyKit, state: DialogueState, lead: Effect[], line: string): Result {
  const frame = state.frame;
  if (!frame) return { state, effects: [...lead, say(line, kit.menuButtons(state))] };
  const kept: DialogueState = { ...state, frame: null, paused: frame };
  return { state: kept, effects: [...lead, say(line, [kit.resumeButton(frame), NAV_BUTTONS.menu])] };
}

/**
 * "I'll call my bank tomorrow": what to ask them, and that we keep their place. "I'll check back
 * tomorrow" or "I'll look at the notifications" contacts nobody: only the place is kept.
 */
export function actingElsewhere(kit: PolicyKit, state: DialogueState, text: string): Result {
  const frame = state.frame;
  if (!frame) return { state, effects: [say(LINES.goodLuck, kit.menuButtons(state))] };
  if (!namesSomeoneToContact(text)) return keepPlace(kit, state, [], LINES.comeBackLater(kit.title(frame.flow)));
  const step = kit.engine.currentStep(frame);
  const flow = kit.engine.flow(frame.flow);
  const declared = step.elsewhere ?? flow.elsewhere ?? DEFAULT_ELSEWHERE;
  // "I'll message the seller": how to reach the party they named comes first.
  const sections = [...namedParties(text).filter((s) => !declared.includes(s)), ...declared];
  const lead: Effect[] = sections.map((section, i) => (i === 0 ? { type: 'say_section', section, intro: LINES.beforeYouCall } : { type: 'say_section', section }));
  return keepPlace(kit, { ...state, shown: sections }, lead, LINES.comeBackLater(kit.title(frame.flow)));
}

/** Thanks or goodbye in the middle of a task: close politely, keep the place. */
export function leavingMidTask(kit: PolicyKit, state: DialogueState, thanks: boolean): Result {
  const frame = state.frame;
  if (!frame) return { state, effects: [say(thanks ? LINES.thanks : LINES.goodbye, thanks ? kit.menuButtons(state) : undefined)] };
  return keepPlace(kit, state, [], thanks ? LINES.thanksInFlow(kit.title(frame.flow)) : LINES.goodbyeInFlow(kit.title(frame.flow)));
}

/**
 * A status the current step has no option for. Solved: believed, and the task ends; still failing:
 * sorry, and the question again with its choices; acting elsewhere or leaving: place kept.
 */
export function statusWithoutOption(kit: PolicyKit, state: DialogueState, status: Status, text: string): Result {
  switch (status) {
    case 'solved': {
      const next: DialogueState = { ...state, frame: null, paused: state.paused?.flow === state.frame?.flow ? null : state.paused };
      return { state: next, effects: [say(LINES.solved, kit.menuButtons(next))], signals: [SOLVED] };
    }
    case 'will_act_elsewhere':
      return actingElsewhere(kit, state, text);
    case 'leaving':
      return leavingMidTask(kit, state, false);
    case 'still_failing': {
      const frame = state.frame;
      if (!frame) return { state, effects: [say(LINES.stillFailingNoFlow, kit.menuButtons(state))] };
      const step = kit.engine.currentStep(frame);
      // "Did it again at home on 4G, same binding error" at "a person, or will you contact them?":
      // the people to contact are the answer, again (what to send them was shown with them).
      const contacts = offersPerson(step) ? (step.sections ?? []).filter((section) => section !== WHAT_TO_SEND) : [];
      if (contacts.length > 0) {
        const again: Effect[] = contacts.map((section, i) => (i === 0 ? { type: 'say_section', section, intro: LINES.stillFailing } : { type: 'say_section', section }));
        return kit.reask({ ...state, yesNo: null }, again, 'question');
      }
      // Elsewhere, what the message says is looked up beside the step, then the question again.
      const beside: Effect = { type: 'answer', query: text, context: { topic: frame.flow, sections: step.sections ?? [] }, ifFound: true };
      return kit.reask({ ...state, yesNo: null }, [say(LINES.stillFailing), beside], 'question');
    }
  }
}

/** Outside a task: a status about the last topic. */
export function statusOutsideFlow(kit: PolicyKit, state: DialogueState, status: Status, now: number): Result {
  switch (status) {
    case 'solved':
      return { state, effects: [say(LINES.solved, kit.menuButtons(state))], signals: [SOLVED] };
    case 'will_act_elsewhere':
      return { state, effects: [say(LINES.goodLuck, [NAV_BUTTONS.menu])] };
    case 'leaving':
      return { state, effects: [say(LINES.goodbye)] };
    case 'still_failing': {
      // Still failing after an answer about a task: work through it together.
      const topic = state.topic;
      if (topic && kit.flows.has(topic)) return kit.startFlow(state, topic, {}, now, [say(LINES.letsWorkThrough)]);
      return { state, effects: [say(LINES.stillFailingNoFlow, kit.menuButtons(state))] };
    }
  }
}
