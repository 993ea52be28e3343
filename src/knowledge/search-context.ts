import type { KnowledgeSection, SearchContext } from '../core/ports.js';
import { afterMark } from './section-features.js';
import { contentWords, words } from './text-analysis.js';

/**
 * Follow-up questions ("how do I top it up?" after the Tour Pass) name their topic with a pronoun
 * or not at all. For those, sections of the topic just discussed get a prior; a question that
 * names its own subject ("how do I reset my payment password") gets only a small one, so a change
 * of topic wins. The numbers were chosen by measurement (scripts/tune-knowledge.ts, `kb eval` on the
 * development sets); a lower relevance floor for follow-ups made no difference and was left out.
 */
export interface ContextSettings {
  /** Score multiplier for in-context sections when the question looks like a follow-up. */
  followUpBoost: number;
  /**
   * The same for a question that names its own subject: small, so a change of topic still wins
   * (1.15 to 1.5 measured the same; in a chat, where the topic is also the question's own intent, it
   * put the right section first a little more often).
   */
  ownQuestionBoost: number;
  /** At most this many content words (after stop words) counts as a follow-up, pronoun or not. */
  shortQuestionWords: number;
  /** A question that points back ("it", "that", "and …") is a follow-up up to this many content words. */
  pointingQuestionWords: number;
  /**
   * A follow-up is also searched in context: BM25 reads it with the headings of the sections just
   * shown appended ("what do they charge" after "Third-party services" reads as a question about
   * third-party services), the classifier with a mark of each (markFollowUp); the two searches'
   * scores are mixed with this weight on the one in context (0 = off).
   */
  expandWeight: number;
  /**
   * A follow-up whose own words find nothing is judged with the headings added, unless more than
   * this share of its words are unknown to every section (a new subject: "can I use it in Hong Kong").
   */
  maxUnknownShare: number;
}

export const DEFAULT_CONTEXT: Readonly<ContextSettings> = {
  followUpBoost: 2,
  ownQuestionBoost: 1.3,
  shortQuestionWords: 3,
  pointingQuestionWords: 6,
  expandWeight: 0.6,
  maxUnknownShare: 0.5,
};

/** The last clause asks what comes next: "then what", "ok then?", "done, next step?", "and after that". */
const NEXT_STEP = /^(?:(?:and|so|ok(?:ay)?|then|now)\s+)*(?:then(?:\s+what)?|what(?:'?s|\s+is)?\s+next|next(?:\s+step)?|what(?:'?s|\s+is)\s+the\s+next\s+step|what\s+do\s+i\s+do\s+(?:next|after(?:\s+that)?)|after\s+that|and\s+after)$/;
/** Words of trouble: "still no, next step" asks how to get past a failure, not for the next step of a procedure. */
const TROUBLE = /\b(?:not?|n't|nothing|never|still|fail\w*|error\w*|declin\w*|reject\w*|wrong|problem\w*|issue\w*|stuck|again)\b/;

/**
 * Whether a follow-up asks for the next step of what was just shown ("ok i got the code. then?"):
 * the classifier cannot know the order of a procedure's sections, the articles declare it (`next`).
 */
export function asksForNextStep(query: string): boolean {
  const lower = query.toLowerCase().replace(/[’']/g, "'");
  if (TROUBLE.test(lower)) return false;
  const clauses = lower.split(/[.!?,;:]+/).map((c) => c.replace(/[^a-z' ]+/g, ' ').replace(/\s+/g, ' ').trim()).filter(Boolean);
  return NEXT_STEP.test(clauses[clauses.length - 1] ?? '');
}

/** Words that point back at something already said. */
const ANAPHORS = new Set(['it', 'its', 'this', 'that', 'these', 'those', 'they', 'them', 'there', 'one', 'same', 'else']);
/** Openings that continue the conversation ("and the rate?", "so who charges it"). */
const CONTINUATIONS = new Set(['and', 'so', 'but', 'then', 'also', 'ok', 'okay', 'what about', 'how about']);

/** How much a question leans on the conversation: 'short' (few words of its own), 'pointing' (a pronoun or "and …"), or 'own'. */
export type FollowUpKind = 'short' | 'pointing' | 'own';

export function followUpKind(query: string, settings: Readonly<ContextSettings> = DEFAULT_CONTEXT): FollowUpKind {
  const own = contentWords(query).length;
  if (own <= settings.shortQuestionWords) return 'short';
  if (own > settings.pointingQuestionWords) return 'own';
  const all = words(query);
  const opening = all.slice(0, 2).join(' ');
  return all.some((w) => ANAPHORS.has(w)) || CONTINUATIONS.has(all[0] ?? '') || CONTINUATIONS.has(opening) ? 'pointing' : 'own';
}

/**
 * Whether a question leans on what was just said: very few words of its own, or a pronoun or a
 * continuing opening in a question that is still short ("is it safe to link my card on hotel wifi"
 * names its own subject and is not a follow-up).
 */
export function looksLikeFollowUp(query: string, settings: Readonly<ContextSettings> = DEFAULT_CONTEXT): boolean {
  return followUpKind(query, settings) !== 'own';
}

/**
 * The in-context sections: tagged with the topic's intent, in an article whose section was just
 * shown, or declared as completing a section just shown (`also`).
 */
export function contextMembers(sections: readonly KnowledgeSection[], also: readonly (readonly string[])[], context: SearchContext | undefined): Uint8Array {
  const member = new Uint8Array(sections.length);
  if (!context) return member;
  const topic = context.topic;
  const shown = new Set(context.sections ?? []);
  const articles = new Set([...shown].map((id) => id.split('#')[0]));
  const partners = new Set<string>();
  sections.forEach((section, d) => {
    if (shown.has(section.id)) for (const id of also[d] ?? []) partners.add(id);
  });
  sections.forEach((section, d) => {
    const partner = partners.has(section.id) || (also[d] ?? []).some((id) => shown.has(id));
    if ((topic && section.intents.includes(topic)) || articles.has(section.articleId) || partner) member[d] = 1;
  });
  return member;
}

/** Whether the context names anything at all (an empty object is no context). */
export function hasContext(context: SearchContext | undefined): context is SearchContext {
  return Boolean(context && (context.topic || (context.sections && context.sections.length > 0)));
}

/** The follow-up with the headings of the sections just shown appended (see ContextSettings.expandWeight). */
export function expandFollowUp(query: string, context: SearchContext, headingOf: (id: string) => string | undefined): string {
  const headings = (context.sections ?? []).map(headingOf).filter((h): h is string => Boolean(h));
  return headings.length ? `${query} ${headings.join(' ')}` : query;
}

/** The follow-up as the section classifier reads it: its words and a mark per section just shown (see section-features.ts). */
export function markFollowUp(query: string, context: SearchContext): string {
  const marks = (context.sections ?? []).map(afterMark);
  return marks.length ? `${query} ${marks.join(' ')}` : query;
}
