/**
 * Understanding a whole message: the intent ranking read clause by clause and against the
 * previous topic, the facts the person stated (negation-aware, typo-tolerant), whether they ask
 * something, and how it went for them. Pure: the model and the fact catalogue in, NluResult out.
 */
import { CONVERSATION_INTENTS, INFORMATION_INTENTS, OUT_OF_SCOPE, TASK_INTENTS, type IntentName } from '../../core/intents.js';
import { NO_CONTEXT, type NluResult, type RankedIntent, type UnderstandingContext } from '../../core/types.js';
import { createTypoCorrector, type TypoCorrector } from '../../text/typo-corrector.js';
import { extractEntities } from '../entities/extract-entities.js';
import { createFactMatcher } from '../facts/fact-matcher.js';
import type { FactCatalogue } from '../facts/load-facts.js';
import { predictIntent, type IntentModel, type IntentPrediction } from '../intent-model.js';
import { asksQuestion } from './asks-question.js';
import { applyContextPrior } from './context-prior.js';
import { domainEvidence, isStandingOutOfScope } from './domain-evidence.js';
import { DEFAULT_FOLLOW_UP_WEIGHTS, followUpScore, type FollowUpWeights } from './follow-up.js';
import { clauseWords, PLACEHOLDER_WORD } from './message-text.js';
import { isStatusFact, readStatus } from './read-status.js';

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
}

export const DEFAULT_UNDERSTANDING: UnderstandingOptions = {
  typoCorrection: true,
  clauses: true,
  domainEvidence: true,
  followUp: DEFAULT_FOLLOW_UP_WEIGHTS,
  contextStrength: 3,
  minClauseWords: 3,
};

const TOPICS = new Set<string>([...TASK_INTENTS, ...INFORMATION_INTENTS]);
const CONVERSATION = new Set<string>(CONVERSATION_INTENTS);

export interface Understanding {
  parse(text: string, context?: UnderstandingContext): NluResult;
}

/** Words the typo corrector may aim at: the training words seen at least this often, and every fact word. */
const MIN_TARGET_COUNT = 2;

function correctorFor(model: IntentModel, facts: FactCatalogue): TypoCorrector {
  const targets = new Map<string, number>();
  for (const [word, count] of model.lexicon) if (count >= MIN_TARGET_COUNT && word.length >= 4) targets.set(word, count);
  for (const word of facts.words) if (!targets.has(word)) targets.set(word, MIN_TARGET_COUNT);
  return createTypoCorrector(targets, { knownOnly: model.lexicon.keys() });
}

/**
 * Long messages: the clauses that carry a topic are read together again without the others
 * ("hi, I'm new here", "I live in Spain"), and that reading is blended with the whole message's.
 */
function focusOnProblem(model: IntentModel, clauses: readonly string[], whole: IntentPrediction, minWords: number): IntentPrediction {
  const readings = clauses.map((clause) => (clause.split(' ').length >= minWords ? predictIntent(model, clause) : undefined));
  const carries = readings.map((r) => r !== undefined && TOPICS.has(r.intent));
  const kept = clauses.filter((_, i) => carries[i] || (readings[i] !== undefined && !CONVERSATION.has(readings[i]?.intent ?? '') && readings[i]?.intent !== OUT_OF_SCOPE));
  if (!carries.some(Boolean) || kept.length === clauses.length) return whole;
  const focused = predictIntent(model, kept.join(' '));
  const blended = new Map<IntentName, number>();
  for (const r of whole.ranking) blended.set(r.intent, 0.3 * r.confidence);
  for (const r of focused.ranking) blended.set(r.intent, (blended.get(r.intent) ?? 0) + 0.7 * r.confidence);
  const ranking = [...blended].map(([intent, confidence]) => ({ intent, confidence })).sort((a, b) => b.confidence - a.confidence);
  const top = ranking[0] ?? { intent: OUT_OF_SCOPE, confidence: 0 };
  return { ...focused, intent: top.intent, confidence: top.confidence, ranking };
}

/** The model's own rule: below its out-of-scope threshold the answer is out of scope. */
function decide(model: IntentModel, ranking: readonly RankedIntent[]): { intent: IntentName; confidence: number } {
  const top = ranking[0] ?? { intent: OUT_OF_SCOPE, confidence: 0 };
  if (top.confidence >= model.outOfScopeBelow || top.intent === OUT_OF_SCOPE) return top;
  const oos = ranking.find((r) => r.intent === OUT_OF_SCOPE);
  return oos ? { intent: OUT_OF_SCOPE, confidence: oos.confidence } : top;
}

export function createUnderstanding(model: IntentModel, facts: FactCatalogue, options: Partial<UnderstandingOptions> = {}): Understanding {
  const settings = { ...DEFAULT_UNDERSTANDING, ...options };
  const corrector = correctorFor(model, facts);
  const matcher = createFactMatcher(facts);

  return {
    parse(text, context = NO_CONTEXT) {
      const raw = clauseWords(text);
      const clauses = settings.typoCorrection ? raw.map((words) => words.map((w) => corrector.correct(w) ?? w)) : raw;
      const readable = clauses.map((words) => words.filter((w) => w !== PLACEHOLDER_WORD).join(' ')).filter((c) => c !== '');

      let prediction = predictIntent(model, readable.join(' '));
      if (settings.clauses && readable.length >= 2) prediction = focusOnProblem(model, readable, prediction, settings.minClauseWords);

      const stated = matcher.match(clauses.map((words) => words.join(' ')));
      const status = readStatus(stated);
      const factList = stated.filter((f) => !isStatusFact(f));
      const followUp = followUpScore(clauses, prediction.confidence, settings.followUp);
      const ranking = applyContextPrior(prediction.ranking, context, followUp, settings.contextStrength);
      let { intent, confidence } = decide(model, ranking);
      let label = intent === prediction.intent ? prediction.label : intent;

      if (settings.domainEvidence) {
        const evidence = domainEvidence(clauses, factList);
        const best = ranking.find((r) => TOPICS.has(r.intent));
        if (intent === OUT_OF_SCOPE && best && !isStandingOutOfScope(label) && !evidence.otherProduct && (evidence.anchored || evidence.domainFacts > 0)) {
          // Ours, even if worded in a way the model has not seen: its best topic, with its own confidence.
          intent = best.intent;
          confidence = best.confidence;
          label = best.intent;
        } else if (evidence.otherProduct && !evidence.anchored && TASK_INTENTS.includes(intent as (typeof TASK_INTENTS)[number])) {
          // "my paypal card got declined on amazon" is about another product: never one of our flows.
          intent = OUT_OF_SCOPE;
          confidence = ranking.find((r) => r.intent === OUT_OF_SCOPE)?.confidence ?? 0;
          label = `${OUT_OF_SCOPE}.other_product`;
        }
      }

      const topic: IntentName | null = TOPICS.has(intent) ? intent : followUp >= 0.5 && context.topic ? context.topic : null;
      return {
        intent,
        confidence,
        ranking,
        entities: extractEntities(text),
        label,
        facts: factList,
        asksQuestion: asksQuestion(clauses, text),
        status,
        topic,
        followUp,
      };
    },
  };
}
