/**
 * The dialogue policy: one pure step `(state, input) → {state, effects}` around the flow engine.
 * The engine walks a flow; the conversation skills a good support agent has live beside it, one
 * job per file: route-text.ts (how a typed message is read), route-action.ts (buttons),
 * navigation.ts, outcomes.ts (how it went), handoff.ts (people, contact), answers.ts (knowledge).
 */
import { parseStaffAction } from '../core/actions.js';
import { isIntentName } from '../core/intents.js';
import type { DialogueInput, DialoguePolicy, Effect } from '../core/ports.js';
import { NO_CONTEXT } from '../core/types.js';
import { privacyNotice } from '../core/privacy-notice.js';
import { LINES } from './bot-lines.js';
import { navValue } from './button-values.js';
import { initialDialogueState, parseDialogueState, type DialogueState } from './dialogue-state.js';
import type { FlowDefinition, FlowInput } from './flow-schema.js';
import { loadFlows } from './flow-registry.js';
import { backFromStaff, HANDOFF_SECTION, handOver } from './handoff.js';
import { createPolicyKit, say, type PolicyKit, type Result } from './policy-kit.js';
import { onAction } from './route-action.js';
import { cardAndError, onText } from './route-text.js';
import { factKey } from './known-facts.js';

export { HANDOFF_SECTION };

export interface DialoguePolicyOptions {
  /** A conversation idle this long starts fresh and offers to resume (default 30 minutes). */
  idleMs?: number;
  /**
   * "Did you mean A or B?" when the top two intents are this close (default 0.15). The classifier's
   * confidences are a softmax over ~20 intents: a gap under 0.15 between two topics means it is
   * close to a coin toss, and one click to choose costs less than several turns in the wrong flow.
   */
  clarifyMargin?: number;
  /** Mid-flow, a message this confident about another task switches to it; below, the bot asks first (default 0.6). */
  switchConfidence?: number;
  /**
   * Mid-flow, a topic intent below this confidence is read as an answer that did not fit (a
   * reprompt), not as a wish to switch or a question (default 0.4).
   */
  minTopicConfidence?: number;
  /** The flows (default: src/dialogue/flows). */
  flows?: readonly FlowInput[];
  /** When the support team works (SUPPORT_HOURS), said when nobody took a handoff in time. */
  supportHours?: string;
}

export const DEFAULT_IDLE_MS = 30 * 60 * 1000;
export const DEFAULT_CLARIFY_MARGIN = 0.15;
export const DEFAULT_SWITCH_CONFIDENCE = 0.6;
export const DEFAULT_MIN_TOPIC_CONFIDENCE = 0.4;

/** Where a conversation is while a person handles it (the protocol's flow/step fields). */
export const HANDOFF_POSITION = { flow: 'contact_support', step: 'with_staff' } as const;

/**
 * One Resume button per reply: the welcome-back line offers it, and a menu under it (greeting,
 * out of scope, help) would offer it again.
 */
function resumeOnce(effects: Effect[]): Effect[] {
  let offered = false;
  return effects.map((effect) => {
    if (effect.type === 'handoff' || !effect.buttons) return effect;
    const buttons = effect.buttons.filter((b) => {
      if (b.value !== navValue('resume')) return true;
      if (offered) return false;
      offered = true;
      return true;
    });
    return buttons.length === effect.buttons.length ? effect : { ...effect, buttons };
  });
}

function stepWithStaff(kit: PolicyKit, previous: DialogueState, input: DialogueInput): Result {
  const now = input.now;
  let state: DialogueState = { ...previous, turns: previous.turns + 1 };
  const action = input.message.action;

  // With a person: quiet until staff hand the conversation back.
  if (state.handoff) {
    // Quiet, except to warn about a pasted secret: staff can read the message too.
    const warn = input.redactions.length > 0 && action === undefined ? [say(privacyNotice(input.redactions, input.exposure))] : [];
    const ending = action === undefined ? undefined : parseStaffAction(action);
    if (!ending) return { state: { ...state, lastActiveAt: now }, effects: warn };
    return backFromStaff(kit, state, ending, now);
  }

  const lead: Effect[] = [];
  if (input.redactions.length > 0) lead.push(say(privacyNotice(input.redactions, input.exposure)));
  if (input.notes.includes('truncated')) lead.push(say(LINES.truncated));

  // Idle too long: start fresh, and offer to resume where we were.
  let idled = false;
  if (state.frame && now - state.lastActiveAt > kit.settings.idleMs) {
    lead.push(say(LINES.resumeOffer(kit.title(state.frame.flow)), [kit.resumeButton(state.frame)]));
    state = { ...state, paused: state.frame, frame: null };
    idled = true;
  }
  const clarify = state.clarify;
  const clarifyEntities = clarify && state.clarifyEntities ? cardAndError(state.clarifyEntities) : {};
  const yesNo = idled ? null : state.yesNo;
  state = { ...state, lastActiveAt: now, clarify: null, clarifyEntities: null, yesNo: null };

  if (idled && action === undefined && (input.nlu?.intent === 'greeting' || (input.message.text ?? '').trim() === '')) {
    return { state, effects: resumeOnce([...lead, say(LINES.done, kit.menuButtons(state))]) };
  }
  // A click on one of the "did you mean…?" tasks starts it with what the question's message named.
  const picked = action !== undefined && clarify?.some((intent) => action === `flow:${intent}`) ? clarifyEntities : {};
  const result = action !== undefined ? onAction(kit, state, action, now, picked) : onText(kit, state, input, clarify, yesNo, clarifyEntities);
  return { ...result, effects: resumeOnce([...lead, ...result.effects]) };
}

export function createDialoguePolicy(options: DialoguePolicyOptions = {}): DialoguePolicy<DialogueState> & { readonly flows: ReadonlyMap<string, FlowDefinition> } {
  const flows = loadFlows(options.flows);
  const kit: PolicyKit = createPolicyKit(
    flows,
    {
      idleMs: options.idleMs ?? DEFAULT_IDLE_MS,
      clarifyMargin: options.clarifyMargin ?? DEFAULT_CLARIFY_MARGIN,
      switchConfidence: options.switchConfidence ?? DEFAULT_SWITCH_CONFIDENCE,
      minTopicConfidence: options.minTopicConfidence ?? DEFAULT_MIN_TOPIC_CONFIDENCE,
      ...(options.supportHours ? { supportHours: options.supportHours } : {}),
    },
    (state, frame, reason, now) => handOver(kit, state, frame, reason, now),
  );

  return {
    flows,
    initialState: (now) => initialDialogueState(now),
    parseState: (raw) => parseDialogueState(raw, flows),
    position(state) {
      if (state.handoff) return { ...HANDOFF_POSITION };
      return state.frame ? { flow: state.frame.flow, step: state.frame.step } : { flow: null, step: null };
    },
    context(state, now) {
      const topic = state.frame?.flow ?? state.topic;
      const about = topic && isIntentName(topic) ? topic : null;
      // Back after the idle timeout the task is no longer in progress (the step offers to resume
      // it); what it was about is still the likeliest subject of a "hi again, it works now".
      if (now - state.lastActiveAt > kit.settings.idleMs) return { ...NO_CONTEXT, topic: about };
      return { topic: about, flow: state.frame?.flow ?? null, step: state.frame?.step ?? null };
    },
    remember(state, citations) {
      return citations.length === 0 ? state : { ...state, shown: citations.map((c) => c.section) };
    },
    step(previous, input): Result {
      // No staff watching this channel (terminal, chat --json, or no handoff channel configured):
      // a handoff becomes a referral, and the bot never goes quiet with nobody to take over.
      if (input.staffAvailable) return withStatedFacts(stepWithStaff(kit, previous, input), input);
      const result = withStatedFacts(stepWithStaff(kit, previous.handoff ? { ...previous, handoff: null } : previous, input), input);
      if (!result.state.handoff) return result;
      const state: DialogueState = { ...result.state, handoff: null };
      const effects = result.effects.map((e) => (e.type === 'say' && e.text === LINES.handoff ? say(LINES.referral, kit.menuButtons(state)) : e));
      return { ...result, state, effects };
    },
  };
}

/**
 * Every search for the person's own words also gets the facts their message states, so a section
 * about one of them ("a payment I don't recognise") is preferred. A denied fact is passed as its
 * denial ("!error.technical"), which only a section about that denial matches: "no error message"
 * is no reason to show the error section.
 */
function withStatedFacts(result: Result, input: DialogueInput): Result {
  const text = input.message.text;
  const facts = (input.nlu?.facts ?? []).map(factKey);
  if (!text || facts.length === 0 || !result.effects.some((e) => e.type === 'answer')) return result;
  const effects = result.effects.map((e) => (e.type === 'answer' && !e.facts && text.includes(e.query) ? { ...e, facts } : e));
  return { ...result, effects };
}

export type { Result };
