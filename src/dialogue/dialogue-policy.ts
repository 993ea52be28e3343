/**
 * The dialogue policy: one pure step `(state, input) → {state, effects}` around the flow engine.
 * The engine walks a flow; this file holds the conversation skills a good support agent has:
 * answering a question mid-flow and coming back, switching task, "did you mean A or B?",
 * back / restart / cancel / help / a person at any time, reprompts, idle resume, handoff and quiet.
 */
import { ACTIONS } from '../core/actions.js';
import { TASK_INTENTS, INFORMATION_INTENTS, isIntentName, type IntentName } from '../core/intents.js';
import type { DialogueInput, DialoguePolicy, Effect, StepResult } from '../core/ports.js';
import type { Button, Entities, NluResult } from '../core/types.js';
import { LINES } from './bot-lines.js';
import { NAV_BUTTONS, asksToContinue, commandInText, flowValue, infoValue, navValue, parseButtonValue, type NavCommand } from './button-values.js';
import { initialDialogueState, parseDialogueState, type DialogueState, type Frame } from './dialogue-state.js';
import { FlowEngine, type FlowOutcome } from './flow-engine.js';
import type { FlowDefinition, FlowInput, FlowOption } from './flow-schema.js';
import { loadFlows } from './flow-registry.js';
import { INFO_TOPICS, isInfoTopic } from './info-topics.js';
import { matchOption, matchOptionWithCoverage } from './match-answer.js';
import { bareYesOrNo, hasNoWords, isBareReply, onlyPresentsSecret } from './message-shape.js';

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
}

export const DEFAULT_IDLE_MS = 30 * 60 * 1000;
export const DEFAULT_CLARIFY_MARGIN = 0.15;
export const DEFAULT_SWITCH_CONFIDENCE = 0.6;
export const DEFAULT_MIN_TOPIC_CONFIDENCE = 0.4;

/** Where a conversation is while a person handles it (the protocol's flow/step fields). */
export const HANDOFF_POSITION = { flow: 'contact_support', step: 'with_staff' } as const;
export const HANDOFF_SECTION = 'contact-support#who-to-contact';

type Result = StepResult<DialogueState>;

const TOPIC_INTENTS = new Set<string>([...TASK_INTENTS, ...INFORMATION_INTENTS]);

/**
 * The flow that diagnoses a problem the person reports: an information intent whose message carries
 * an error kind ("my payment was flagged as suspicious") is a problem to fix, not a question.
 */
const DIAGNOSIS_FLOW = 'payment_declined';
/**
 * Error kinds that say a payment was stopped. Others ("verification", "limit", "currency") also
 * come with questions about a charge or a cap ("a small charge from alipay verification").
 */
const STOPPED_PAYMENT_KINDS = new Set(['flagged', 'insufficient_funds', 'card_not_supported']);

/** "What are the fees…?", "how do I…", "is it safe…": a question rather than an answer. */
export function looksLikeQuestion(text: string): boolean {
  const t = text.trim().toLowerCase();
  return t.endsWith('?') || /^(what|how|why|when|where|which|who|is|are|can|could|do|does|will|would|should)\b/.test(t);
}

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

const say = (text: string, buttons?: Button[]): Effect => (buttons ? { type: 'say', text, buttons } : { type: 'say', text });

export function createDialoguePolicy(options: DialoguePolicyOptions = {}): DialoguePolicy<DialogueState> & { readonly flows: ReadonlyMap<string, FlowDefinition> } {
  const idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  const clarifyMargin = options.clarifyMargin ?? DEFAULT_CLARIFY_MARGIN;
  const switchConfidence = options.switchConfidence ?? DEFAULT_SWITCH_CONFIDENCE;
  const minTopicConfidence = options.minTopicConfidence ?? DEFAULT_MIN_TOPIC_CONFIDENCE;
  const flows = loadFlows(options.flows);
  const engine = new FlowEngine(flows);

  const title = (flowId: string): string => engine.flow(flowId).title;
  const resumeButton = (frame: Frame): Button => ({ label: `Resume ${title(frame.flow)}`.slice(0, 60), value: navValue('resume') });
  const menuButtons = (state?: DialogueState): Button[] => [
    ...(state?.paused ? [resumeButton(state.paused)] : []),
    ...[...flows.values()].map((f) => ({ label: f.label, value: flowValue(f.id) })),
    NAV_BUTTONS.human,
  ];
  const topicLabel = (intent: string): string => (flows.get(intent)?.label ?? (isInfoTopic(intent) ? INFO_TOPICS[intent].label : intent));

  /** The current question again, after something else was said. */
  function reask(state: DialogueState, lead: Effect[] = [], mode: 'full' | 'question' = 'question', leadText?: string): Result {
    if (!state.frame) return { state, effects: [...lead, say(leadText ?? LINES.done, menuButtons(state))] };
    return { state, effects: [...lead, ...engine.render(state.frame, mode, leadText)] };
  }

  function problemOf(frame: Frame | null): string {
    if (!frame) return 'The person asked to talk to a person.';
    const parts = [`Needs help with ${title(frame.flow)}.`];
    if (frame.slots['cardNetwork']) parts.push(`Card network: ${frame.slots['cardNetwork']}.`);
    if (frame.slots['errorKind']) parts.push(`Reported cause: ${frame.slots['errorKind'].replace(/_/g, ' ')}.`);
    parts.push(`Was at step "${frame.step}".`);
    return parts.join(' ');
  }

  /** A person takes over: who to contact for what, a redacted summary for staff, then quiet. */
  function handoff(state: DialogueState, frame: Frame | null, reason: string, now: number): Result {
    // Who handles what, unless the step the person is on has just shown it.
    const shown = frame ? (engine.currentStep(frame).sections ?? []).includes(HANDOFF_SECTION) : false;
    const effects: Effect[] = [
      ...(shown ? [] : [{ type: 'say_section', section: HANDOFF_SECTION, intro: 'Of course. So you know who handles what:' } satisfies Effect]),
      say(LINES.handoff),
      // Only what the bot knows from buttons and entities goes to staff: never the person's own words.
      { type: 'handoff', reason, problem: problemOf(frame), stepsTried: frame?.done ?? [], flow: frame?.flow ?? null },
    ];
    return {
      state: { ...state, frame: null, paused: frame ?? state.paused, handoff: { since: now, flow: frame?.flow ?? null } },
      effects,
    };
  }

  /** Applies what the engine did: a resting frame, a finished flow, a handoff or another flow. */
  function settle(state: DialogueState, outcome: FlowOutcome, now: number, lead: Effect[] = []): Result {
    const effects = [...lead, ...outcome.effects];
    const exit = outcome.exit;
    if (!exit) return { state: { ...state, frame: outcome.frame }, effects };
    if (exit.kind === 'handoff') {
      const handed = handoff(state, exit.frame, `asked for a person during ${title(exit.frame.flow)}`, now);
      return { state: handed.state, effects: [...effects, ...handed.effects] };
    }
    if (exit.kind === 'switch') {
      const next = engine.start(exit.flow, {});
      return settle({ ...state, frame: null }, next, now, effects);
    }
    const finished: DialogueState = { ...state, frame: null };
    if (finished.paused && finished.paused.flow !== exit.flow) {
      effects.push(say(LINES.backToEarlier(title(finished.paused.flow)), [resumeButton(finished.paused), NAV_BUTTONS.menu]));
      finished.yesNo = { yes: navValue('resume'), no: navValue('menu') };
    } else if (finished.paused?.flow === exit.flow) {
      finished.paused = null;
    }
    return { state: finished, effects };
  }

  function startFlow(state: DialogueState, flowId: string, entities: Entities, now: number, lead: Effect[] = []): Result {
    // Leaving another task for this one: keep it, so it can be resumed.
    const paused = state.frame && state.frame.flow !== flowId ? state.frame : state.paused?.flow === flowId ? null : state.paused;
    return settle({ ...state, frame: null, paused, topic: flowId }, engine.start(flowId, entities), now, lead);
  }

  function infoAnswer(previous: DialogueState, intent: keyof typeof INFO_TOPICS, text: string | undefined): Result {
    const state: DialogueState = { ...previous, topic: intent };
    const topic = INFO_TOPICS[intent];
    const inFlow = state.frame !== null;
    const offer = inFlow ? undefined : [...topic.offer, NAV_BUTTONS.menu];
    const effects: Effect[] = [];
    if (text && !topic.alwaysSections) {
      effects.push(offer ? { type: 'answer', query: text, intents: [intent], buttons: offer } : { type: 'answer', query: text, intents: [intent] });
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
      effects.push(say(LINES.carryOn(title(state.frame.flow)), [NAV_BUTTONS.continue, NAV_BUTTONS.menu]));
      return { state: { ...state, yesNo: { yes: navValue('continue'), no: navValue('menu') } }, effects };
    }
    return { state, effects };
  }

  function miss(state: DialogueState, text = ''): Result {
    const frame = state.frame;
    if (!frame) return { state, effects: [say(LINES.outOfScope, menuButtons(state))] };
    const misses = frame.misses + 1;
    if (misses > 2) {
      return {
        state: { ...state, frame: { ...frame, misses: 0 } },
        effects: [say(LINES.alternatives, [NAV_BUTTONS.restart, NAV_BUTTONS.menu, NAV_BUTTONS.human])],
      };
    }
    const next = { ...state, frame: { ...frame, misses } };
    // "Where do I find that?" about the step just shown: show the step again, not only its question.
    if (misses === 1 && looksLikeQuestion(text)) return reask(next, [], 'full', LINES.showAgain);
    return reask(next, [], 'question', misses === 1 ? LINES.reprompt : LINES.repromptAgain);
  }

  function navigate(state: DialogueState, command: NavCommand, now: number): Result {
    const frame = state.frame;
    switch (command) {
      case 'human':
        return handoff(state, frame, frame ? `asked for a person during ${title(frame.flow)}` : 'asked for a person', now);
      case 'back': {
        if (!frame) return { state, effects: [say(LINES.nothingToGoBackTo, menuButtons(state))] };
        const outcome = engine.back(frame);
        if (!outcome) return reask(state, [], 'question', LINES.backAtStart);
        return settle(state, outcome, now);
      }
      case 'restart':
        if (!frame) return { state, effects: [say(LINES.menu, menuButtons(state))] };
        return settle({ ...state, frame: null }, engine.start(frame.flow, {}), now, [say(LINES.restarted(title(frame.flow)))]);
      case 'cancel':
        if (!frame) return { state, effects: [say(LINES.nothingToCancel, menuButtons(state))] };
        return { state: { ...state, frame: null }, effects: [say(LINES.cancelled(title(frame.flow)), menuButtons({ ...state, frame: null }))] };
      case 'help':
        if (!frame) return { state, effects: [say(LINES.help, menuButtons(state))] };
        return reask(state, [say(LINES.helpInFlow(title(frame.flow)), [NAV_BUTTONS.restart, NAV_BUTTONS.cancel, NAV_BUTTONS.human])]);
      case 'menu': {
        const paused = frame ?? state.paused;
        const next = { ...state, frame: null, paused };
        return { state: next, effects: [say(LINES.menu, menuButtons(next))] };
      }
      case 'continue':
        if (frame) return reask(state, [], 'full', LINES.resumed(title(frame.flow)));
        return navigate(state, 'resume', now);
      case 'resume': {
        const paused = state.paused;
        if (!paused) return { state, effects: [say(LINES.nothingToResume, menuButtons(state))] };
        const next = { ...state, frame: { ...paused, misses: 0 }, paused: frame };
        return reask(next, [], 'full', LINES.resumed(title(paused.flow)));
      }
    }
  }

  function onAction(state: DialogueState, value: string, now: number): Result {
    const action = parseButtonValue(value);
    switch (action.kind) {
      case 'hand_back':
        return { state, effects: [say(LINES.notInHandoff, menuButtons(state))] };
      case 'nav':
        return navigate(state, action.command, now);
      case 'flow':
        if (!flows.has(action.flow)) break;
        return startFlow(state, action.flow, {}, now);
      case 'info':
        if (action.intent === 'contact_support') return navigate(state, 'human', now);
        if (!isInfoTopic(action.intent)) break;
        return infoAnswer(state, action.intent, undefined);
      case 'answer': {
        if (!state.frame) return { state, effects: [say(LINES.staleButton), say(LINES.done, menuButtons(state))] };
        const option = engine.currentStep(state.frame).options?.find((o) => o.value === action.value);
        if (!option) return reask(state, [say(LINES.staleButton)]);
        return settle(state, engine.choose(state.frame, option), now);
      }
      case 'unknown':
        break;
    }
    return reask(state, [say(LINES.unknownButton)]);
  }

  /** Top two topics too close to call (see DialoguePolicyOptions.clarifyMargin). */
  function closeCall(nlu: NluResult, frame: Frame | null): [string, string] | undefined {
    const [first, second] = nlu.ranking;
    if (!first || !second) return undefined;
    if (!TOPIC_INTENTS.has(first.intent) || !TOPIC_INTENTS.has(second.intent)) return undefined;
    if (frame && (first.intent === frame.flow || second.intent === frame.flow)) return undefined;
    if (first.confidence - second.confidence >= clarifyMargin) return undefined;
    return [first.intent, second.intent];
  }

  function clarifyButton(intent: string): Button {
    if (flows.has(intent)) return { label: topicLabel(intent), value: flowValue(intent) };
    if (intent === 'contact_support') return NAV_BUTTONS.human;
    return { label: topicLabel(intent), value: infoValue(intent) };
  }

  /**
   * Read as affirm/deny, but not reply-shaped: the next topic the classifier saw, if any; otherwise
   * a reprompt in a flow, or "what is the problem?" with the menu, never "Alright!".
   */
  function notYesOrNo(state: DialogueState, nlu: NluResult, text: string, now: number): Result {
    const topic = nlu.ranking.find((r) => TOPIC_INTENTS.has(r.intent) && r.confidence >= minTopicConfidence / 4);
    if (topic) return byIntent(state, topic.intent, { ...nlu, intent: topic.intent, confidence: topic.confidence }, text, now);
    if (state.frame) return miss(state, text);
    return { state, effects: [say(LINES.whatProblem, menuButtons(state))] };
  }

  function byIntent(state: DialogueState, intent: IntentName, nlu: NluResult, text: string, now: number): Result {
    const frame = state.frame;
    const words = text.trim().split(/\s+/).length;
    switch (intent) {
      case 'contact_support':
        return navigate(state, 'human', now);
      case 'help':
        return navigate(state, 'help', now);
      case 'cancel':
        // "ok let's continue" may read as cancel to the classifier; the words decide.
        return navigate(state, asksToContinue(text) ? 'continue' : 'cancel', now);
      case 'greeting':
        return frame ? reask(state, [say(LINES.greetingInFlow(title(frame.flow)))]) : { state, effects: [say(LINES.greeting, menuButtons(state))] };
      case 'thanks':
        return frame ? reask(state, [say(LINES.thanksInFlow)]) : { state, effects: [say(LINES.thanks, menuButtons(state))] };
      case 'goodbye':
        if (!frame) return { state, effects: [say(LINES.goodbye)] };
        return { state: { ...state, frame: null, paused: frame }, effects: [say(LINES.goodbyeInFlow(title(frame.flow)), [resumeButton(frame)])] };
      case 'affirm':
      case 'deny': {
        // Only a reply-shaped message is a yes or a no; a sentence with a "no" in it says something else.
        if (!isBareReply(text)) return notYesOrNo(state, nlu, text, now);
        if (frame) return miss(state, text);
        return intent === 'affirm' ? { state, effects: [say(LINES.affirmNoFlow, menuButtons(state))] } : { state, effects: [say(LINES.denyNoFlow)] };
      }
      case 'out_of_scope':
        return frame ? miss(state, text) : { state, effects: [say(LINES.outOfScope, menuButtons(state))] };
      default:
        break;
    }
    // "My payment was flagged as suspicious": a reported problem, diagnosed, not an article to read.
    if (isInfoTopic(intent) && STOPPED_PAYMENT_KINDS.has(nlu.entities.errorKind ?? '') && !looksLikeQuestion(text) && flows.has(DIAGNOSIS_FLOW)) {
      if (!frame) return startFlow(state, DIAGNOSIS_FLOW, nlu.entities, now);
      if (frame.flow !== DIAGNOSIS_FLOW) return byIntent(state, DIAGNOSIS_FLOW as IntentName, { ...nlu, intent: DIAGNOSIS_FLOW as IntentName }, text, now);
    }
    if (flows.has(intent)) {
      if (!frame) return startFlow(state, intent, nlu.entities, now);
      // More about the same problem, but no answer to the question: a reprompt that says so.
      if (frame.flow === intent) return frame.misses >= 1 ? miss(state, text) : reask({ ...state, frame: { ...frame, misses: 1 } }, [say(LINES.alreadyOnIt(title(intent)))]);
      if (nlu.confidence >= switchConfidence && words >= 3) return startFlow(state, intent, nlu.entities, now, [say(LINES.switching(title(intent)))]);
      // Unsure: offer the likely tasks (the runner-up too, when it is another task), and carrying on.
      // The runner-up too, while it is still plausible (within 0.5 of the top reading).
      const runnerUp = nlu.ranking[1];
      const alsoOffer = runnerUp && runnerUp.intent !== intent && runnerUp.intent !== frame.flow && flows.has(runnerUp.intent) && nlu.confidence - runnerUp.confidence < 0.5;
      const offered = alsoOffer ? [intent, runnerUp.intent] : [intent];
      const buttons = offered.map((i) => ({ label: (offered.length === 1 ? `Yes, ${topicLabel(i)}` : topicLabel(i)).slice(0, 60), value: flowValue(i) }));
      const text2 = offered.length === 1 ? LINES.confirmSwitch(title(frame.flow), title(intent)) : LINES.confirmSwitchEither(title(frame.flow));
      const first = buttons[0];
      const yesNo = offered.length === 1 && first ? { yes: first.value, no: navValue('continue') } : null;
      return { state: { ...state, yesNo }, effects: [say(text2, [...buttons, NAV_BUTTONS.continue])] };
    }
    if (isInfoTopic(intent)) return infoAnswer(state, intent, text);
    return frame ? miss(state, text) : { state, effects: [say(LINES.outOfScope, menuButtons(state))] };
  }

  function onText(state: DialogueState, input: DialogueInput, clarify: string[] | null, yesNo: DialogueState['yesNo']): Result {
    // The cleaner truncates long messages; this bounds the matching work whatever arrives.
    const text = (input.message.text ?? '').slice(0, 4000);
    const frame = state.frame;
    const now = input.now;
    if (input.notes.includes('empty') || text.trim() === '' || (hasNoWords(text) && !commandInText(text))) {
      return frame ? reask(state, [say(LINES.emptyInFlow)]) : { state, effects: [say(LINES.empty, menuButtons(state))] };
    }
    if (input.notes.includes('non_english')) return frame ? reask(state, [say(LINES.nonEnglish)]) : { state, effects: [say(LINES.nonEnglish, menuButtons(state))] };
    if (input.notes.includes('emoji_only')) return frame ? reask(state, [say(LINES.emojiOnly)]) : { state, effects: [say(LINES.emojiOnly, menuButtons(state))] };

    const command = commandInText(text);
    if (command) return navigate(state, command, now);

    // "here it is [card number]": the privacy warning is the whole reply; the words around a
    // pasted secret answer nothing and name no topic.
    if (onlyPresentsSecret(text)) return frame ? reask(state) : { state, effects: [say(LINES.secretOnly, menuButtons(state))] };

    // The bot's own yes/no question ("Shall we carry on with …?", "Would you like to go back to …?"):
    // a bare "yes" / "no thanks" answers that, not the step's question ("yes it's enabled" still does).
    const reply = yesNo ? bareYesOrNo(text) : undefined;
    if (yesNo && reply) return onAction(state, reply === 'yes' ? yesNo.yes : yesNo.no, now);

    const nlu = input.nlu;
    // A typed answer to "did you mean A or B?" ("the first one", "fees").
    if (clarify) {
      const choices: FlowOption[] = clarify.map((intent) => ({ value: intent, label: topicLabel(intent), then: [{ to: '@end' }] }));
      const ordinal = /\b(first|former)\b/.test(text.toLowerCase()) ? choices[0] : /\b(second|latter|last)\b/.test(text.toLowerCase()) ? choices[1] : undefined;
      const picked = ordinal ?? matchOption(choices, text, null);
      if (picked) {
        const value = clarifyButton(picked.value).value;
        return onAction(state, value, now);
      }
    }

    if (frame) {
      const step = engine.currentStep(frame);
      const match = matchOptionWithCoverage(step.options ?? [], text, nlu);
      // "What are the fees on a Visa?" names an option but asks about something else: a confident
      // other topic wins over an option that explains little of the message.
      const elsewhere =
        nlu !== null &&
        nlu.confidence >= switchConfidence &&
        (match?.coverage ?? 0) < 0.5 &&
        (looksLikeQuestion(text) || text.trim().split(/\s+/).length >= 6) &&
        ((flows.has(nlu.intent) && nlu.intent !== frame.flow) || (INFORMATION_INTENTS as readonly string[]).includes(nlu.intent)) &&
        !match?.option.match?.intents?.includes(nlu.intent);
      if (match && !elsewhere) return settle(state, engine.choose(frame, match.option, nlu?.entities ?? {}), now);
    }

    if (!nlu) return miss(state, text);
    // Mid-flow, an unsure reading of an answer that fits no option is a reprompt, not a new topic.
    if (frame && nlu.intent !== 'contact_support' && nlu.confidence < minTopicConfidence) return miss(state, text);
    const close = closeCall(nlu, frame);
    if (close) {
      // Mid-flow, carrying on is one of the choices too.
      const stay = frame ? [NAV_BUTTONS.continue] : [];
      return { state: { ...state, clarify: close }, effects: [say(LINES.clarify, [...close.map(clarifyButton), ...stay, NAV_BUTTONS.menu])] };
    }
    return byIntent(state, nlu.intent, nlu, text, now);
  }

  function stepWithStaff(previous: DialogueState, input: DialogueInput): Result {
    const now = input.now;
    let state: DialogueState = { ...previous, turns: previous.turns + 1 };
    const action = input.message.action;

    // With a person: quiet until staff hand the conversation back.
    if (state.handoff) {
      // Quiet, except to warn about a pasted secret: staff can read the message too.
      const warn = input.redactions.length > 0 && action === undefined ? [say(LINES.privacy)] : [];
      if (action !== ACTIONS.handBack) return { state: { ...state, lastActiveAt: now }, effects: warn };
      const back: DialogueState = { ...state, handoff: null, yesNo: null, lastActiveAt: now };
      return { state: back, effects: [say(LINES.handBack, menuButtons(back))] };
    }

    const lead: Effect[] = [];
    if (input.redactions.length > 0) lead.push(say(LINES.privacy));
    if (input.notes.includes('truncated')) lead.push(say(LINES.truncated));

    // Idle too long: start fresh, and offer to resume where we were.
    let idled = false;
    if (state.frame && now - state.lastActiveAt > idleMs) {
      lead.push(say(LINES.resumeOffer(title(state.frame.flow)), [resumeButton(state.frame)]));
      state = { ...state, paused: state.frame, frame: null };
      idled = true;
    }
    const clarify = state.clarify;
    const yesNo = idled ? null : state.yesNo;
    state = { ...state, lastActiveAt: now, clarify: null, yesNo: null };

    if (idled && action === undefined && (input.nlu?.intent === 'greeting' || (input.message.text ?? '').trim() === '')) {
      return { state, effects: resumeOnce([...lead, say(LINES.done, menuButtons(state))]) };
    }
    const result = action !== undefined ? onAction(state, action, now) : onText(state, input, clarify, yesNo);
    return { state: result.state, effects: resumeOnce([...lead, ...result.effects]) };
}

  return {
    flows,
    initialState: (now) => initialDialogueState(now),
    parseState: (raw) => parseDialogueState(raw, flows),
    position(state) {
      if (state.handoff) return { ...HANDOFF_POSITION };
      return state.frame ? { flow: state.frame.flow, step: state.frame.step } : { flow: null, step: null };
    },
    context(state) {
      const topic = state.frame?.flow ?? state.topic;
      return { topic: topic && isIntentName(topic) ? topic : null, flow: state.frame?.flow ?? null, step: state.frame?.step ?? null };
    },
    step(previous, input): Result {
      // No staff watching this channel (terminal, chat --json, or no handoff channel configured):
      // a handoff becomes a referral, and the bot never goes quiet with nobody to take over.
      if (input.staffAvailable) return stepWithStaff(previous, input);
      const result = stepWithStaff(previous.handoff ? { ...previous, handoff: null } : previous, input);
      if (!result.state.handoff) return result;
      const state: DialogueState = { ...result.state, handoff: null };
      const effects = result.effects.map((e) => (e.type === 'say' && e.text === LINES.handoff ? say(LINES.referral, menuButtons(state)) : e));
      return { state, effects };
    },
  };
}
