import type { KnowledgeBase, KnowledgeSection, ScoredSection, SearchContext } from '../core/ports.js';
import { DEFAULT_ANSWER_PARTS, isDeclaredPart, splitClauses, type AnswerPartSettings } from './answer-parts.js';
import { buildSynonymMap, DOMAIN_SYNONYMS } from './domain-synonyms.js';
import { buildDomainStems, DOMAIN_TERMS } from './domain-terms.js';
import type { KnowledgeIndexFile } from './knowledge-index-file.js';
import { createRanker, DEFAULT_RANKING, type ScoredText } from './rank-sections.js';
import { contextMembers, DEFAULT_CONTEXT, expandFollowUp, followUpKind, hasContext, type ContextSettings, type FollowUpKind } from './search-context.js';
import { createSearcher, type SearchHit } from './search-index.js';
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
  /** Score multiplier for sections related to the intents given to `search`. */
  intentBoost?: number;
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
export const DEFAULT_RESCUE_PROBABILITY = 0.7;
export const DEFAULT_MIN_PROBABILITY = 0.25;
export const DEFAULT_INTENT_BOOST = DEFAULT_RANKING.intentBoost;
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

interface Ranked {
  doc: number;
  score: number;
}

export function createKnowledgeBase(data: KnowledgeIndexFile, options: KnowledgeBaseOptions = {}): LoadedKnowledgeBase {
  const minRelevance = options.minRelevance ?? DEFAULT_MIN_RELEVANCE;
  const rescueProbability = options.rescueProbability ?? DEFAULT_RESCUE_PROBABILITY;
  const minProbability = options.minProbability ?? DEFAULT_MIN_PROBABILITY;
  const intentBoost = options.intentBoost ?? DEFAULT_INTENT_BOOST;
  const contextSettings = { ...DEFAULT_CONTEXT, ...options.context };
  const partSettings = { ...DEFAULT_ANSWER_PARTS, ...options.answerParts };
  // The asks questions and pairings only feed the index: callers see plain sections.
  const sections = data.sections.map(({ asks: _asks, also: _also, ...s }) => Object.freeze({ ...s, intents: Object.freeze([...s.intents]) as string[] }));
  const also = data.sections.map((s) => s.also ?? []);
  const byId = new Map(sections.map((s) => [s.id, s]));
  const searcher = createSearcher(data.index, synonymMap, {
    extraVocabulary,
    ...(options.headingBonus !== undefined ? { headingBonus: options.headingBonus } : {}),
    ...(options.askBonus !== undefined ? { askBonus: options.askBonus } : {}),
  });
  // A classifier that does not fit the sections (a hand-edited index) is retrained rather than trusted.
  const stored = deserializeSectionClassifier(data.classifier);
  const classifier = stored && stored.labels === sections.length ? stored : trainSectionClassifier(classifierExamples(data.sections), data.sections.length);
  const ranker = createRanker(searcher, classifier, options.classifierWeight ?? DEFAULT_RANKING.classifierWeight);
  const blended = new Float64Array(sections.length);
  const scratch = new Float64Array(sections.length);
  const lexical = new Float64Array(sections.length);

  /**
   * Whether anything answers the question at all. It must use a word of ours (or follow up on the
   * conversation); then a confident classifier answers it; a classifier that recognises no section
   * refuses it, unless a section's words cover nearly all of it (a new section nobody wrote asks
   * for yet); otherwise the BM25 floor decides. All on unboosted scores: an intent hint must not
   * make a stranger question answerable.
   */
  function answerable(query: string, scored: ScoredText, followUp: boolean): boolean {
    const top = scored.hits[0];
    if (!top) return false;
    const onTopic = followUp || top.coverage >= ON_TOPIC_COVERAGE || searcher.terms(query).some((t) => domainStems.has(t));
    if (!onTopic) return false;
    if (scored.classifierProbability >= rescueProbability) return true;
    if (!followUp && scored.classifierProbability < minProbability && top.coverage < FULL_COVERAGE) return false;
    return top.score * top.coverage >= minRelevance;
  }

  /** Where the second part of the answer sits in `ranked` (0: none), by the two rules of answer-parts.ts. */
  function secondPart(query: string, ranked: readonly Ranked[], hits: readonly SearchHit[]): number {
    const first = ranked[0];
    if (!first || ranked.length < 2) return 0;
    // A declared partner is judged by the words the question shares with it (BM25): the classifier
    // picks one section per question and leaves its partner near zero.
    lexical.fill(0);
    for (const h of hits) lexical[h.doc] = h.score;
    const part = (r: Ranked) => ({ id: sections[r.doc]?.id ?? '', score: lexical[r.doc] ?? 0, also: also[r.doc] ?? [] });
    const clauses = splitClauses(query);
    if (clauses.length >= 2) {
      let best = -1;
      let bestProbability = partSettings.clauseConfidence;
      for (const clause of clauses) {
        const { top, probability } = ranker.classify(clause);
        if (top !== first.doc && probability >= bestProbability) {
          best = top;
          bestProbability = probability;
        }
      }
      const at = best >= 0 ? ranked.findIndex((r) => r.doc === best) : -1;
      if (at > 0 && (ranked[at]?.score ?? 0) >= partSettings.clauseRatio * first.score) return at;
    }
    const window = ranked.slice(1, PART_CANDIDATES + 1);
    return window.findIndex((r) => isDeclaredPart(part(first), part(r), partSettings)) + 1;
  }

  function rank(query: string, context: SearchContext | undefined, kind: FollowUpKind, intents: readonly string[]): Ranked[] {
    if (kind !== 'own' && context && contextSettings.expandWeight > 0) {
      const expanded = expandFollowUp(query, context, (id) => byId.get(id)?.title);
      if (expanded !== query) {
        ranker.score(expanded, scratch);
        const w = contextSettings.expandWeight;
        for (let d = 0; d < blended.length; d++) blended[d] = (1 - w) * (blended[d] ?? 0) + w * (scratch[d] ?? 0);
      }
    }
    const boosted = new Set(intents);
    // Only a follow-up leans on the context; a question with its own subject is ranked as asked.
    const inContext = kind === 'own' ? undefined : contextMembers(sections, also, context);
    const contextBoost = contextSettings.followUpBoost;
    const ranked: Ranked[] = [];
    sections.forEach((section, doc) => {
      let score = blended[doc] ?? 0;
      if (score <= 0) return;
      if (boosted.size > 0 && section.intents.some((i) => boosted.has(i))) score *= intentBoost;
      if (inContext?.[doc]) score *= contextBoost;
      ranked.push({ doc, score });
    });
    return ranked.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  return {
    sections,
    articles: data.articles,
    contentHash: data.contentHash,
    section: (id) => byId.get(id),
    search(query, searchOptions = {}) {
      const limit = Math.max(0, searchOptions.limit ?? 3);
      if (limit === 0 || typeof query !== 'string' || !query.trim()) return [];
      const context = hasContext(searchOptions.context) ? searchOptions.context : undefined;
      const kind = context !== undefined ? followUpKind(query, contextSettings) : 'own';
      const followUp = kind !== 'own';
      const scored = ranker.score(query, blended);
      if (!answerable(query, scored, followUp)) return [];
      const ranked = rank(query, context, kind, searchOptions.intents ?? []);
      // The second part of the answer moves up to second place.
      const at = secondPart(query, ranked, scored.hits);
      if (at > 1) ranked.splice(1, 0, ...ranked.splice(at, 1));
      return ranked.slice(0, limit).map((r, i): ScoredSection => {
        const result: ScoredSection = { section: sections[r.doc] as KnowledgeSection, score: Math.round(r.score * 1000) / 1000 };
        if (i === 1 && at > 0) result.partOfAnswer = true;
        return result;
      });
    },
  };
}
