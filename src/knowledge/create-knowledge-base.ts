import type { KnowledgeBase, KnowledgeSection, ScoredSection } from '../core/ports.js';
import { buildSynonymMap } from './domain-synonyms.js';
import { buildDomainStems, DOMAIN_TERMS } from './domain-terms.js';
import { DOMAIN_SYNONYMS } from './domain-synonyms.js';
import type { KnowledgeIndexFile } from './knowledge-index-file.js';
import { createSearcher } from './search-index.js';
import { analyze, contentWords } from './text-analysis.js';

export interface KnowledgeBaseOptions {
  /**
   * The floor (after the on-topic check, see DOMAIN_TERMS): when the best section's relevance (BM25 score × the share of the question's
   * weight it matched) is below this, nothing is returned and the bot says it does not know.
   * Tuned on test/knowledge/questions.yaml, everyday questions and out-of-scope ones.
   */
  minRelevance?: number;
  /** Score multiplier for sections related to the intents given to `search`. */
  intentBoost?: number;
}

export const DEFAULT_MIN_RELEVANCE = 1.5;
export const DEFAULT_INTENT_BOOST = 1.5;
/** A question without any DOMAIN_TERMS word still counts as ours when its best section matches this much of it. */
const ON_TOPIC_COVERAGE = 0.6;

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

function usesDomainTerm(terms: readonly string[]): boolean {
  return terms.some((term) => domainStems.has(term));
}

export function createKnowledgeBase(data: KnowledgeIndexFile, options: KnowledgeBaseOptions = {}): LoadedKnowledgeBase {
  const minRelevance = options.minRelevance ?? DEFAULT_MIN_RELEVANCE;
  const intentBoost = options.intentBoost ?? DEFAULT_INTENT_BOOST;
  // The asks questions only feed the index: callers see plain sections.
  const sections = data.sections.map(({ asks: _asks, ...s }) => Object.freeze({ ...s, intents: Object.freeze([...s.intents]) as string[] }));
  const byId = new Map(sections.map((s) => [s.id, s]));
  const searcher = createSearcher(data.index, synonymMap, { extraVocabulary });

  return {
    sections,
    articles: data.articles,
    contentHash: data.contentHash,
    section: (id) => byId.get(id),
    search(query, searchOptions = {}) {
      const limit = Math.max(0, searchOptions.limit ?? 3);
      if (limit === 0 || typeof query !== 'string' || !query.trim()) return [];
      const hits = searcher.search(query);
      const top = hits[0];
      // The floor looks at the best unboosted hit: an intent hint must not make a stranger question answerable.
      if (!top || top.score * top.coverage < minRelevance) return [];
      // Off topic unless it uses a word of ours, or most of the question matched a section anyway.
      if (top.coverage < ON_TOPIC_COVERAGE && !usesDomainTerm(searcher.terms(query))) return [];
      const boosted = new Set(searchOptions.intents ?? []);
      const scored: ScoredSection[] = [];
      for (const hit of hits) {
        const section = sections[hit.doc];
        if (!section) continue;
        const related = boosted.size > 0 && section.intents.some((i) => boosted.has(i));
        scored.push({ section, score: related ? hit.score * intentBoost : hit.score });
      }
      scored.sort((a, b) => b.score - a.score || a.section.id.localeCompare(b.section.id));
      return scored.slice(0, limit).map((s) => ({ section: s.section, score: Math.round(s.score * 1000) / 1000 }));
    },
  };
}
