/**
 * What a message is about, when it is not an answer to the current question: a task (start it, or
 * offer to switch), an information topic, contact, a conversation move, or something we do not
 * cover. "Did you mean A or B?" when the top two are too close to call.
 */
import { INFORMATION_INTENTS, OTHER_PRODUCT_SUB_INTENTS, TASK_INTENTS, isIntentName, type IntentName } from '../core/intents.js';
import type { Button, NluResult } from '../core/types.js';
import { answerMidTask, answerQuestion, answerThenOffer, asksForWalkthrough, hasNamedOutOfScopeAnswer, infoAnswer, outOfScope, outOfScopeMidTask } from './answers.js';
import { LINES } from './bot-lines.js';
import { NAV_BUTTONS, asksToContinue, flowValue, infoValue, navValue } from './button-values.js';
import type { DialogueState, Frame } from './dialogue-state.js';
import { factReferences } from './flow-lint.js';
import { contactAnswer } from './handoff.js';
import { isInfoTopic } from './info-topics.js';
import { isBareReply, namedParties } from './message-shape.js';
import { navigate } from './navigation.js';
import { leavingMidTask } from './outcomes.js';
import { say, type PolicyKit, type Result } from './policy-kit.js';
import { factKey } from './known-facts.js';

export const TOPIC_INTENTS = new Set<string>([...TASK_INTENTS, ...INFORMATION_INTENTS]);

/** The flow that diagnoses a reported problem: a message about fees or limits that states a decline is a problem to fix. */
const DIAGNOSIS_FLOW = 'payment_declined';
/** Facts that say a payment was stopped (not only a charge or a cap asked about). */
const STOPPED_PAYMENT_FACTS = new Set(['error.risk_flagged', 'error.insufficient_funds', 'error.card_not_supported', 'error.issuer_declined']);
/** The same, from the older error-kind entity. */
const STOPPED_PAYMENT_KINDS = new Set(['flagged', 'insufficient_funds', 'card_not_supported']);

/**
 * Top two topics too close to call (see DialoguePolicyOptions.clarifyMargin). Not when the
 * understanding already decided otherwise (out of scope), nor when what the person stated settles
 * it: "my payment got flagged as suspicious" is a declined payment, which asks about exactly that.
 */
export function closeCall(kit: PolicyKit, nlu: NluResult, frame: Frame | null): [string, string] | undefined {
  const [first, second] = nlu.ranking;
  if (!first || !second || first.intent !== nlu.intent) return undefined;
  if (!TOPIC_INTENTS.has(first.intent) || !TOPIC_INTENTS.has(second.intent)) return undefined;
  if (frame && (first.intent === frame.flow || second.intent === frame.flow)) return undefined;
  if (first.confidence - second.confidence >= kit.settings.clarifyMargin) return undefined;
  return [first.intent, second.intent];
}

/** Of a close call, the one task whose flow owns or asks about a fact the message states, if only one does. */
export function settledByFacts(kit: PolicyKit, nlu: NluResult, close: readonly [string, string]): IntentName | undefined {
  const [a, b] = close;
  // A task whose goal the message says is reached is not the one asked for.
  const instead = givesWayTo(kit, a, b, nlu) ? b : givesWayTo(kit, b, a, nlu) ? a : undefined;
  if (instead && isIntentName(instead)) return instead;
  // A flow that owns the fact ("I don't have Alipay yet": setup) beats one that only has an option for it.
  const byOwner = oneOf(a, b, (i) => owns(kit, i, nlu));
  const pick = byOwner ?? oneOf(a, b, (i) => askedAbout(kit, i, nlu));
  return pick && isIntentName(pick) ? pick : undefined;
}

function oneOf(a: string, b: string, test: (intent: string) => boolean): string | undefined {
  const [forA, forB] = [test(a), test(b)];
  return forA === forB ? undefined : forA ? a : b;
}

/**
 * Whether a task gives way to another: the message says the task's goal is reached and states
 * something else the other task's flow works on ("linked it yesterday, now the payment asks for
 * verification"). "Already linked my Visa, how do I add a second card?" states nothing else: it stays.
 */
function givesWayTo(kit: PolicyKit, intent: string, other: string, nlu: NluResult): boolean {
  const done = kit.flows.get(intent)?.reachedBy ?? [];
  if (!nlu.facts.some((f) => done.includes(factKey(f)))) return false;
  const rest = { ...nlu, facts: nlu.facts.filter((f) => !done.includes(factKey(f))) };
  return kit.flows.has(other) && !(kit.flows.get(other)?.reachedBy ?? []).some((k) => nlu.facts.some((f) => factKey(f) === k)) && (owns(kit, other, rest) || askedAbout(kit, other, rest));
}

/** Whether the task's flow owns a fact the message states (it is the place for it). */
function owns(kit: PolicyKit, intent: string, nlu: NluResult): boolean {
  const owned = kit.flows.get(intent)?.owns ?? [];
  return nlu.facts.some((f) => owned.includes(factKey(f)));
}

/** Whether the task's flow owns or asks about a fact the message states. */
function askedAbout(kit: PolicyKit, intent: string, nlu: NluResult): boolean {
  const flow = kit.flows.get(intent);
  if (!flow || nlu.facts.length === 0) return false;
  const named = factReferences([flow]);
  return nlu.facts.some((f) => named.has(f.name));
}

export function clarifyButton(kit: PolicyKit, intent: string): Button {
  if (kit.flows.has(intent)) return { label: kit.topicLabel(intent), value: flowValue(intent) };
  if (intent === 'contact_support') return NAV_BUTTONS.human;
  return { label: kit.topicLabel(intent), value: infoValue(intent) };
}

/**
 * Read as affirm/deny, but not reply-shaped: the next topic the classifier saw, if any; otherwise
 * a reprompt in a flow, or "what is the problem?" with the menu, never "Alright!".
 */
function notYesOrNo(kit: PolicyKit, state: DialogueState, nlu: NluResult, text: string, now: number, miss: () => Result): Result {
  const topic = nlu.ranking.find((r) => TOPIC_INTENTS.has(r.intent) && r.confidence >= kit.settings.minTopicConfidence / 4);
  if (topic) return byIntent(kit, state, topic.intent, { ...nlu, intent: topic.intent, confidence: topic.confidence }, text, now, miss);
  if (state.frame) return miss();
  return { state, effects: [say(LINES.whatProblem, kit.menuButtons(state))], signals: [{ kind: 'fallback' }] };
}

/** Mid-task, another task: switch at once when sure, otherwise offer it (and the runner-up) beside carrying on. */
function otherTask(kit: PolicyKit, state: DialogueState, frame: Frame, intent: IntentName, nlu: NluResult, text: string, now: number): Result {
  const words = text.trim().split(/\s+/).length;
  if (nlu.confidence >= kit.settings.switchConfidence && words >= 3) return kit.startFlow(state, intent, nlu.entities, now, [say(LINES.switching(kit.title(intent)))]);
  // The runner-up too, while it is still plausible (within 0.5 of the top reading).
  const runnerUp = nlu.ranking[1];
  const alsoOffer = runnerUp && runnerUp.intent !== intent && runnerUp.intent !== frame.flow && kit.flows.has(runnerUp.intent) && nlu.confidence - runnerUp.confidence < 0.5;
  const offered = alsoOffer ? [intent, runnerUp.intent] : [intent];
  const buttons = offered.map((i) => ({ label: (offered.length === 1 ? `Yes, ${kit.topicLabel(i)}` : kit.topicLabel(i)).slice(0, 60), value: flowValue(i) }));
  const line = offered.length === 1 ? LINES.confirmSwitch(kit.title(frame.flow), kit.title(intent)) : LINES.confirmSwitchEither(kit.title(frame.flow));
  const first = buttons[0];
  const yesNo = offered.length === 1 && first ? { yes: first.value, no: navValue('continue') } : null;
  return { state: { ...state, yesNo }, effects: [say(line, [...buttons, NAV_BUTTONS.continue])] };
}

/**
 * The flow for a task the message names: its own, unless the message states a fact another flow
 * is the place for and this one never asks about ("there's no Alipay option at checkout", read as
 * a declined payment). "Adding my Visa, it says card not supported" stays in linking, which has
 * its own step for that. A task whose goal the message says is reached gives way to the next one.
 */
function flowFor(kit: PolicyKit, intent: string, nlu: NluResult): string {
  if (nlu.facts.length === 0) return intent;
  // "Linked it yesterday, now the payment asks for verification": the next task in the ranking.
  const next = nlu.ranking.find((r) => r.intent !== intent && givesWayTo(kit, intent, r.intent, nlu));
  if (next) return next.intent;
  // How far the person got ("I have the app and an account") keeps no task: it says where to
  // start, while the problem they state says which task it is.
  const problem = { ...nlu, facts: nlu.facts.filter((f) => !PROGRESS.has(factKey(f))) };
  if (problem.facts.length === 0 || owns(kit, intent, problem)) return intent;
  const byRank = nlu.ranking.map((r) => r.intent as string).filter((id) => kit.flows.has(id));
  const other = [...byRank, ...kit.flows.keys()].find((id) => id !== intent && owns(kit, id, problem));
  // "I want to verify my account but it keeps rejecting my passport photo", read as setting up: the
  // flow that owns the problem, when the classifier also found it plausible, rather than one that
  // only asks about it somewhere later.
  const otherConfidence = nlu.ranking.find((r) => r.intent === other)?.confidence ?? 0;
  if (other && otherConfidence >= PLAUSIBLE_OWNER) return other;
  if (askedAbout(kit, intent, problem)) return intent;
  return other ?? intent;
}

/** A flow that owns the stated problem takes the task from this confidence of the classifier on. */
const PLAUSIBLE_OWNER = 0.15;

/** Facts of how far the person got, not of a problem. */
const PROGRESS = new Set(['setup.app_installed', 'setup.signed_up', 'setup.payment_password_set', '!setup.no_account', 'setup.card_linked']);

/** Words of a request to reach someone, in English and in the words people mix in. */
const CONTACT_WORDS =
  /\b(contact\w*|call\w*|phone\w*|ring|e-?mail\w*|mail|write|writ\w*|reach\w*|talk\w*|speak\w*|chat\w*|support|service|helpline|hotline|help ?desk|number|agent|human|person|people|someone|somebody|anyone|staff|team|customer care|complain\w*|report\w*|ticket|dispute|escalat\w*|who|whom|hubungi|kontak\w*|llamar|ligar|contatar|contacto|contato|appeler|anrufen)\b/;

/** Words of a request for the bot's own help or menu ("what can you do?", "show options"). */
const ABOUT_THE_BOT = /\b(you|u|bot|this|menu|options?|commands?|help|features?)\b/i;

/** Facts naming a problem of its own (a forgotten password, a scam text), not a step of a walkthrough. */
const PROBLEM_NAMESPACES = ['security.'];

function statesProblemOutsideFlow(kit: PolicyKit, intent: string, nlu: NluResult): boolean {
  const flow = kit.flows.get(intent);
  if (!flow) return false;
  const named = factReferences([flow]);
  return nlu.facts.some((f) => !f.negated && PROBLEM_NAMESPACES.some((ns) => f.name.startsWith(ns)) && !named.has(f.name));
}

/** Whether what the person said already moves the flow past its first question (then the flow is the answer). */
function startsFurther(kit: PolicyKit, state: DialogueState, flowId: string, nlu: NluResult): boolean {
  const trial = kit.engine.start(flowId, nlu.entities, state.facts);
  return trial.exit !== undefined || trial.frame?.step !== kit.engine.flow(flowId).start;
}

/**
 * A report of what the person checked ("the number is right and the wifi works"): looked up beside
 * the step in case it answers it; if nothing is found, what they told us is kept and the step's own
 * advice is what is left to try. Then the step's question again.
 */
export function notedWithStepAdvice(kit: PolicyKit, state: DialogueState, text: string, options: { lookUp?: boolean } = {}): Result {
  const frame = state.frame;
  if (!frame) return { state, effects: [say(LINES.noted)] };
  const step = kit.engine.currentStep(frame);
  const stepSection = step.sections?.[0];
  const otherwise = stepSection ? { text: LINES.notedRestOfStep, section: stepSection } : { text: LINES.noted };
  // The result of a check the step asked for is answered by the step's own advice: nothing to look up.
  if (options.lookUp === false) return kit.reask(state, stepSection ? [{ type: 'say_section', section: stepSection, intro: otherwise.text }] : [say(otherwise.text)]);
  return kit.reask(state, [{ type: 'answer', query: text, context: { topic: frame.flow, sections: [...(step.sections ?? []), ...state.shown] }, otherwise }]);
}

export function byIntent(kit: PolicyKit, state: DialogueState, intent: IntentName, nlu: NluResult, text: string, now: number, miss: () => Result): Result {
  const frame = state.frame;
  switch (intent) {
    case 'contact_support': {
      // "What exactly is Alipay?" read as contact: a message that asks to reach nobody is answered
      // as the question it is (the next topic, or a search), not with the support channels.
      // Alipay is named in nearly every message; the bank, the seller or Alibaba say more ("what do I tell my bank").
      const party = namedParties(text).some((p) => p !== 'contact-support#alipay-support');
      if (state.topic !== 'contact_support' && !CONTACT_WORDS.test(text.toLowerCase()) && !party) {
        const next = nlu.ranking.find((r) => r.intent !== 'contact_support' && TOPIC_INTENTS.has(r.intent) && r.confidence >= kit.settings.minTopicConfidence);
        if (next) return byIntent(kit, state, next.intent, { ...nlu, intent: next.intent, confidence: next.confidence }, text, now, miss);
        if (nlu.asksQuestion) return frame ? answerMidTask(kit, state, text) : answerQuestion(state, text);
      }
      return contactAnswer(kit, state, nlu, text);
    }
    case 'help':
      // Mid-task, "what else can I use then?" asks about the problem, not about the bot.
      if (frame && nlu.asksQuestion && !ABOUT_THE_BOT.test(text)) return answerMidTask(kit, state, text);
      return navigate(kit, state, 'help', now);
    case 'cancel':
      // "ok let's continue" may read as cancel to the classifier; the words decide.
      return navigate(kit, state, asksToContinue(text) ? 'continue' : 'cancel', now);
    case 'greeting':
      if (frame) return kit.reask(state, [say(LINES.greetingInFlow(kit.title(frame.flow)))]);
      // "hey, I'm back" with a task kept: welcome them back to it, Resume first.
      if (state.paused) return { state: { ...state, yesNo: { yes: navValue('resume'), no: navValue('menu') } }, effects: [say(LINES.resumeOffer(kit.title(state.paused.flow)), kit.menuButtons(state))] };
      return { state, effects: [say(LINES.greeting, kit.menuButtons(state))] };
    case 'thanks':
      return leavingMidTask(kit, state, true);
    case 'goodbye':
      return leavingMidTask(kit, state, false);
    case 'affirm':
    case 'deny': {
      // Only a reply-shaped message is a yes or a no; a sentence with a "no" in it says something else.
      if (!isBareReply(text)) return notYesOrNo(kit, state, nlu, text, now, miss);
      if (frame) return miss();
      return intent === 'affirm' ? { state, effects: [say(LINES.affirmNoFlow, kit.menuButtons(state))] } : { state, effects: [say(LINES.denyNoFlow)] };
    }
    case 'out_of_scope':
      // Mid-task, a question we may still be able to look up ("and a virtual card, is that a thing?").
      if (frame && hasNamedOutOfScopeAnswer(nlu)) return outOfScopeMidTask(kit, state, nlu);
      if (frame && nlu.asksQuestion && !OTHER_PRODUCT_SUB_INTENTS.has(nlu.label ?? '')) return answerMidTask(kit, state, text);
      return frame ? miss() : outOfScope(kit, state, nlu, text);
    default:
      break;
  }
  // "My payment was flagged as suspicious": a reported problem, diagnosed, not an article to read.
  const stopped = nlu.facts.some((f) => !f.negated && STOPPED_PAYMENT_FACTS.has(f.name)) || STOPPED_PAYMENT_KINDS.has(nlu.entities.errorKind ?? '');
  // A scam link clicked, a password given away: a safety matter first, not a payment to diagnose.
  const safety = nlu.facts.some((f) => !f.negated && f.name.startsWith('security.'));
  if (isInfoTopic(intent) && stopped && !safety && !nlu.asksQuestion && kit.flows.has(DIAGNOSIS_FLOW) && frame?.flow !== DIAGNOSIS_FLOW) {
    return frame ? otherTask(kit, state, frame, DIAGNOSIS_FLOW, { ...nlu, intent: DIAGNOSIS_FLOW }, text, now) : kit.startFlow(state, DIAGNOSIS_FLOW, nlu.entities, now);
  }
  // "Nothing in the notifications about verifying anything" mid-diagnosis: what the message only
  // denies is no other task; it reports on this one.
  // ("I haven't linked my card yet" denies progress, which does ask for the other task.)
  const deniesProblemsOnly = nlu.facts.length > 0 && nlu.facts.every((f) => f.negated && /^(error|verify|checkout)\./.test(f.name));
  if (frame && frame.flow !== intent && kit.flows.has(intent) && !nlu.asksQuestion && deniesProblemsOnly) {
    return byIntent(kit, state, frame.flow as IntentName, { ...nlu, intent: frame.flow as IntentName }, text, now, miss);
  }
  if (kit.flows.has(intent)) {
    if (!frame) {
      const flowId = flowFor(kit, intent, nlu);
      if (flowId !== intent) return byIntent(kit, state, flowId as IntentName, { ...nlu, intent: flowId as IntentName }, text, now, miss);
      // A specific question the flow's first step would not answer: answer it, offer the walkthrough.
      const diagnosis = kit.engine.flow(intent).diagnosis === true;
      // "I forgot my payment password": a problem the walkthrough never asks about is answered, the walkthrough offered.
      if (!diagnosis && statesProblemOutsideFlow(kit, intent, nlu)) return answerThenOffer(kit, state, intent, text);
      // A question that leans on the answer just shown ("is there another way to pay then") asks about
      // that answer: it is answered in its context and the walkthrough offered, even for a diagnosis.
      if (nlu.asksQuestion && nlu.followUp >= 0.5 && state.shown.length > 0 && !asksForWalkthrough(text)) return answerThenOffer(kit, state, intent, text);
      if (nlu.asksQuestion && !diagnosis && !asksForWalkthrough(text)) {
        if (!startsFurther(kit, state, intent, nlu)) return answerThenOffer(kit, state, intent, text);
        // "Does Alipay take debit? I only have a debit Mastercard": the answer (if we have one), then the task from where the message leaves it.
        return kit.startFlow(state, intent, nlu.entities, now, [{ type: 'answer', query: text, intents: [intent], ifFound: true }]);
      }
      return kit.startFlow(state, intent, nlu.entities, now);
    }
    // "How do I add it to Alipay then?" mid-diagnosis: a request to be walked through another task.
    if (nlu.asksQuestion && frame.flow !== intent && asksForWalkthrough(text) && nlu.confidence >= kit.settings.switchConfidence) return otherTask(kit, state, frame, intent, nlu, text, now);
    // A question about the task in hand, or about another one: answer it, then back to the question.
    if (nlu.asksQuestion) return answerMidTask(kit, state, text);
    // More about the same problem, but no answer to the question: a reprompt that says so.
    if (frame.flow === intent) {
      if (frame.misses >= 1) return miss();
      const marked = { ...state, frame: { ...frame, misses: 1 } };
      // "my app is from 2021", "I'm not visiting China though": something new that states none of
      // our facts and leans on what was just shown. Looked up beside the step, in case it answers it;
      // a restatement of the problem ("declined again, same error") is only reminded where we are.
      const restates = nlu.facts.some((f) => !f.negated && (f.name.startsWith('error.') || f.name === 'attempt.repeated')) || text.trim().split(/\s+/).length <= 3;
      if (!restates) return notedWithStepAdvice(kit, marked, text);
      return { ...kit.reask(marked, [say(LINES.alreadyOnIt(kit.title(intent)))]), signals: [{ kind: 'reprompt', misses: 1 }] };
    }
    return otherTask(kit, state, frame, intent, nlu, text, now);
  }
  if (isInfoTopic(intent)) return frame && nlu.asksQuestion ? answerMidTask(kit, state, text, nlu.followUp < 0.5 ? intent : undefined) : infoAnswer(kit, state, intent, text, nlu.followUp >= 0.5);
  return frame ? miss() : outOfScope(kit, state, nlu);
}
