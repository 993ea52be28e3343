/**
 * A typed message, in the order a good support agent listens: commands (back, cancel, a person)
 * → what the person says about how it went → an answer to the question asked (from the facts they
 * stated, their words, an entity) → a question of theirs (answered, then back to ours) → another
 * task or topic → a reprompt. What they tell us is remembered for the rest of the conversation.
 */
import type { DialogueInput, Effect } from '../core/ports.js';

/** What to send support instead of secrets (and that nobody should ask for codes or passwords). */
const SAFE_TO_SEND = 'contact-support#what-to-include';
import type { CardNetwork, Entities, ErrorKind, NluResult, Status } from '../core/types.js';
import { asksForWalkthrough, hasNamedOutOfScopeAnswer, outOfScope } from './answers.js';
import { byIntent, clarifyButton, closeCall, notedWithStepAdvice, settledByFacts } from './by-intent.js';
import { LINES } from './bot-lines.js';
import { NAV_BUTTONS, commandInText } from './button-values.js';
import type { DialogueState } from './dialogue-state.js';
import type { FlowOption, FlowStep } from './flow-schema.js';
import { wantsPerson } from './handoff.js';
import { factKey, learnFacts } from './known-facts.js';
import { matchOption, matchOptionWithCoverage } from './match-answer.js';
import { asksAboutSharingSecret, asksAboutTheLastAnswer, bareYesOrNo, hasNoWords, onlyPresentsSecret, questionBesideAnswer, reportsChecks, toldAsCheck } from './message-shape.js';
import { lateSuccess, offersPerson, stepShowing } from './flow-position.js';
import { navigate } from './navigation.js';
import { statusOutsideFlow, statusWithoutOption } from './outcomes.js';
import { messageText, say, type PolicyKit, type Result } from './policy-kit.js';
import { onAction } from './route-action.js';
import { SUCCESS_WORDS, namedCause, retryQuestion, startsNewProblem } from './report-moves.js';

/** The card and the error a message named (what a task picked from "did you mean…?" starts with). */
export function cardAndError(entities: { cardNetwork?: CardNetwork | undefined; errorKind?: ErrorKind | undefined }): Entities {
  return { ...(entities.cardNetwork ? { cardNetwork: entities.cardNetwork } : {}), ...(entities.errorKind ? { errorKind: entities.errorKind } : {}) };
}

/** The option a stated status picks: declared for it, or else the step's yes (solved) or no (still failing). */
function optionForStatus(step: FlowStep, status: Status, goodEnding?: string): FlowOption | undefined {
  const options = step.options ?? [];
  const declared = options.find((o) => o.match?.status?.includes(status));
  if (declared) return declared;
  // Leaving or going elsewhere is never a "yes" or a "no" to the question.
  if (status === 'will_act_elsewhere' || status === 'leaving') return undefined;
  // "Sorted, cheers" is not a "yes" to "shall I pass you to a person?", and "still failing" is not
  // "no, I'll contact them myself": a question that offers a person is not asking whether it worked.
  if (offersPerson(step)) return undefined;
  const polar = options;
  // In a flow with a good ending of its own, "it worked" is a yes to "did it work?" or "did you
  // find it?", not to "is your card enabled?" (that one goes to the ending).
  const aboutSuccess = (o: FlowOption): boolean => goodEnding === undefined || SUCCESS_WORDS.some((w) => o.synonyms?.includes(w) || o.label.toLowerCase().includes(w));
  if (status === 'solved') return polar.find((o) => o.polarity === 'yes' && aboutSuccess(o));
  if (status === 'still_failing') return polar.find((o) => o.polarity === 'no');
  return undefined;
}

/**
 * "It went through! But can you check where my goods are?": after the task's own reply, the honest
 * answer to a question that is not ours (who handles shipping), when the task is over.
 */
function alsoNotOurs(kit: PolicyKit, reply: Result, nlu: NluResult | null): Result {
  if (reply.state.frame || !nlu?.asksQuestion || nlu.intent !== 'out_of_scope' || !hasNamedOutOfScopeAnswer(nlu)) return reply;
  const notOurs = outOfScope(kit, reply.state, nlu);
  return { ...reply, state: notOurs.state, effects: [...reply.effects, ...notOurs.effects] };
}

/** Reprompts: short the first time, worded differently the second, then other ways forward. */
function miss(kit: PolicyKit, state: DialogueState): Result {
  const frame = state.frame;
  if (!frame) return { state, effects: [say(LINES.outOfScope, kit.menuButtons(state))], signals: [{ kind: 'fallback' }] };
  const misses = frame.misses + 1;
  const signals = [{ kind: 'reprompt' as const, misses }];
  if (misses > 2) {
    return { state: { ...state, frame: { ...frame, misses: 0 } }, effects: [say(LINES.alternatives, [NAV_BUTTONS.restart, NAV_BUTTONS.menu, NAV_BUTTONS.human])], signals };
  }
  return { ...kit.reask({ ...state, frame: { ...frame, misses } }, [], 'question', misses === 1 ? LINES.reprompt : LINES.repromptAgain), signals };
}

/** What the message told us, remembered for the conversation and for the task in hand. */
function learn(kit: PolicyKit, state: DialogueState, nlu: NluResult | null): DialogueState {
  if (!nlu || nlu.facts.length === 0) return state;
  const facts = learnFacts(state.facts, nlu.facts);
  return { ...state, facts, frame: state.frame ? kit.engine.learn(state.frame, nlu.facts) : null };
}

function inFlow(kit: PolicyKit, state: DialogueState, nlu: NluResult | null, text: string, now: number): Result {
  const frame = state.frame;
  if (!frame) return outsideFlow(kit, state, nlu, text, now);
  const step = kit.engine.currentStep(frame);
  const status = nlu?.status ?? null;
  // What the message reports of the checks the step asked for is noted, not read as a new cause:
  // told as a check (with the history looked at too, or asking what it means), not as news from
  // the bank ("also my bank says they see no attempt" still points to Alipay's side).
  const told = nlu ? nlu.facts.map(factKey) : [];
  const checks = new Set(nlu && toldAsCheck(nlu.asksQuestion, text) ? (step.checks ?? []) : []);
  const said = told.filter((key) => !checks.has(key));
  if (!status && said.length === 0 && told.length > said.length) return notedWithStepAdvice(kit, state, text, { lookUp: false });

  // An answer looked up beside the step, said only when something good enough is found.
  const answerBeside = (query: string): Effect[] => [{ type: 'answer', query, context: { topic: frame.flow, sections: step.sections ?? [] }, ifFound: true }];
  // "Code came, I'm registered. Can the payment password be my login one?": the answer moves the
  // task on, and the question beside it is answered too.
  const asked = nlu?.asksQuestion ? questionBesideAnswer(text) : undefined;
  const alsoAnswer = asked ? answerBeside(asked) : [];

  // "Did that fix it?" → "still the same", "it worked"; a fact that answers the question ("the bank
  // refused it"); "I tried with the 0 and without it too" at "did it work this time?" is a no.
  // "Got a new card, added it and it worked!" at any step of linking: the task's goal is reached.
  const goal = kit.engine.flow(frame.flow).reachedBy ?? [];
  // "Card is showing in Alipay now and I made it default": the goal said outright is reached too,
  // also beside a question ("The card is there now. So I can pay now?"), though not when only a
  // question names it ("is my card linked now?", "after it is linked, how much can I pay?").
  const goalStated = (nlu?.facts ?? []).some((fact) => goal.includes(factKey(fact)) && !fact.inQuestion);
  if (goalStated && (status === 'solved' || status === null)) {
    // The task's own good ending when it has one ("Your card is linked"), else "glad it's sorted".
    const ending = kit.engine.flow(frame.flow).solved;
    if (!ending) return statusWithoutOption(kit, state, 'solved', text);
    const reached: FlowOption = { value: 'worked', label: 'It worked', polarity: 'yes', then: [{ to: ending }] };
    return kit.settle(state, kit.engine.choose(frame, reached, nlu?.entities ?? {}, said), now, alsoAnswer);
  }
  // "Called the bank, they unblocked it (gonna try again)": the way is clear, so the next thing is a
  // new try, at the question that asks whether it worked (the one before "who to contact", if we got there).
  const retry = (status === null || status === 'will_act_elsewhere') && said.includes('attempt.block_lifted') ? retryQuestion(kit, frame) : undefined;
  if (retry) return kit.reask({ ...state, frame: retry }, [say(LINES.tryAgainNow), ...alsoAnswer], 'question');
  // "The message only says: contact your card issuer" at the limits step, "tried again, now it says
  // system busy": in a diagnosis, an error named now that points to a cause not looked at yet starts
  // that cause's help, rather than the next cause in the usual order.
  const renamed = status === null || status === 'still_failing' ? namedCause(kit, frame, said, nlu?.entities ?? {}) : undefined;
  if (renamed) return kit.settle(state, renamed, now, alsoAnswer);
  // "Where could it be hiding? I scrolled the page twice" asks first: the tries are its backstory.
  // "It goes to the same passport page again", "still says card not supported" at "did that sort it
  // out?": the problem told again, with nothing new, is a no.
  const restated = said.includes('attempt.repeated') || said.some((key) => key.startsWith('error.') || key === 'verify.rejected');
  const triedAgain = !status && !nlu?.asksQuestion && restated ? optionForStatus(step, 'still_failing') : undefined;
  const picked = (status ? optionForStatus(step, status, kit.engine.flow(frame.flow).solved) : undefined) ?? kit.engine.answeredByFacts(step, said) ?? triedAgain;
  if (picked) return alsoNotOurs(kit, kit.settle(state, kit.engine.choose(frame, picked, nlu?.entities ?? {}, said), now, alsoAnswer), nlu);
  // "Changed the address and it worked!" at "is your card enabled?": the task's own good ending.
  const goodEnding = status === 'solved' ? kit.engine.flow(frame.flow).solved : undefined;
  if (goodEnding && !offersPerson(step)) {
    const worked: FlowOption = { value: 'worked', label: 'It worked', polarity: 'yes', then: [{ to: goodEnding }] };
    return alsoNotOurs(kit, kit.settle(state, kit.engine.choose(frame, worked, nlu?.entities ?? {}, said), now, alsoAnswer), nlu);
  }
  // "Ok it came now after 15 minutes" at who to contact: the task goes on from the question it answers.
  const late = status === 'solved' && offersPerson(step) ? lateSuccess(kit.engine, frame) : undefined;
  if (late) return kit.settle(state, late, now, alsoAnswer);

  // Going elsewhere or leaving is not an answer to the question, whatever words it shares with a
  // choice; nor is "no, still declined" to "a person, or will you contact them?".
  const goingAway = status === 'will_act_elsewhere' || status === 'leaving' || status === 'still_failing';
  const match = goingAway ? undefined : matchOptionWithCoverage(step.options ?? [], text, nlu);
  // "What are the fees on a Visa?" names an option but asks about something else.
  // "Done, put everything. now it asks a code but nothing arrives": a reply that opens with the
  // answer ("done", "yes", "no") answers the question first, whatever else it goes on to say.
  const opensWithAnswer = nlu !== null && ((nlu.intent === 'affirm' && match?.option.polarity === 'yes') || (nlu.intent === 'deny' && match?.option.polarity === 'no'));
  const questionElsewhere = nlu !== null && nlu.asksQuestion && !opensWithAnswer && (match?.coverage ?? 0) < 0.5 && !match?.option.match?.intents?.includes(nlu.intent);
  // "Can I use my Visa debit instead?": a question that names a card the step asks about answers it
  // too, so it gets its answer (when we have one) and the task goes on with that card.
  const namedCard = nlu?.entities.cardNetwork;
  if (match && nlu?.asksQuestion && namedCard && match.option.match?.cardNetwork?.includes(namedCard) && namedCard !== frame.slots['cardNetwork']) {
    return kit.settle(state, kit.engine.choose(frame, match.option, nlu?.entities ?? {}, said), now, answerBeside(text));
  }
  if (match && !questionElsewhere) return kit.settle(state, kit.engine.choose(frame, match.option, nlu?.entities ?? {}, said), now, alsoAnswer);

  if (status) {
    // "I'll check the notifications. What about the fee, does Alipay charge me?": the question is
    // answered before the task is kept for later.
    const reply = alsoNotOurs(kit, statusWithoutOption(kit, state, status, text), nlu);
    return alsoAnswer.length > 0 ? { ...reply, effects: [...alsoAnswer, ...reply.effects] } : reply;
  }
  if (!nlu) return miss(kit, state);
  // "Yes, international is on, the bank confirmed" that picks none of the choices: what it told us
  // is kept, and the question is asked again without claiming we did not understand. "Yes the
  // number is right and the wifi works" reports the checks the step asked for: its advice again.
  if (nlu.intent === 'affirm' && !nlu.asksQuestion && reportsChecks(text)) return notedWithStepAdvice(kit, state, text);
  if (nlu.intent === 'affirm' && said.length > 0 && !nlu.asksQuestion) return kit.reask(state, [], 'question', LINES.noted);
  // Mid-flow, an unsure reading that fits no option is a reprompt, unless it asks something we can look up.
  if (nlu.confidence < kit.settings.minTopicConfidence && !nlu.asksQuestion && nlu.intent !== 'contact_support') return miss(kit, state);
  // Two other tasks too close to call: ask which, with carrying on as a choice.
  const close = nlu.asksQuestion ? undefined : closeCall(kit, nlu, frame);
  const settled = close ? settledByFacts(kit, nlu, close) : undefined;
  if (settled) return byIntent(kit, state, settled, { ...nlu, intent: settled }, text, now, () => miss(kit, state));
  if (close) return { state: { ...state, clarify: close, clarifyEntities: cardAndError(nlu.entities) }, effects: [say(LINES.clarify, [...close.map((i) => clarifyButton(kit, i)), NAV_BUTTONS.continue, NAV_BUTTONS.menu])] };
  return byIntent(kit, state, nlu.intent, nlu, text, now, () => miss(kit, state));
}

/**
 * "Still nothing, tried 5 times" just after the answer about a missing code: a report on the step
 * that answer belongs to. The task picks up at that step's question, as a person helping would go
 * on, instead of starting again at its first question. Questions keep their own way (answered first).
 */
function pickedUpAtShownStep(kit: PolicyKit, state: DialogueState, nlu: NluResult, text: string): DialogueState | undefined {
  if (state.shown.length === 0 || state.frame) return undefined;
  const stillFailingOnTopic = nlu.status === 'still_failing' && state.topic !== null && kit.flows.has(state.topic);
  // The task of the message's intent, else of the topic it still fails on, else the one whose step
  // checks what the message reports ("nothing in the Alipay history nor in the bank app" after the
  // glitch advice, whatever the model makes of its words).
  const checkedBy = (flowId: string): string | undefined =>
    state.shown.map((section) => stepShowing(kit.engine, flowId, section)).find((id) => id !== undefined && (kit.engine.flow(flowId).steps[id]?.checks ?? []).some((key) => nlu.facts.some((f) => factKey(f) === key)));
  const byCheck = toldAsCheck(nlu.asksQuestion, text) ? [...kit.flows.keys()].find((id) => checkedBy(id) !== undefined) : undefined;
  const flowId = byCheck ?? (kit.flows.has(nlu.intent) ? nlu.intent : stillFailingOnTopic ? state.topic : null);
  // A task kept earlier is resumed where it stopped instead.
  if (!flowId || state.paused?.flow === flowId) return undefined;
  // The first of the sections just shown that a step of the task shows ("still not back after 12
  // days" after the fee text and the card check charge: the card check step).
  const step = state.shown.map((section) => stepShowing(kit.engine, flowId, section)).find((id) => id !== undefined);
  if (!step) return undefined;
  // A question keeps its own way (answered first), unless it comes with the checks that step asked
  // for: "the bank app shows nothing, in Alipay nothing too. so it did not go?" after the glitch advice.
  const checks = kit.engine.flow(flowId).steps[step]?.checks ?? [];
  if (nlu.asksQuestion && !nlu.facts.some((f) => checks.includes(factKey(f)))) return undefined;
  return { ...state, topic: flowId, frame: kit.engine.pickUpAt(flowId, step, nlu.entities, state.facts) };
}

function outsideFlow(kit: PolicyKit, state: DialogueState, nlu: NluResult | null, text: string, now: number): Result {
  if (!nlu) return { state, effects: [say(LINES.whatProblem, kit.menuButtons(state))], signals: [{ kind: 'fallback' }] };
  // "Nothing in the notifications, still failing" after "I'll check": the kept task goes on with
  // that answer instead of showing its last step again.
  const kept = state.paused;
  // Only a report (a status or a fact) moves it on; "back to linking my card" resumes it as before.
  const reports = nlu.status !== null || nlu.facts.length > 0;
  const aboutKept = kept !== null && !nlu.asksQuestion && reports && (nlu.intent === kept.flow || (nlu.status !== null && state.topic === kept.flow));
  if (kept && aboutKept) {
    const back: DialogueState = { ...state, paused: null, topic: kept.flow, frame: kit.engine.learn(kept, nlu.facts) };
    const result = inFlow(kit, back, nlu, text, now);
    if (!result.signals?.some((s) => s.kind === 'reprompt')) return { ...result, effects: [say(LINES.resumed(kit.title(kept.flow))), ...result.effects] };
  }
  const pickedUp = pickedUpAtShownStep(kit, state, nlu, text);
  if (pickedUp) {
    const result = inFlow(kit, pickedUp, nlu, text, now);
    // Nothing in the message answers that step: its question, not "I didn't quite get that".
    if (result.signals?.some((s) => s.kind === 'reprompt')) return kit.reask(pickedUp, [], 'question', nlu.status === 'still_failing' ? LINES.letsWorkThrough : LINES.goOnFromThere);
    return result;
  }
  // "It worked, thanks!" after an answer, "still no luck", "I'll ask my bank".
  const conversational = !nlu.topic || nlu.intent === 'affirm' || nlu.intent === 'deny' || nlu.intent === 'thanks' || nlu.intent === 'goodbye';
  // "Changing the password now and calling the bank after, thanks": a plan, not a new question.
  const plan = !nlu.asksQuestion && (nlu.status === 'will_act_elsewhere' || nlu.status === 'leaving') && !startsNewProblem(nlu);
  if (nlu.status && (conversational || plan)) return statusOutsideFlow(kit, state, nlu.status, now);
  const close = closeCall(kit, nlu, null);
  // "my payment got flagged as suspicious": the stated fact settles declined payment against safety.
  const settled = close ? settledByFacts(kit, nlu, close) : undefined;
  if (settled) return byIntent(kit, state, settled, { ...nlu, intent: settled }, text, now, () => miss(kit, state));
  const choices = close ? [...close.map((i) => clarifyButton(kit, i)), NAV_BUTTONS.menu] : [];
  // A question between two topics ("will it take my balance or my card first?"): answered from
  // both, the two topics still offered. A report or a request for a walkthrough is asked about.
  if (close && nlu.asksQuestion && !asksForWalkthrough(text)) {
    const answer = { type: 'answer' as const, query: text, intents: [...close], context: { topic: close[0], ...(state.shown.length ? { sections: state.shown } : {}) } };
    return { state: { ...state, clarify: close, clarifyEntities: cardAndError(nlu.entities), topic: close[0] }, effects: [answer, say(LINES.orDidYouMean, choices)] };
  }
  if (close) return { state: { ...state, clarify: close, clarifyEntities: cardAndError(nlu.entities) }, effects: [say(LINES.clarify, choices)] };
  return byIntent(kit, state, nlu.intent, nlu, text, now, () => miss(kit, state));
}

export function onText(kit: PolicyKit, previous: DialogueState, input: DialogueInput, clarify: string[] | null, yesNo: DialogueState['yesNo'], clarifyEntities: Entities = {}): Result {
  const text = messageText(input);
  const now = input.now;
  const frame = previous.frame;
  if (input.notes.includes('empty') || text.trim() === '' || (hasNoWords(text) && !commandInText(text))) {
    return frame ? kit.reask(previous, [say(LINES.emptyInFlow)]) : { state: previous, effects: [say(LINES.empty, kit.menuButtons(previous))] };
  }
  if (input.notes.includes('non_english')) return frame ? kit.reask(previous, [say(LINES.nonEnglish)]) : { state: previous, effects: [say(LINES.nonEnglish, kit.menuButtons(previous))] };
  if (input.notes.includes('emoji_only')) return frame ? kit.reask(previous, [say(LINES.emojiOnly)]) : { state: previous, effects: [say(LINES.emojiOnly, kit.menuButtons(previous))] };

  const command = commandInText(text);
  if (command) return navigate(kit, previous, command, now);
  // "here it is [card number]": the privacy warning is the whole reply.
  if (onlyPresentsSecret(text)) return frame ? kit.reask(previous) : { state: previous, effects: [say(LINES.secretOnly, kit.menuButtons(previous))] };
  // The bot's own yes/no question ("Shall we carry on with …?"): a bare "yes" / "no thanks" answers that.
  const reply = yesNo ? bareYesOrNo(text) : undefined;
  if (yesNo && reply) return onAction(kit, previous, reply === 'yes' ? yesNo.yes : yesNo.no, now);
  if (wantsPerson(text)) return navigate(kit, previous, 'human', now);
  // "What does that even mean?": the answer just shown, its first part again, and a person offered;
  // a search for those words would only find sections whose example questions say "mean".
  const last = previous.shown[0];
  if (last && asksAboutTheLastAnswer(text)) {
    const again: Effect = { type: 'say_section', section: last, intro: LINES.sayAgain };
    // In a task the question's buttons already offer a person.
    return frame ? kit.reask(previous, [again], 'question', LINES.backToTask(kit.title(frame.flow))) : { state: previous, effects: [{ ...again, buttons: [NAV_BUTTONS.human] }] };
  }
  // "Should I email them my card number and CVV?": always no, then what to send instead.
  if (asksAboutSharingSecret(text)) {
    const answer: Effect = { type: 'say_section', section: SAFE_TO_SEND, intro: LINES.neverShareSecrets };
    return frame ? kit.reask(previous, [answer], 'question', LINES.backToTask(kit.title(frame.flow))) : { state: previous, effects: [answer, say(LINES.done, kit.menuButtons(previous))] };
  }

  const nlu = input.nlu;
  const state = learn(kit, previous, nlu);
  // A typed answer to "did you mean A or B?" ("the first one", "fees").
  if (clarify) {
    const choices: FlowOption[] = clarify.map((intent) => ({ value: intent, label: kit.topicLabel(intent), then: [{ to: '@end' }] }));
    const lower = text.toLowerCase();
    const ordinal = /\b(first|former)\b/.test(lower) ? choices[0] : /\b(second|latter|last)\b/.test(lower) ? choices[1] : undefined;
    const picked = ordinal ?? matchOption(choices, text, null);
    if (picked) return onAction(kit, state, clarifyButton(kit, picked.value).value, now, clarifyEntities);
  }
  return inFlow(kit, state, nlu, text, now);
}
