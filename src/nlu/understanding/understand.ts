/**
 * Understanding a whole message: the intent ranking read clause by clause and against the
 * previous topic, the facts the person stated (negation-aware, typo-tolerant), whether they ask
 * something, and how it went for them. Pure: the model and the fact catalogue in, NluResult out.
 */
import { CONVERSATION_INTENTS, INFORMATION_INTENTS, OUT_OF_SCOPE, TASK_INTENTS, type IntentName } from '../../core/intents.js';
import { NO_CONTEXT, type NluResult, type UnderstandingContext } from '../../core/types.js';
import { createTypoCorrector, type TypoCorrector } from '../../text/typo-corrector.js';
import { extractEntities } from '../entities/extract-entities.js';
import { createFactMatcher } from '../facts/fact-matcher.js';
import { factFeatureKeys, unclassifiedFacts } from '../facts/fact-features.js';
import type { FactCatalogue } from '../facts/load-facts.js';
import { predictIntent, type IntentModel, type IntentPrediction } from '../intent-model.js';
import { asksQuestion } from './asks-question.js';
import { isEnglishWord } from '../../text/english-words.js';
import { MIXED_IN_WORDS } from '../../text/mixed-in-words.js';
import { applyContextPrior, contextTopic } from './context-prior.js';
import { decideIntent } from './decide-intent.js';
import { openingMove, wholeMessageMove } from './opening-move.js';
import { domainEvidence } from './domain-evidence.js';
import { failureStated, linkingFailed, linkingTrouble, namesOtherTask, payingFailed } from './failure-stated.js';
import { DEFAULT_FOLLOW_UP_WEIGHTS, followUpScore, type FollowUpWeights } from './follow-up.js';
import { contextFeatureKeys } from '../context-features.js';
import { PLACEHOLDER_WORD, splitClauses } from './message-text.js';
import { isStatusFact, readStatus } from './read-status.js';
import { signalsSwitch } from './switch-cue.js';
import { combineLearnedFacts } from '../learned-facts/combine.js';
import type { LearnedFacts } from '../learned-facts/model.js';

export interface UnderstandingOptions {
  /** Correct misspelt words towards the training and fact vocabulary first. */
  typoCorrection: boolean;
  /** Read long messages clause by clause, so a greeting or backstory cannot outvote the problem. */
  clauses: boolean;
  /** A message naming Alipay or Alibaba, or stating a problem of ours, is never out of scope. */
  domainEvidence: boolean;
  followUp: FollowUpWeights;
  /** How strongly a full follow-up leans on the previous topic (see context-prior.ts). */
  contextStrength: number;
  /** Clauses the classifier reads on their own need at least this many words. */
  minClauseWords: number;
  /**
   * Out of scope becomes the best topic when the message names Alipay or Alibaba and that topic
   * has at least this confidence, or states a problem of ours and it has at least `factsMin`.
   */
  anchoredMin: number;
  factsMin: number;
  /** A clause carries a topic, or is padding, from this confidence on. */
  carryMin: number;
  /** Below this confidence of the whole message's reading, its clauses are read one by one. */
  focusBelow: number;
  /** Messages up to this many words let a stated status decide a conversation intent. */
  statusWords: number;
  /** In a flow, a message leans on it at least this much (see context-prior.ts). */
  inFlow: number;
  /** A message whose own reading is another topic with at least this confidence changes topic. */
  switchAbove: number;
  /** A "declined payment" that states no failure goes to the next topic from this confidence on. */
  notDeclinedMin: number;
  /** The learned fact layer beside the patterns (learned-facts/); without it, the patterns alone. */
  learnedFacts?: LearnedFacts;
}

export const DEFAULT_UNDERSTANDING: UnderstandingOptions = {
  typoCorrection: true,
  clauses: true,
  domainEvidence: true,
  followUp: DEFAULT_FOLLOW_UP_WEIGHTS,
  contextStrength: 8,
  minClauseWords: 3,
  anchoredMin: 0.05,
  factsMin: 0.2,
  carryMin: 0.5,
  focusBelow: 0.5,
  statusWords: 5,
  inFlow: 0.8,
  switchAbove: 0.85,
  notDeclinedMin: 0.03,
};

/** Facts that only Alipay on Alibaba can have (the fact catalogue's checkout, setup and verify groups). */
const ALIPAY_ONLY_FACT = /^(checkout|setup|verify)\./;
const TOPICS = new Set<string>([...TASK_INTENTS, ...INFORMATION_INTENTS]);
const CONVERSATION = new Set<string>(CONVERSATION_INTENTS);
const DECLINED: IntentName = 'payment_declined';
const PAYING: IntentName = 'pay_on_alibaba';
const LINKING: IntentName = 'link_card';
const SETUP: IntentName = 'account_setup';
/** Refusals of a card that linking and paying both show: what the person was doing tells them apart. */
const CARD_REFUSED = new Set(['error.card_not_supported', 'error.wrong_details', 'card.name_mismatch', 'error.verification_required']);
/** Quotation marks people use around what the app said. */
const QUOTES = /["“”«»„]/;
const QUOTED = /["“„«][^"“”«»„]{1,160}["”»]/g;

export interface Understanding {
  parse(text: string, context?: UnderstandingContext): NluResult;
}

/**
 * The training data is real-style: it has its own misspellings ("pasport", "paymnet"). A training
 * word is trusted (kept as typed, and a target for corrections) when it is an English word or a
 * word of a language people mix in ("merci", "sudah"), or common enough to be a name of ours
 * ("alipay", "otp"); a rare non-word is read as a typo too.
 */
const MIN_TARGET_COUNT = 3;
const TRUSTED_NON_WORD_COUNT = 20;

const MIXED_IN = new Set(MIXED_IN_WORDS);

function correctorFor(model: IntentModel, facts: FactCatalogue): TypoCorrector {
  const english = (word: string) => isEnglishWord(word, model.englishWords) || MIXED_IN.has(word);
  const trusted = new Set<string>();
  const targets = new Map<string, number>();
  for (const [word, count] of model.lexicon) {
    if (!(english(word) || count >= TRUSTED_NON_WORD_COUNT || word.length < 4)) continue;
    trusted.add(word);
    if (count >= MIN_TARGET_COUNT && word.length >= 4) targets.set(word, count);
  }
  for (const word of facts.words) if (!targets.has(word)) targets.set(word, MIN_TARGET_COUNT);
  return createTypoCorrector(targets, { knownOnly: trusted, isKnown: english });
}

/** Out-of-scope sub-intents that are small talk, not a topic: a clause of them is padding. */
const SMALL_TALK = new Set(['out_of_scope.chit_chat', 'out_of_scope.gibberish']);

/** A clause as the classifier reads it: its words without placeholders, and the facts read in it. */
interface ReadableClause {
  text: string;
  facts: string[];
}

/**
 * Long messages: when one clause clearly carries a topic, the clauses that are only greeting,
 * thanks or small talk ("hi, I'm new here", "sorry for my english") are set aside, the rest is
 * read again, and that reading is blended with the whole message's.
 */
function focusOnProblem(model: IntentModel, clauses: readonly ReadableClause[], whole: IntentPrediction, minWords: number, carryMin: number): IntentPrediction {
  const readings = clauses.map((c) => (c.text.split(' ').length >= minWords ? predictIntent(model, c.text, c.facts) : undefined));
  const carries = readings.some((r) => r !== undefined && TOPICS.has(r.intent) && r.confidence >= carryMin);
  const padding = (i: number): boolean => {
    const r = readings[i];
    return r !== undefined && r.confidence >= carryMin && (CONVERSATION.has(r.intent) || SMALL_TALK.has(r.label));
  };
  const kept = clauses.filter((_, i) => !padding(i));
  if (!carries || kept.length === clauses.length || kept.length === 0) return whole;
  const focused = predictIntent(
    model,
    kept.map((c) => c.text).join(' '),
    kept.flatMap((c) => c.facts),
  );
  const blended = new Map<IntentName, number>();
  for (const r of whole.ranking) blended.set(r.intent, 0.3 * r.confidence);
  for (const r of focused.ranking) blended.set(r.intent, (blended.get(r.intent) ?? 0) + 0.7 * r.confidence);
  const ranking = [...blended].map(([intent, confidence]) => ({ intent, confidence })).sort((a, b) => b.confidence - a.confidence);
  const top = ranking[0] ?? { intent: OUT_OF_SCOPE, confidence: 0 };
  return { ...focused, intent: top.intent, confidence: top.confidence, ranking };
}

export function createUnderstanding(model: IntentModel, facts: FactCatalogue, options: Partial<UnderstandingOptions> = {}): Understanding {
  const settings = { ...DEFAULT_UNDERSTANDING, ...options };
  const corrector = correctorFor(model, facts);
  const matcher = createFactMatcher(facts);
  const unread = unclassifiedFacts(facts);

  const corrected = (split: ReturnType<typeof splitClauses>) => (settings.typoCorrection ? split.map((c) => ({ ...c, words: c.words.map((w) => corrector.correct(w) ?? w) })) : split);
  const read = (text: string, context: UnderstandingContext = NO_CONTEXT) => matcher.match(corrected(splitClauses(text)), context);
  /** The fact keys read in the message's quoted words alone: what the app said, copied. */
  const factsInQuotes = (text: string): Set<string> => {
    const spans = QUOTES.test(text) ? (text.match(QUOTED) ?? []) : [];
    return new Set(spans.length === 0 ? [] : read(spans.join('. ')).map((f) => (f.negated ? `!${f.name}` : f.name)));
  };

  return {
    parse(text, context = NO_CONTEXT) {
      const split = splitClauses(text);
      const parts = corrected(split);
      const clauses = parts.map((c) => c.words);
      const stated = matcher.match(parts, context);
      // "It says \"binding failed, try again later\"": words in quotes are the app's, not the person's
      // plan; a plan is read again without them. What the app says happened ("payment successful") stands.
      const quoted = readStatus(stated);
      const planned = quoted === 'will_act_elsewhere' || quoted === 'leaving';
      const unquoted = planned && QUOTES.test(text) ? text.replace(QUOTED, ' ') : undefined;
      const status = unquoted === undefined ? quoted : readStatus(read(unquoted, context));
      const patternFacts = stated.filter((f) => !isStatusFact(f));
      // The layer reads the words alone: a reading that leans on the conversation ("no error at all"
      // at the step that asked for the error) is the patterns' to make, so it vetoes only out of context.
      const alone = context.topic === null && context.flow === null;
      // A fact the layer adds obeys the catalogue like a read one: an added rejection drops the request.
      const factList = settings.learnedFacts ? matcher.withoutRedundant(combineLearnedFacts(settings.learnedFacts, text, patternFacts, clauses, alone, () => factsInQuotes(text))) : patternFacts;

      // The classifier reads the words and the facts (status included: "gotta run" says leaving).
      const keys = model.features.facts ? factFeatureKeys(stated, unread) : [];
      const where = model.features.context ? contextFeatureKeys(context) : [];
      const readable: ReadableClause[] = clauses
        .map((words, i) => ({ text: words.filter((w) => w !== PLACEHOLDER_WORD).join(' '), facts: keys.filter((_, k) => stated[k]?.clause === i) }))
        .filter((c) => c.text !== '');
      let prediction = predictIntent(
        model,
        readable.map((c) => c.text).join(' '),
        [...keys, ...where],
      );
      // Only an unsure reading of a long message is looked at clause by clause: a confident one was not outvoted.
      if (settings.clauses && readable.length >= 2 && prediction.confidence < settings.focusBelow) prediction = focusOnProblem(model, readable, prediction, settings.minClauseWords, settings.carryMin);
      const followUp = followUpScore(clauses, prediction.confidence, settings.followUp);
      const asks = asksQuestion(clauses, text);
      const switchCue = signalsSwitch(clauses);
      const ranking = applyContextPrior(prediction.ranking, context, followUp, settings.contextStrength, { inFlow: settings.inFlow, asks, switchAbove: settings.switchAbove, words: clauses.flat().length, switchCue });
      const evidence = domainEvidence(clauses, factList);
      const opener = context.flow || context.topic ? openingMove(clauses[0] ?? []) : undefined;
      // "Thank you. Where is this setting in the app?": the thanks is manners, the question is the message.
      // A message that is only a hello, thanks or goodbye ("szia", "até logo") is that, in any conversation or none.
      const whole = asks ? undefined : wholeMessageMove(split.map((c) => c.words));
      const opening = (opener && !(asks && (opener === 'thanks' || opener === 'goodbye')) ? opener : undefined) ?? whole;
      let { intent, confidence, label } = decideIntent(
        {
          ranking,
          label: ranking[0]?.intent === prediction.intent ? prediction.label : ranking[0]?.intent,
          outOfScopeBelow: model.outOfScopeBelow,
          evidence,
          status,
          words: clauses.flat().length,
          ...(opening ? { opening } : {}),
        },
        settings.domainEvidence ? settings : { ...settings, anchoredMin: 2, factsMin: 2 },
      );

      // "Guide me step by step, I'm scared to press pay": nothing failed, so not a declined payment.
      const unfailed = intent === DECLINED && context.topic !== DECLINED && context.flow !== DECLINED && !failureStated(clauses, factList, status);
      // Paying without anything going wrong is paying: the two share every word but the failure.
      const next = unfailed ? ranking.find((r) => r.intent !== DECLINED && TOPICS.has(r.intent) && r.confidence >= settings.notDeclinedMin) : undefined;
      const paying = next ? ranking.find((r) => r.intent === PAYING && r.confidence >= next.confidence / 2) : undefined;
      // "Alipay refuses my card when I link it": a failure while linking is linking's problem.
      const linking = intent === DECLINED && !unfailed && context.topic !== DECLINED && context.flow !== DECLINED && linkingFailed(clauses) ? ranking.find((r) => r.intent === LINKING && r.confidence >= settings.notDeclinedMin) : undefined;
      // "Already have an account, no need to sign up, my card won't link": past the setup, at the card.
      const hasAccount = intent === SETUP && context.flow !== SETUP && factList.some((f) => f.name === 'setup.no_account' && f.negated) && linkingTrouble(clauses);
      const pastSetup = hasAccount ? ranking.find((r) => r.intent === LINKING && r.confidence >= settings.notDeclinedMin) : undefined;
      // "Paying the order, it says invalid card type": a card refused while paying, with no word of
      // adding it, is a declined payment (11 of 11 such rows in the development sets).
      const refusedPaying = intent === LINKING && !context.flow && !context.topic && factList.some((f) => !f.negated && CARD_REFUSED.has(f.name)) && payingFailed(clauses);
      const declinedInstead = refusedPaying ? ranking.find((r) => r.intent === DECLINED && r.confidence >= settings.notDeclinedMin) : undefined;
      // In the linking flow or the declined-payment flow, a refused card reads the same in both: the
      // message leaves its flow for the other only when it names that task or signals a switch.
      const pair = context.flow === LINKING ? DECLINED : context.flow === DECLINED ? LINKING : undefined;
      const unnamed = pair !== undefined && intent === pair && !switchCue && !namesOtherTask(clauses, pair === DECLINED ? 'paying' : 'linking');
      const staying = unnamed ? ranking.find((r) => r.intent === context.flow) : undefined;
      const instead = paying ?? next ?? linking ?? pastSetup ?? declinedInstead ?? staying;
      if (instead) {
        intent = instead.intent;
        confidence = instead.confidence;
        label = instead.intent;
      }
      // "Found it, confirmed and paid. Thank you so much": in a conversation, a message that ends with
      // thanks and reports success is thanks; one that ends with a goodbye as the person leaves is goodbye.
      // The last clause, or the one before it ("thank you so much" is split at "so": "much" is last).
      const closer = context.flow || context.topic ? clauses.slice(-2).map((c) => openingMove(c)).reverse().find((m) => m === 'thanks' || m === 'goodbye') : undefined;
      const closing = asks ? undefined : closer === 'thanks' && (status === 'solved' || status === 'leaving') ? 'thanks' : closer === 'goodbye' && status === 'leaving' ? 'goodbye' : undefined;
      if (closing && intent !== closing) {
        intent = closing;
        confidence = ranking.find((r) => r.intent === closing)?.confidence ?? confidence;
        label = closing;
      }
      // Checkout, setup and verification facts describe Alipay on Alibaba: a message we decline (a wire
      // outside Alibaba, a factory's holidays) states none of them, whatever words it shares.
      const ours = intent === OUT_OF_SCOPE ? factList.filter((f) => !ALIPAY_ONLY_FACT.test(f.name)) : factList;
      const leaning = contextTopic(context);
      const topic: IntentName | null = TOPICS.has(intent) ? intent : followUp >= 0.5 && leaning ? leaning : null;
      return {
        intent,
        confidence,
        ranking,
        entities: extractEntities(text),
        label,
        facts: ours,
        asksQuestion: asks,
        status,
        topic,
        followUp,
      };
    },
  };
}
