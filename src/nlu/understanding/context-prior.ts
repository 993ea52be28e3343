/**
 * The previous topic as a prior: a follow-up's ranking is re-weighted towards what was just
 * discussed, by e^(strength × followUp) on that topic, then renormalised. A message that names its
 * own topic clearly keeps it ("what about refunds?" after fees stays refunds); a vague one ("is
 * there a way to go above that?" after limits) goes to the topic it leans on.
 */
import { CONVERSATION_INTENTS, INFORMATION_INTENTS, TASK_INTENTS, isIntentName, type IntentName } from '../../core/intents.js';
import type { RankedIntent, UnderstandingContext } from '../../core/types.js';

/** What a follow-up leans on: the flow in progress (its id is its intent), else the last topic. */
export function contextTopic(context: UnderstandingContext): IntentName | null {
  if (context.flow && isIntentName(context.flow)) return context.flow;
  return context.topic;
}

/** "yup done that", "thanks!", "scrap that": a conversation move stands whatever the topic was. */
const CONVERSATION = new Set<string>(CONVERSATION_INTENTS);
const INFORMATION = new Set<string>(INFORMATION_INTENTS);
const TOPICS = new Set<string>([...TASK_INTENTS, ...INFORMATION_INTENTS]);
const TASKS = new Set<string>(TASK_INTENTS);
const LONG_SWITCH_CONFIDENCE = 0.8;
const LONG_SWITCH_WORDS = 10;
/** With switch words, a shorter and less certain reading of another task is still a switch. */
const CUED_SWITCH_CONFIDENCE = 0.5;
const CUED_SWITCH_WORDS = 5;
const CONVERSATION_STANDS = 0.5;
/** A follow-up score from which the message clearly points back at the last topic ("it", "that one"). */
const POINTS_BACK = 0.7;
const OUT_OF_SCOPE_POINTING_BACK = 0.99;

export interface InFlowOptions {
  /** In a flow, a message leans on it at least this much: what people say mid-task is mostly about the task. */
  inFlow: number;
  /** The message asks something: a confident question about another topic mid-flow keeps its topic. */
  asks: boolean;
  /** A message whose own reading is another topic with at least this confidence changes topic. */
  switchAbove: number;
  /** The message's length in words: a long message about another task is a switch, not an answer. */
  words: number;
  /** The message uses switch words ("actually", "instead", "another problem"; see switch-cue.ts). */
  switchCue?: boolean;
}

export function applyContextPrior(
  ranking: readonly RankedIntent[],
  context: UnderstandingContext,
  followUp: number,
  strength: number,
  flow: InFlowOptions = { inFlow: 0, asks: false, switchAbove: 1.01, words: 0 },
): RankedIntent[] {
  const topic = contextTopic(context);
  const own = ranking[0];
  if (!topic || strength <= 0 || !own) return [...ranking];
  if (CONVERSATION.has(own.intent) && own.confidence >= CONVERSATION_STANDS) return [...ranking];
  // Mid-flow, a confident question about another topic, or a wish for a person, keeps its own reading.
  const elsewhere =
    (INFORMATION.has(own.intent) && own.intent !== topic && own.confidence >= CONVERSATION_STANDS) ||
    // "actually my payment just got declined and I need help with that first": a new task, said in full.
    (TASKS.has(own.intent) && own.intent !== topic && own.confidence >= LONG_SWITCH_CONFIDENCE && flow.words >= LONG_SWITCH_WORDS);
  // "can we do the card first instead": said to change task, so the task in hand gets no lean at all.
  const cuedSwitch = TASKS.has(own.intent) && own.intent !== topic && flow.switchCue === true && own.confidence >= CUED_SWITCH_CONFIDENCE && flow.words >= CUED_SWITCH_WORDS;
  if (cuedSwitch) return [...ranking];
  // "what about refunds?" after fees: a clear reading of another topic is a change of topic.
  // Out of scope needs more when the message points back ("how do I put money on it?" after the
  // Tour Pass): topping up in general is not ours, topping up the thing we just discussed is.
  const bar = own.intent === 'out_of_scope' && followUp >= POINTS_BACK ? Math.max(flow.switchAbove, OUT_OF_SCOPE_POINTING_BACK) : flow.switchAbove;
  if (own.intent !== topic && (TOPICS.has(own.intent) || own.intent === 'out_of_scope') && own.confidence >= bar) return [...ranking];
  const leaning = context.flow && !elsewhere ? Math.max(followUp, flow.inFlow) : followUp;
  if (leaning <= 0) return [...ranking];
  const boost = Math.exp(strength * leaning);
  let total = 0;
  const weighted = ranking.map((r) => {
    const confidence = r.intent === topic ? r.confidence * boost : r.confidence;
    total += confidence;
    return { intent: r.intent, confidence };
  });
  if (total <= 0) return [...ranking];
  return weighted.map((r) => ({ intent: r.intent, confidence: r.confidence / total })).sort((a, b) => b.confidence - a.confidence);
}
