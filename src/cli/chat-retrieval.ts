/**
 * `kb eval`, "as in a chat": a question goes the way a typed message goes in a conversation
 * (input hygiene → privacy guard → NLU with the conversation's context → the pure dialogue step),
 * and the knowledge base is searched with exactly what the dialogue asked for (its intents and
 * context). The bare search measures the ranking alone; this measures what a person gets. It lives
 * in the CLI because only the CLI (and src/index.ts) may put the layers together.
 */
import { answerShown, type DialoguePolicy, type Effect, type InputCleaner, type IntentClassifier, type KnowledgeBase, type PrivacyGuard, type SearchOptions } from '../core/ports.js';
import { NO_CONTEXT } from '../core/types.js';
import type { DialogueState } from '../dialogue/dialogue-state.js';
import type { AskQuestion, EvalQuestion, QuestionOutcome } from '../knowledge/evaluate-retrieval.js';

export interface ChatParts {
  cleaner: InputCleaner;
  privacy: PrivacyGuard;
  nlu: IntentClassifier;
  dialogue: DialoguePolicy<DialogueState>;
  knowledge: KnowledgeBase;
}

/**
 * Where a question went in the dialogue: a knowledge search; a topic's or a flow's own sections; a
 * guided task started (its first question, no section); "did you mean A or B?"; or none of these
 * (an out-of-scope answer, a greeting). Only the first two can show a section.
 */
export const CHAT_ROUTES = ['search', 'sections', 'task', 'clarify', 'other'] as const;
export type ChatRoute = (typeof CHAT_ROUTES)[number];

/** What the dialogue did with a question, for diagnosis. */
export interface ChatTrace extends QuestionOutcome {
  route: ChatRoute;
  intent: string | null;
  /** The intents the dialogue passed to the search (empty when it passed none). */
  intents: string[];
}

const AT = Date.UTC(2026, 0, 1);

/** The conversation a follow-up is asked in: a fresh one, with the topic and the sections just shown. */
function stateFor(dialogue: DialoguePolicy<DialogueState>, question: EvalQuestion): DialogueState {
  const fresh = dialogue.initialState(AT);
  const context = question.context;
  if (!context) return fresh;
  return { ...fresh, ...(context.topic ? { topic: context.topic } : {}), ...(context.sections ? { shown: [...context.sections] } : {}) };
}

function searchOptionsOf(effect: Extract<Effect, { type: 'answer' }>): SearchOptions {
  return { limit: 3, ...(effect.intents ? { intents: effect.intents } : {}), ...(effect.context ? { context: effect.context } : {}), ...(effect.facts ? { facts: effect.facts } : {}) };
}

/** Runs one question as a typed message in a chat and reports what the knowledge stage would show. */
export function askAsInChat(parts: ChatParts, question: EvalQuestion): ChatTrace {
  const { cleaner, privacy, nlu, dialogue, knowledge } = parts;
  const state = stateFor(dialogue, question);
  const text = privacy.redact(cleaner.clean(question.q).text).text;
  const understood = nlu.parse(text, dialogue.context?.(state, AT) ?? NO_CONTEXT);
  const { effects, state: after } = dialogue.step(state, {
    message: { platform: 'console', conversationKey: 'kb-eval', userId: 'kb-eval', receivedAt: AT, text },
    nlu: understood,
    redactions: [],
    notes: [],
    staffAvailable: false,
    now: AT,
  });
  const base = { intent: understood.intent };
  // The first search the step asks for is the answer to the question (later ones are extras).
  const answer = effects.find((e): e is Extract<Effect, { type: 'answer' }> => e.type === 'answer');
  if (answer) {
    const inContext = knowledge.search(answer.query, searchOptionsOf(answer));
    // As the knowledge stage does: nothing in the first context, then once in the wider one.
    const results = inContext.length === 0 && answer.widerContext ? knowledge.search(answer.query, { ...searchOptionsOf(answer), context: answer.widerContext }) : inContext;
    return {
      ...base,
      route: 'search',
      intents: answer.intents ?? [],
      got: results.map((r) => r.section.id),
      shown: answerShown(results).map((r) => r.section.id),
    };
  }
  // A click-style topic answer or a walkthrough's first step: the sections it shows are the answer.
  const sections = effects.flatMap((e) => (e.type === 'say_section' ? [e.section] : []));
  const route: ChatRoute = sections.length ? 'sections' : after.frame && !state.frame ? 'task' : after.clarify ? 'clarify' : 'other';
  return { ...base, route, intents: [], got: sections.slice(0, 3), shown: sections.slice(0, 2) };
}

/** `ask` for evaluateRetrieval, counting where the questions went. */
export function chatAsker(parts: ChatParts): { ask: AskQuestion; routes: Record<ChatRoute, number> } {
  const routes = Object.fromEntries(CHAT_ROUTES.map((r) => [r, 0])) as Record<ChatRoute, number>;
  return {
    routes,
    ask: (question) => {
      const trace = askAsInChat(parts, question);
      routes[trace.route]++;
      return { got: trace.got, shown: trace.shown };
    },
  };
}
