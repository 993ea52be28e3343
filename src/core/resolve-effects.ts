import { answerShown, citationOf, type Effect, type KnowledgeBase, type SearchOptions } from './ports.js';
import type { Button, Citation, HandoffSummary, Reply } from './types.js';
import { ACTIONS } from './actions.js';
import { isFeedbackButton } from './feedback.js';

export interface ResolvedEffects {
  replies: Reply[];
  citations: Citation[];
  handoff?: Omit<HandoffSummary, 'userId' | 'conversationKey' | 'platform'>;
  /** A search found nothing good enough, and the person was told so honestly. */
  noAnswer?: true;
}

/** Offered when the knowledge base has nothing good enough: say so honestly and offer a person. */
export const NO_ANSWER_TEXT =
  "I'm sorry, I don't have a reliable answer to that. I can put you in touch with a person, or you can ask me another way.";
export const HUMAN_BUTTON: Button = { label: 'Talk to a person', value: ACTIONS.human };

/** The knowledge stage of a turn: turns the dialogue's effects into platform-neutral replies. */
export function resolveEffects(effects: readonly Effect[], knowledge: KnowledgeBase): ResolvedEffects {
  const replies: Reply[] = [];
  const citations: Citation[] = [];
  let handoff: ResolvedEffects['handoff'];
  let noAnswer = false;
  // A section the turn shows anyway (the next step's) is not also given as an answer beside it.
  const shownLater = new Set(effects.flatMap((e) => (e.type === 'say_section' ? [e.section] : [])));
  const cite = (c: Citation): void => {
    if (!citations.some((x) => x.section === c.section)) citations.push(c);
  };

  for (const effect of effects) {
    switch (effect.type) {
      case 'say':
        replies.push({ text: effect.text, buttons: effect.buttons ?? [], citations: [] });
        break;
      case 'say_section': {
        const section = knowledge.section(effect.section);
        if (!section) throw new Error(`flow references unknown knowledge section "${effect.section}"`);
        const citation = citationOf(section);
        cite(citation);
        const text = effect.intro ? `${effect.intro}\n\n${section.text}` : section.text;
        replies.push({ text, buttons: effect.buttons ?? [], citations: [citation] });
        break;
      }
      case 'answer': {
        const options: SearchOptions = {
          limit: 3,
          ...(effect.intents ? { intents: effect.intents } : {}),
          ...(effect.context ? { context: effect.context } : {}),
          ...(effect.facts ? { facts: effect.facts } : {}),
        };
        // One section, or two when the second is a second part of the answer; each cited.
        const first = answerShown(knowledge.search(effect.query, options));
        const found = first.length === 0 && effect.widerContext ? answerShown(knowledge.search(effect.query, { ...options, context: effect.widerContext })) : first;
        const shown = effect.ifFound ? found.filter(({ section }) => !shownLater.has(section.id)) : found;
        if (shown.length === 0 && effect.ifFound) break;
        if (shown.length === 0 && effect.otherwise) {
          const fallback = effect.otherwise.section ? knowledge.section(effect.otherwise.section) : undefined;
          const citation = fallback ? citationOf(fallback) : undefined;
          if (citation) cite(citation);
          const text = fallback ? `${effect.otherwise.text}\n\n${fallback.text}` : effect.otherwise.text;
          replies.push({ text, buttons: effect.otherwise.buttons ?? [], citations: citation ? [citation] : [] });
          break;
        }
        if (shown.length === 0) {
          // Nothing to rate: no thumbs under "I don't have a reliable answer".
          replies.push({ text: NO_ANSWER_TEXT, buttons: [HUMAN_BUTTON, ...(effect.buttons ?? []).filter((b) => !isFeedbackButton(b))], citations: [] });
          noAnswer = true;
          break;
        }
        shown.forEach(({ section }, i) => {
          const citation = citationOf(section);
          cite(citation);
          const last = i === shown.length - 1;
          replies.push({ text: section.text, buttons: last ? (effect.buttons ?? []) : [], citations: [citation] });
        });
        break;
      }
      case 'handoff':
        handoff = { reason: effect.reason, problem: effect.problem, flow: effect.flow, stepsTried: effect.stepsTried };
        break;
    }
  }
  return { replies, citations, ...(handoff ? { handoff } : {}), ...(noAnswer ? { noAnswer: true as const } : {}) };
}
