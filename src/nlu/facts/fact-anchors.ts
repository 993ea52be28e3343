/**
 * The fact matcher's anchor index: which patterns can match a clause at all, decided by set
 * look-ups on its words before any expression runs (see patternAnchorSets).
 */
import type { CompiledPattern } from './load-facts.js';

/**
 * An index from anchor words to the anchor sets they belong to (see patternAnchorSets; one id per
 * set), so that one pass over a clause's words marks the sets it holds: a pattern runs only when
 * all its sets are marked.
 */
export interface AnchorIndex {
  ids: Map<CompiledPattern, number[]>;
  exact: Map<string, number[]>;
  prefix: Map<string, number[]>;
  /** The lengths of the prefixes in `prefix`: only those are looked up. */
  prefixLengths: number[];
  always: number[];
  size: number;
  /** Reused for every clause: matching is synchronous, so one scratch array is enough. */
  scratch: Uint8Array;
  /** Per anchor set (one id each), the fact whose pattern or denial it belongs to (-1: an exception's). */
  factOf: number[];
  /** Per fact, whether any anchor set of its patterns or denials is live in the clause (scratch too). */
  factScratch: Uint8Array;
}

export function indexAnchors(owned: ReadonlyArray<{ pattern: CompiledPattern; fact: number }>, facts: number): AnchorIndex {
  const index: AnchorIndex = { ids: new Map(), exact: new Map(), prefix: new Map(), prefixLengths: [], always: [], size: 0, scratch: new Uint8Array(0), factOf: [], factScratch: new Uint8Array(facts) };
  const add = (map: Map<string, number[]>, key: string, id: number) => {
    const list = map.get(key);
    if (list) list.push(id);
    else map.set(key, [id]);
  };
  for (const { pattern, fact } of owned) {
    const ids = pattern.anchors.map((anchors) => {
      const id = index.size++;
      index.factOf.push(fact);
      if (!anchors) index.always.push(id);
      else for (const anchor of anchors) {
        if (anchor.endsWith('*')) add(index.prefix, anchor.slice(0, -1), id);
        else add(index.exact, anchor, id);
      }
      return id;
    });
    index.ids.set(pattern, ids);
  }
  index.prefixLengths = [...new Set([...index.prefix.keys()].map((key) => key.length))].sort((a, b) => a - b);
  index.scratch = new Uint8Array(index.size);
  return index;
}

/** Which anchor sets this text holds a word of (and, per fact, whether any of its sets is held). */
export function liveExpressions(index: AnchorIndex, padded: string): Uint8Array {
  const live = index.scratch;
  const facts = index.factScratch;
  live.fill(0);
  facts.fill(0);
  const mark = (ids: readonly number[]): void => {
    for (const id of ids) {
      live[id] = 1;
      const fact = index.factOf[id] ?? -1;
      if (fact >= 0) facts[fact] = 1;
    }
  };
  mark(index.always);
  for (const word of padded.trim().split(' ')) {
    const exact = index.exact.get(word);
    if (exact) mark(exact);
    for (const length of index.prefixLengths) {
      if (length > word.length) break;
      const prefixed = index.prefix.get(word.slice(0, length));
      if (prefixed) mark(prefixed);
    }
  }
  return live;
}

export interface Live {
  index: AnchorIndex;
  marks: Uint8Array;
}

/** Whether the clause holds a word of every one of these anchor sets. */
export function allLive(ids: readonly number[], marks: Uint8Array): boolean {
  for (const id of ids) if (marks[id] !== 1) return false;
  return true;
}
