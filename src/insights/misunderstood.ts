/**
 * The messages the bot misunderstood, grouped: a typed message it was unsure of (low confidence),
 * could not act on (fallback, no answer), reprompted twice, or whose answer got a thumbs down.
 * Identical messages (after normalising case and punctuation) count together; similar ones are
 * grouped by TF-IDF cosine similarity (greedy: each message joins the closest group above the
 * threshold, or starts its own), and each group gets the intent the current model would now give.
 */
import { createHash } from 'node:crypto';
import type { InsightRecord } from '../core/insight-record.js';

export const MISUNDERSTOOD_REASONS = ['low_confidence', 'fallback', 'reprompted_twice', 'thumbs_down'] as const;
export type MisunderstoodReason = (typeof MISUNDERSTOOD_REASONS)[number];

/** Below this the classifier is unsure (the dialogue's own threshold for reading a message as on topic). */
export const LOW_CONFIDENCE = 0.4;

export interface SparseVector {
  indices: number[];
  values: number[];
}

/** What the report needs of the NLU: vectors for grouping, and the intent the model gives now. */
export interface TextModel {
  /** Fitted on the texts to group (their own idf), then one vector per text, L2-normalised. */
  vectorizer(texts: readonly string[]): (text: string) => SparseVector;
  suggest(text: string): { intent: string; confidence: number };
}

export interface MisunderstoodGroup {
  /** Stable: the hash of the group's first (most frequent) message. */
  id: string;
  text: string;
  count: number;
  suggestedIntent: string;
  suggestedConfidence: number;
  /** Intents the bot gave these messages at the time, most frequent first. */
  intentsThen: string[];
  reasons: Partial<Record<MisunderstoodReason, number>>;
  /** Other messages of the group (up to 5), most frequent first. */
  examples: string[];
  /** Every distinct message in the group (the inbox files these). */
  texts: string[];
}

export interface MisunderstoodItem {
  text: string;
  intent: string | null;
  reasons: MisunderstoodReason[];
}

/** Texts that are only placeholders or a few characters teach the model nothing. */
const hasWords = (text: string): boolean => /\p{L}{2,}/u.test(text.replace(/\[[a-z ]+\]/g, ''));

/**
 * The misunderstood typed messages of one conversation (its turns in time order). A thumbs down
 * marks the last typed message before it.
 */
export function misunderstoodIn(turns: readonly InsightRecord[]): MisunderstoodItem[] {
  const items = new Map<InsightRecord, MisunderstoodReason[]>();
  const mark = (t: InsightRecord, reason: MisunderstoodReason) => {
    const reasons = items.get(t) ?? [];
    if (!reasons.includes(reason)) reasons.push(reason);
    items.set(t, reasons);
  };
  let lastTyped: InsightRecord | undefined;
  for (const t of turns) {
    if (t.feedback === 'down' && lastTyped) mark(lastTyped, 'thumbs_down');
    if (t.text === undefined || t.error || !hasWords(t.text)) continue;
    lastTyped = t;
    if (t.conf < LOW_CONFIDENCE) mark(t, 'low_confidence');
    if (t.signals?.some((s) => s.kind === 'fallback' || s.kind === 'no_answer')) mark(t, 'fallback');
    if (t.signals?.some((s) => s.kind === 'reprompt' && s.misses >= 2)) mark(t, 'reprompted_twice');
  }
  return [...items].map(([t, reasons]) => ({ text: t.text ?? '', intent: t.intent, reasons }));
}

export function normaliseForGrouping(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}[\] ]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface Distinct {
  key: string;
  text: string;
  count: number;
  intents: Map<string, number>;
  reasons: Map<MisunderstoodReason, number>;
}

const groupId = (key: string): string => createHash('sha256').update(key).digest('hex').slice(0, 8);

/**
 * Cosine of a message against many leaders: the message is spread into a dense scratch array once,
 * then each leader's product costs only its own features.
 */
function createScratch() {
  let dense = new Float64Array(1024);
  return {
    load(v: SparseVector): void {
      for (let i = 0; i < v.indices.length; i++) {
        const index = v.indices[i] as number;
        if (index >= dense.length) {
          const bigger = new Float64Array(Math.max(index + 1, dense.length * 2));
          bigger.set(dense);
          dense = bigger;
        }
        dense[index] = v.values[i] as number;
      }
    },
    dot(leader: SparseVector): number {
      let sum = 0;
      for (let i = 0; i < leader.indices.length; i++) sum += (leader.values[i] as number) * (dense[leader.indices[i] as number] ?? 0);
      return sum;
    },
    clear(v: SparseVector): void {
      for (const index of v.indices) dense[index] = 0;
    },
  };
}

export interface GroupOptions {
  /** Cosine similarity at which two messages are one group (default 0.5). */
  threshold?: number;
  /** Only this many distinct messages are grouped (the most frequent); the rest are left out (default 5,000). */
  maxDistinct?: number;
  /** Groups returned, largest first (default 200). */
  limit?: number;
}

/** Identical messages together, then similar ones, largest groups first. */
export function groupMisunderstood(items: readonly MisunderstoodItem[], model: TextModel, options: GroupOptions = {}): { groups: MisunderstoodGroup[]; distinct: number; leftOut: number } {
  const threshold = options.threshold ?? 0.5;
  const byKey = new Map<string, Distinct>();
  for (const item of items) {
    const key = normaliseForGrouping(item.text);
    if (key === '') continue;
    let d = byKey.get(key);
    if (!d) byKey.set(key, (d = { key, text: item.text, count: 0, intents: new Map(), reasons: new Map() }));
    d.count++;
    if (item.intent) d.intents.set(item.intent, (d.intents.get(item.intent) ?? 0) + 1);
    for (const r of item.reasons) d.reasons.set(r, (d.reasons.get(r) ?? 0) + 1);
  }
  const all = [...byKey.values()].sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  const distinct = all.slice(0, options.maxDistinct ?? 5000);
  const vectorOf = model.vectorizer(distinct.map((d) => d.text));

  // Greedy leader clustering. Candidates come from an inverted index over the leaders' rarer words
  // (a word most leaders share says nothing), then the full TF-IDF cosine decides.
  const leaders: Array<{ members: Distinct[]; vector: SparseVector }> = [];
  const postings = new Map<string, number[]>();
  const scratch = createScratch();
  for (const d of distinct) {
    const v = vectorOf(d.text);
    const words = indexWords(d.key);
    const shared = new Map<number, number>();
    for (const word of words) {
      const list = postings.get(word);
      if (!list || list.length > MAX_POSTING) continue;
      for (const leader of list) shared.set(leader, (shared.get(leader) ?? 0) + 1);
    }
    // Leaders that share a good part of the words; the most sharing first when there are many.
    const needed = Math.max(1, Math.floor(words.length / 3));
    let candidates = [...shared].filter(([, n]) => n >= needed);
    if (candidates.length > MAX_CANDIDATES) candidates = candidates.sort((x, y) => y[1] - x[1]).slice(0, MAX_CANDIDATES);
    let best = -1;
    let bestScore = threshold;
    scratch.load(v);
    for (const [c] of candidates) {
      const leader = leaders[c];
      if (!leader) continue;
      const score = scratch.dot(leader.vector);
      if (score >= bestScore) [best, bestScore] = [c, score];
    }
    scratch.clear(v);
    const chosen = leaders[best];
    if (chosen) {
      chosen.members.push(d);
      continue;
    }
    const id = leaders.length;
    leaders.push({ members: [d], vector: v });
    for (const word of words) {
      const list = postings.get(word);
      if (list) list.push(id);
      else postings.set(word, [id]);
    }
  }
  const count = (members: Distinct[]) => members.reduce((n, m) => n + m.count, 0);
  // Only the groups shown get the model's suggestion: the classifier is the costly part.
  const groups = leaders
    .map((l) => ({ members: l.members, count: count(l.members), id: groupId(l.members[0]?.key ?? '') }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1))
    .slice(0, options.limit ?? 200)
    .map(({ members }) => toGroup(members, model));
  return { groups, distinct: byKey.size, leftOut: all.length - distinct.length };
}

/** A word in more leaders than this finds no candidates (it is in most messages). */
const MAX_POSTING = 200;
/** The leaders sharing the most words with a message are compared in full, at most this many. */
const MAX_CANDIDATES = 30;

/** The words worth indexing: three letters or more, each once. */
function indexWords(key: string): string[] {
  return [...new Set(key.split(' ').filter((w) => w.length >= 3))];
}

function toGroup(members: Distinct[], model: TextModel): MisunderstoodGroup {
  const [head] = members;
  if (!head) throw new Error('a group has at least one message');
  const suggestion = model.suggest(head.text);
  const tally = <K extends string>(pick: (d: Distinct) => Map<K, number>): Map<K, number> => {
    const out = new Map<K, number>();
    for (const m of members) for (const [k, n] of pick(m)) out.set(k, (out.get(k) ?? 0) + n);
    return out;
  };
  const intents = [...tally((d) => d.intents)].sort((a, b) => b[1] - a[1]).map(([intent]) => intent);
  return {
    id: groupId(head.key),
    text: head.text,
    count: members.reduce((n, m) => n + m.count, 0),
    suggestedIntent: suggestion.intent,
    suggestedConfidence: Math.round(suggestion.confidence * 1000) / 1000,
    intentsThen: intents,
    reasons: Object.fromEntries(tally((d) => d.reasons)),
    examples: members.slice(1, 6).map((m) => m.text),
    texts: members.map((m) => m.text),
  };
}
