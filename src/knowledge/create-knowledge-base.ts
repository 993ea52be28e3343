import type { KnowledgeBase, KnowledgeSection, ScoredSection, SearchContext } from '../core/ports.js';
import { askedPart } from './asked-part.js';
import { withBankAcronyms } from './bank-acronyms.js';
import { DEFAULT_ANSWER_PARTS, isDeclaredPart, splitClauses, type AnswerPartSettings } from './answer-parts.js';
import { buildSynonymMap, DOMAIN_SYNONYMS } from './domain-synonyms.js';
import { buildDomainStems, DOMAIN_TERMS } from './domain-terms.js';
import type { KnowledgeIndexFile } from './knowledge-index-file.js';
import { createRanker, DEFAULT_RANKING, type ScoredText } from './rank-sections.js';
import { asksForNextStep, contextMembers, DEFAULT_CONTEXT, expandFollowUp, followUpKind, hasContext, markFollowUp, type ContextSettings, type FollowUpKind } from './search-context.js';
import { createSearcher } from './search-index.js';
import { classifierExamples, deserializeSectionClassifier, trainSectionClassifier } from './section-classifier.js';
import { analyze, contentWords } from './text-analysis.js';

export interface KnowledgeBaseOptions {
  /**
   * The floor (after the on-topic check, see DOMAIN_TERMS): when the best section's relevance (BM25 score × the share of the question's
   * weight it matched) is below this, nothing is returned and the bot says it does not know.
   */
  minRelevance?: number;
  /** Below the floor, the question is still answered when the section classifier is at least this sure (and it is on topic). */
  rescueProbability?: number;
  /**
   * Above the floor, a question (not a follow-up) is still refused when the section classifier
   * gives no section even this probability and no section covers most of its words: it shares
   * words with sections but is asked like none of their questions ("how much import tax will I pay").
   */
  minProbability?: number;
  /**
   * A question with no word of our domain is still ours when BM25 and the section classifier pick
   * the same section and the classifier is at least this sure ("i keep overspending, can i stop
   * myself going past a set amount" has no word of ours, but both models say own limits).
   */
  agreeProbability?: number;
  /** Score multiplier for sections related to the intents given to `search`. */
  intentBoost?: number;
  /** Score multiplier for sections about a fact given to `search` (their `facts:` setting). */
  factBoost?: number;
  /** Weight of a long message's last, asking sentence searched alone (see asked-part.ts). */
  askedPartWeight?: number;
  /** Weight of the section classifier against BM25 (see rank-sections.ts). */
  classifierWeight?: number;
  /** How the conversation's context weighs (see search-context.ts). */
  context?: Partial<ContextSettings>;
  /** When a second section is shown as a second part of the answer (see answer-parts.ts). */
  answerParts?: Partial<AnswerPartSettings>;
  /** BM25's closest-phrasing bonuses (see search-index.ts); for tuning. */
  headingBonus?: number;
  askBonus?: number;
}

export const DEFAULT_MIN_RELEVANCE = 1.5;
export const DEFAULT_ASKED_PART_WEIGHT = 0.3;
export const DEFAULT_RESCUE_PROBABILITY = 0.7;
export const DEFAULT_MIN_PROBABILITY = 0.25;
export const DEFAULT_AGREE_PROBABILITY = 0.95;
export const DEFAULT_INTENT_BOOST = DEFAULT_RANKING.intentBoost;
/** How much a section about a fact the message states gains (chosen on the conversation sets; see docs/models.md). */
export const DEFAULT_FACT_BOOST = 2;
/** How far down the ranking a declared partner may come from to be the second part. */
const PART_CANDIDATES = 3;
/** A question without any DOMAIN_TERMS word still counts as ours when its best section matches this much of it. */
const ON_TOPIC_COVERAGE = 0.6;
/** A question this well covered by a section's words is answerable whatever the classifier thinks. */
const FULL_COVERAGE = 0.8;

/** The knowledge base, plus what the CLI and tests need to list and check sections. */
export interface LoadedKnowledgeBase extends KnowledgeBase {
  readonly sections: readonly KnowledgeSection[];
  readonly articles: Readonly<Record<string, string>>;
  readonly contentHash: string;
}

const synonymMap = buildSynonymMap();
const domainStems = buildDomainStems();

/** Synonyms and domain terms are words too: "recieve" is corrected to "receive" though no section says it. */
const extraVocabulary = [...new Set([...DOMAIN_TERMS, ...DOMAIN_SYNONYMS.flat()].flatMap((w) => contentWords(w)))];

/** Whether the question uses at least one word of our domain (see DOMAIN_TERMS). */
export function isOnTopic(query: string): boolean {
  return analyze(query).some((term) => domainStems.has(term));
}

export function createKnowledgeBase(data: KnowledgeIndexFile, options: KnowledgeBaseOptions = {}): LoadedKnowledgeBase {
  const minRelevance = options.minRelevance ?? DEFAULT_MIN_RELEVANCE;
  const rescueProbability = options.rescueProbability ?? DEFAULT_RESCUE_PROBABILITY;
  const minProbability = options.minProbability ?? DEFAULT_MIN_PROBABILITY;
  const intentBoost = options.intentBoost ?? DEFAULT_INTENT_BOOST;
  const factBoost = options.factBoost ?? DEFAULT_FACT_BOOST;
  const agreeProbability = options.agreeProbability ?? DEFAULT_AGREE_PROBABILITY;
  const askedPartWeight = options.askedPartWeight ?? DEFAULT_ASKED_PART_WEIGHT;
  const contextSettings = { ...DEFAULT_CONTEXT, ...options.context };
  const partSettings = { ...DEFAULT_ANSWER_PARTS, ...options.answerParts };
  // The asks questions and pairings only feed the index: callers see plain sections.
  const sections = data.sections.map(({ asks: _asks, also: _also, next: _next, facts: _facts, examples: _examples, ...s }) => Object.freeze({ ...s, intents: Object.freeze([...s.intents]) as string[] }));
  const also = data.sections.map((s) => s.also ?? []);
  const nextOf = new Map(data.sections.flatMap((s) => (s.next ? [[s.id, s.next] as const] : [])));
  const aboutFacts = data.sections.map((s) => s.facts ?? []);
  const byId = new Map(sections.map((s) => [s.id, s]));
  const indexById = new Map(sections.map((s, i) => [s.id, i]));
  const searcher = createSearcher(data.index, synonymMap, {
    extraVocabulary,
    ...(options.headingBonus !== undefined ? { headingBonus: options.headingBonus } : {}),
    ...(options.askBonus !== undefined ? { askBonus: options.askBonus } : {}),
  });
  // A classifier that does not fit the sections (a hand-edited index) is retrained rather than trusted.
  const stored = deserializeSectionClassifier(data.classifier);
  const classifier = stored && stored.labels === sections.length ? stored : trainSectionClassifier(classifierExamples(data.sections), data.sections.length);
  const ranker = createRanker(searcher, classifier, options.classifierWeight ?? DEFAULT_RANKING.classifierWeight);
  // Reused across searches: search is synchronous, and fresh arrays per call only feed the GC.
  const n = sections.length;
  const blended = new Float64Array(n);
  const lexical = new Float64Array(n);
  const scratch = new Float64Array(n);
  const scratchLexical = new Float64Array(n);
  const headingOf = (id: string): string | undefined => byId.get(id)?.title;

  /**
   * Whether anything answers the question at all. It must use a word of ours (or follow up on the
   * conversation); then a confident classifier answers it; a classifier that recognises no section
   * refuses it, unless a section's words cover nearly all of it (a new section nobody wrote asks
   * for yet); otherwise the BM25 floor decides. All on unboosted scores: an intent hint must not
   * make a stranger question answerable.
   */
  function answerable(scored: ScoredText, followUp: boolean): boolean {
    if (scored.best < 0) return false;
    // Both models sure of one section is not enough when most of the words are strangers to us:
    // "write me a poem about the sea" is no question about what to include in a message.
    const agreed = scored.best === scored.classifierTop && scored.classifierProbability >= agreeProbability && mostlyKnown(scored.terms);
    const onTopic = followUp || agreed || scored.bestCoverage >= ON_TOPIC_COVERAGE || scored.terms.some((t) => domainStems.has(t));
    if (!onTopic) return false;
    if (scored.classifierProbability >= rescueProbability) return true;
    if (!followUp && scored.classifierProbability < minProbability && scored.bestCoverage < FULL_COVERAGE) return false;
    return scored.bestScore * scored.bestCoverage >= minRelevance;
  }

  /**
   * A question asked in a conversation that names nothing of ours ("how long should I wait before
   * worrying", "still nothing after 3 weeks, who do I ask") can only be about what was just said,
   * however many words it has.
   */
  function readAsFollowUp(kind: FollowUpKind, bare: ScoredText): FollowUpKind {
    return kind === 'own' && !bare.terms.some((t) => domainStems.has(t)) ? 'pointing' : kind;
  }

  /** At most `maxUnknownShare` of the question's terms are unknown to the index. */
  function mostlyKnown(terms: readonly string[]): boolean {
    const unknown = terms.filter((t) => !ranker.knows(t)).length;
    return unknown <= contextSettings.maxUnknownShare * terms.length;
  }

  /**
   * A follow-up whose own words find nothing ("what do I need to get one", all common words) is
   * judged with the conversation's headings added, as it is ranked: its words were never meant to
   * stand alone. Not when most of its words are unknown to us: "can I use it in Hong Kong" after
   * the Tour Pass brings a subject of its own that we know nothing about.
   */
  function answerableInContext(query: string, bare: ScoredText, context: SearchContext): boolean {
    if (!mostlyKnown(bare.terms)) return false;
    const expanded = expandFollowUp(query, context, headingOf);
    return expanded !== query && answerable(ranker.score(expanded, scratch, scratchLexical, markFollowUp(query, context)), true);
  }

  /**
   * An asked sentence searched alone must say what it asks about: "is this in yuan" does, "what are
   * my options" does not, and alone it would rank whichever section has "options" in it.
   */
  function saysEnoughAlone(asked: string): boolean {
    const terms = analyze(asked);
    return terms.length >= 2 || terms.some((t) => domainStems.has(t));
  }

  /** The final score of every section into `blended`: intents and the context on top of the blend. */
  function boost(query: string, context: SearchContext | undefined, kind: FollowUpKind, intents: readonly string[], facts: readonly string[]): void {
    if (kind !== 'own' && context && contextSettings.expandWeight > 0) {
      const expanded = expandFollowUp(query, context, headingOf);
      if (expanded !== query) {
        ranker.score(expanded, scratch, scratchLexical, markFollowUp(query, context));
        const w = contextSettings.expandWeight;
        for (let d = 0; d < n; d++) blended[d] = (1 - w) * (blended[d] ?? 0) + w * (scratch[d] ?? 0);
      }
    }
    // A follow-up leans on the context; a question with its own subject only a little, so a change of topic wins.
    const inContext = context ? contextMembers(sections, also, context) : undefined;
    const contextBoost = kind === 'own' ? contextSettings.ownQuestionBoost : contextSettings.followUpBoost;
    const boosted = intents.length > 0 ? new Set(intents) : undefined;
    const stated = facts.length > 0 ? new Set(facts) : undefined;
    for (let d = 0; d < n; d++) {
      if (boosted && sections[d]?.intents.some((i) => boosted.has(i))) blended[d] = (blended[d] ?? 0) * intentBoost;
      if (stated && aboutFacts[d]?.some((f) => stated.has(f))) blended[d] = (blended[d] ?? 0) * factBoost;
      if (inContext?.[d]) blended[d] = (blended[d] ?? 0) * contextBoost;
    }
    // "ok, then?" after a step of a procedure asks for the step its article declares next: it goes
    // first, whatever the words say (they say nothing of it).
    if (context && kind !== 'own' && asksForNextStep(query)) {
      const best = Math.max(0, ...blended);
      for (const id of context.sections ?? []) {
        const d = indexById.get(nextOf.get(id) ?? '');
        if (d !== undefined) blended[d] = best + 1e-6;
      }
    }
  }

  /** Whether section a ranks above section b (ties: index order). */
  const above = (a: number, b: number): boolean => (blended[a] ?? 0) > (blended[b] ?? 0) || ((blended[a] ?? 0) === (blended[b] ?? 0) && a < b);

  /** The best `count` sections with a positive score, best first. */
  function top(count: number): number[] {
    const picked: number[] = [];
    for (let d = 0; d < n; d++) {
      if (!((blended[d] ?? 0) > 0)) continue;
      let at = picked.length;
      while (at > 0 && above(d, picked[at - 1] ?? 0)) at--;
      if (at < count) {
        picked.splice(at, 0, d);
        if (picked.length > count) picked.pop();
      }
    }
    return picked;
  }

  /** The section that is the second part of the answer (-1: none), by the two rules of answer-parts.ts. */
  function secondPart(query: string, first: number, candidates: readonly number[]): number {
    const clauses = splitClauses(query);
    if (clauses.length >= 2) {
      let best = -1;
      let bestProbability = partSettings.clauseConfidence;
      for (const clause of clauses) {
        const { top: clauseTop, probability } = ranker.classify(clause);
        if (clauseTop !== first && probability >= bestProbability) {
          best = clauseTop;
          bestProbability = probability;
        }
      }
      // From beyond the first three it takes the third one's place, so it must be surer.
      const sure = candidates.slice(0, 3).includes(best) || bestProbability >= partSettings.clauseOutsideConfidence;
      if (best >= 0 && sure && (blended[best] ?? 0) > 0 && (blended[best] ?? 0) >= partSettings.clauseRatio * (blended[first] ?? 0)) return best;
    }
    // A declared partner is judged by the words the question shares with it (BM25): the classifier
    // picks one section per question and leaves its partner near zero.
    const part = (d: number) => ({ id: sections[d]?.id ?? '', score: lexical[d] ?? 0, also: also[d] ?? [] });
    const declared = candidates.slice(1, PART_CANDIDATES + 1).find((d) => isDeclaredPart(part(first), part(d), partSettings));
    if (declared !== undefined) return declared;
    // A partner the ranking left out still completes the answer when the question uses its words:
    // a fee question that lands on the card check also gets what the guides say about fees.
    return (also[first] ?? []).map((id) => indexById.get(id) ?? -1).find((d) => d >= 0 && (lexical[d] ?? 0) > 0) ?? -1;
  }

  return {
    sections,
    articles: data.articles,
    contentHash: data.contentHash,
    section: (id) => byId.get(id),
    search(typed, searchOptions = {}) {
      const limit = Math.max(0, searchOptions.limit ?? 3);
      if (limit === 0 || typeof typed !== 'string' || !typed.trim()) return [];
      const query = withBankAcronyms(typed);
      const context = hasContext(searchOptions.context) ? searchOptions.context : undefined;
      const bare = ranker.score(query, blended, lexical);
      const asked = askedPartWeight > 0 ? askedPart(query) : undefined;
      let askedScored: ScoredText | undefined;
      if (asked && saysEnoughAlone(asked)) {
        askedScored = ranker.score(asked, scratch, scratchLexical);
        for (let d = 0; d < n; d++) blended[d] = (1 - askedPartWeight) * (blended[d] ?? 0) + askedPartWeight * (scratch[d] ?? 0);
      }
      const kind = context !== undefined ? readAsFollowUp(followUpKind(query, contextSettings), bare) : 'own';
      // A question with a subject of its own must be answerable as asked ("my order is late" after verification is not about verifying).
      // A story that spreads the classifier over several sections is still answerable when its
      // asking sentence is ("… yesterday the payment was held and they asked for a document. how long will the check take?").
      const askedAnswerable = askedScored !== undefined && answerable(askedScored, false);
      if (!answerable(bare, kind !== 'own') && !askedAnswerable && !(context && kind !== 'own' && answerableInContext(query, bare, context))) return [];
      boost(query, context, kind, searchOptions.intents ?? [], searchOptions.facts ?? []);
      const ranked = top(Math.max(limit, PART_CANDIDATES + 1));
      const first = ranked[0];
      if (first === undefined) return [];
      // The second part of the answer moves up to second place.
      const second = secondPart(query, first, ranked);
      const order = second >= 0 ? [first, second, ...ranked.slice(1).filter((d) => d !== second)] : ranked;
      return order.slice(0, limit).map((d, i): ScoredSection => {
        const result: ScoredSection = { section: sections[d] as KnowledgeSection, score: Math.round((blended[d] ?? 0) * 1000) / 1000 };
        if (i === 1 && second >= 0) result.partOfAnswer = true;
        return result;
      });
    },
  };
}
