/**
 * Answers from the knowledge base: an information topic, a question asked in the middle of a task
 * (answered, then back to the task's question only), and out-of-scope messages said honestly and
 * usefully (another product gets pointed to its own support, an order to Alibaba).
 */
import { OTHER_PRODUCT_SUB_INTENTS } from '../core/intents.js';
import type { Effect } from '../core/ports.js';
import type { NluResult } from '../core/types.js';
import { LINES } from './bot-lines.js';
import { NAV_BUTTONS, flowValue, navValue } from './button-values.js';
import type { DialogueState } from './dialogue-state.js';
import { withFeedback } from './feedback-offer.js';
import { INFO_TOPICS } from './info-topics.js';
import { say, type PolicyKit, type Result } from './policy-kit.js';
import { namesOnlyTheTopic } from './topic-names.js';

type InfoTopicName = keyof typeof INFO_TOPICS;

/** What a follow-up question is read against: the topic and the sections the last reply showed. */
function searchContext(state: DialogueState, topic: string | null): { topic?: string; sections?: string[] } {
  const context: { topic?: string; sections?: string[] } = {};
  if (topic) context.topic = topic;
  if (state.shown.length > 0) context.sections = state.shown;
  return context;
}

/** A question of ours that no topic claims ("what exactly is Alipay?"): searched, in the conversation's context. */
export function answerQuestion(state: DialogueState, text: string): Result {
  return withFeedback({ state, effects: [{ type: 'answer', query: text, context: searchContext(state, state.topic) }] });
}

/** An information topic: a typed question is searched (context included), a click shows the topic's sections. */
export function infoAnswer(kit: PolicyKit, previous: DialogueState, intent: InfoTopicName, text: string | undefined, leansOnLast = false): Result {
  const state: DialogueState = { ...previous, topic: intent };
  const topic = INFO_TOPICS[intent];
  const inFlow = state.frame !== null;
  const offer = inFlow ? undefined : [...topic.offer, NAV_BUTTONS.menu];
  const effects: Effect[] = [];
  if (text && !topic.alwaysSections && !namesOnlyTheTopic(text, intent)) {
    // "And the money left on it, do I get it back?" after the Tour Pass: read as refunds, but it
    // leans on the last answer, so it is searched in that topic's context (the refund topic still counts).
    const contextTopic = leansOnLast && previous.topic ? previous.topic : intent;
    effects.push({ type: 'answer', query: text, intents: [intent], context: searchContext(previous, contextTopic), ...(offer ? { buttons: offer } : {}) });
  } else {
    topic.sections.forEach((section, i) => {
      const last = i === topic.sections.length - 1;
      effects.push({
        type: 'say_section',
        section,
        ...(i === 0 && topic.intro ? { intro: topic.intro } : {}),
        ...(last && offer ? { buttons: offer } : {}),
      });
    });
  }
  if (state.frame) {
    effects.push(say(LINES.carryOn(kit.title(state.frame.flow)), [NAV_BUTTONS.continue, NAV_BUTTONS.menu]));
    return { state: { ...state, yesNo: { yes: navValue('continue'), no: navValue('menu') } }, effects };
  }
  return withFeedback({ state, effects });
}

/**
 * A question in the middle of a task ("where do I find the expiry date?"): answered from the
 * knowledge base with its citation, then the task's question again, on its own, with its choices.
 */
export function answerMidTask(kit: PolicyKit, state: DialogueState, text: string, about?: string): Result {
  const frame = state.frame;
  if (!frame) return withFeedback({ state, effects: [{ type: 'answer', query: text, context: searchContext(state, state.topic) }] });
  // "tell me about the Tour Pass" mid-diagnosis names its own topic: searched as that. Otherwise it
  // leans on what was just shown, without the task's topic as a prior: "and can the bank side block
  // it too?" mid-verification is about the bank, not about another verification section.
  const step = kit.engine.currentStep(frame);
  const context = about ? { topic: about } : { sections: state.shown.length > 0 ? [...state.shown] : [...(step.sections ?? [])] };
  // Nothing found against what was shown: the task's own topic and sections, as a second try.
  const wider = { topic: frame.flow, sections: [...(step.sections ?? []), ...state.shown] };
  const answer: Effect = { type: 'answer', query: text, context, ...(about ? { intents: [about] } : { widerContext: wider }) };
  return kit.reask(state, [answer], 'question', LINES.backToTask(kit.title(frame.flow)));
}

/** "Help me", "step by step", "where do I start?": the whole task is the answer, so walk through it. */
const WHOLE_TASK = /\b(help me|walk me|guide me|step by step|steps to|where do i (start|begin)|what do i (need to )?do|show me how|teach me)\b/;
/**
 * "How do I link my card?" asks for a task when its verb is a task's own ("link", "pay", "sign up",
 * "verify"); "how to get an invoice", "how do I get it unflagged", "how to approve the payment"
 * ask one thing, which a section answers.
 */
const HOW_TO_TASK =
  /\bhow (?:(?:do|can|should|would|could) (?:i|we|you) |to |i |do i )(?:(?:first|even|now|then|actually|finally|properly|still) )?(?:add|link|bind|connect|attach|put|pay|use|buy|purchase|order|checkout|check out|set ?up|sign ?up|register|create|make|open|start|install|instal|download|verify|complete|finish|fix|solve|do)\b/;

export function asksForWalkthrough(text: string): boolean {
  const lower = text.toLowerCase();
  return WHOLE_TASK.test(lower) || HOW_TO_TASK.test(lower);
}

/**
 * A specific question about a task ("is the payment password different from the login one?"):
 * answered from the knowledge base, with the guided walkthrough offered rather than started.
 */
export function answerThenOffer(kit: PolicyKit, state: DialogueState, flowId: string, text: string): Result {
  const flow = kit.engine.flow(flowId);
  // The thumbs rate the answer itself, so they go under it, before the offer of a walkthrough.
  const rated = withFeedback({ state, effects: [{ type: 'answer', query: text, intents: [flowId], context: searchContext(state, flowId) }] });
  const start = { label: `Yes: ${flow.label}`.slice(0, 60), value: flowValue(flowId) };
  return {
    state: { ...state, topic: flowId, yesNo: { yes: start.value, no: navValue('menu') } },
    effects: [...rated.effects, say(LINES.offerWalkthrough(flow.title), [start, NAV_BUTTONS.menu])],
    ...(rated.signals ? { signals: rated.signals } : {}),
  };
}


/** Out-of-scope sub-intents that get a more useful answer than the general one. */
const OUT_OF_SCOPE_LINES: Readonly<Record<string, string>> = {
  'out_of_scope.crypto': LINES.outOfScopeCrypto,
  'out_of_scope.other_wallets': LINES.outOfScopeOtherApp,
  'out_of_scope.other_apps_and_shops': LINES.outOfScopeOtherApp,
  'out_of_scope.other_marketplaces': LINES.outOfScopeOtherApp,
  'out_of_scope.other_product': LINES.outOfScopeOtherApp,
  'out_of_scope.bank_app': LINES.outOfScopeBank,
};
/** An order or a delivery: Alibaba and the seller handle those, so say who and how. */
const ORDER_LABELS = new Set(['out_of_scope.orders_and_shipping', 'out_of_scope.parcels']);

/** Whether an out-of-scope reading has an answer of its own (another product, an order, the bank's app). */
export function hasNamedOutOfScopeAnswer(nlu: NluResult): boolean {
  const label = nlu.label ?? '';
  return ORDER_LABELS.has(label) || OUT_OF_SCOPE_LINES[label] !== undefined;
}

/**
 * Mid-task, "btw can I use Alipay on Amazon too?": the honest answer, then back to the question
 * in hand. Saying "I didn't get that" would be untrue: we understood, it is just not ours.
 */
export function outOfScopeMidTask(kit: PolicyKit, state: DialogueState, nlu: NluResult): Result {
  const frame = state.frame;
  const reply = outOfScope(kit, state, nlu);
  if (!frame) return reply;
  // The menu buttons of the standalone answer would compete with the step's own.
  const effects = reply.effects.map((e): Effect => {
    if (!('buttons' in e)) return e;
    const { buttons: _menu, ...rest } = e;
    return rest;
  });
  return kit.reask({ ...reply.state, frame }, effects, 'question', LINES.backToTask(kit.title(frame.flow)));
}

/**
 * An unsure out-of-scope reading ("what's a red envelope", "can I use touch id to pay"): the
 * classifier has not seen the words, but the knowledge base may have them. Below this confidence
 * the question is looked up first, and the out-of-scope answer is said only when nothing answers
 * it well enough (the search's own answerability floor decides). Chosen by `supportbot kb eval`
 * ("as in a chat") on the development sets.
 */
export const UNSURE_OUT_OF_SCOPE = 0.8;

export function outOfScope(kit: PolicyKit, state: DialogueState, nlu: NluResult | null, text?: string): Result {
  const label = nlu?.label ?? '';
  if (text && nlu && nlu.confidence < UNSURE_OUT_OF_SCOPE && !hasNamedOutOfScopeAnswer(nlu) && !OTHER_PRODUCT_SUB_INTENTS.has(label)) {
    const otherwise = { text: LINES.outOfScope, buttons: kit.menuButtons(state) };
    return { state, effects: [{ type: 'answer', query: text, context: searchContext(state, state.topic), otherwise, buttons: kit.menuButtons(state) }] };
  }
  if (ORDER_LABELS.has(label)) {
    return { state: { ...state, topic: 'contact_support' }, effects: [{ type: 'say_section', section: 'contact-support#alibaba-support', intro: LINES.orderQuestion, buttons: kit.menuButtons(state) }] };
  }
  const line = OUT_OF_SCOPE_LINES[label] ?? LINES.outOfScope;
  return { state, effects: [say(line, kit.menuButtons(state))] };
}
