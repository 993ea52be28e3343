/**
 * The small pattern language of the fact catalogue (intents/facts/*.yaml), compiled to regular
 * expressions over a clause's normalised words (lower case, single spaces, negations spelled out):
 *
 *   card                a word                      verif*      a word starting with "verif"
 *   {money}             any entry of a word group   (sms|text message)   inline alternatives
 *   word?  {group}?     optional                    ...         a gap of up to four words
 *   {num}               a number ("3", "three", "twice"); the fact's value when the fact has one
 *   ^ same              "^" first: the clause starts there; "$" last: the clause ends there
 *
 * Written as data so a support team can extend the catalogue without code; compiled once at load.
 * Every compiled expression is a sequence of alternations of literals with bounded gaps: it
 * cannot backtrack badly, and clauses are short.
 */

/** Number words people use for how many times something happened. */
export const NUMBER_WORDS: Readonly<Record<string, string>> = {
  once: '1',
  twice: '2',
  thrice: '3',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  several: 'several',
  many: 'many',
  multiple: 'many',
  few: 'several',
  // In the languages people mix in: "tentei três vezes", "dos veces", "coba tiga kali", "deux fois".
  dos: '2',
  dois: '2',
  duas: '2',
  tres: '3',
  cuatro: '4',
  quatro: '4',
  cinco: '5',
  tiga: '3',
  empat: '4',
  deux: '2',
  trois: '3',
  quatre: '4',
  zwei: '2',
  drei: '3',
  vier: '4',
};

const NUM_SOURCE = `(?<num>\\d{1,4}|${Object.keys(NUMBER_WORDS).join('|')})`;
/** "..." between words: up to four words in a clause, up to twelve across a message. */
const GAP_SOURCE = { clause: '(?:[^ ]+ ){0,4}', message: '(?:[^ ]+ ){0,12}' } as const;
export type PatternScope = keyof typeof GAP_SOURCE;

export class FactPatternError extends Error {}

type Groups = ReadonlyMap<string, readonly string[]>;

interface Compiling {
  groups: Groups;
  where: string;
  seen: ReadonlySet<string>;
  gap: string;
}

/** Splits a pattern into tokens, keeping "(a b|c)" and "{name}" whole. */
export function tokenizePattern(pattern: string): string[] {
  const tokens: string[] = [];
  let current = '';
  let depth = 0;
  for (const ch of pattern.trim()) {
    if (ch === '(' || ch === '{') depth += 1;
    if (ch === ')' || ch === '}') depth -= 1;
    if (depth < 0) throw new FactPatternError(`unbalanced "${ch}" in "${pattern}"`);
    if (ch === ' ' && depth === 0) {
      if (current) tokens.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (depth !== 0) throw new FactPatternError(`unbalanced brackets in "${pattern}"`);
  if (current) tokens.push(current);
  return tokens;
}

const WORD = /^[a-z0-9]+\*?$/;

/** One word: literal, or a prefix when it ends with "*"; with its trailing space. */
function wordSource(word: string, where: string): string {
  if (!WORD.test(word)) throw new FactPatternError(`"${word}" in ${where} must be lower-case letters or digits, optionally ending in *`);
  return word.endsWith('*') ? `${word.slice(0, -1)}[a-z0-9]* ` : `${word} `;
}

interface Part {
  /** The expression for the part, including the trailing space of its last word. */
  source: string;
  optional: boolean;
}

/** Every word carries its own trailing space; the clause is matched as " words of it " (see compilePattern). */
function joinParts(parts: readonly Part[]): string {
  return parts.map((part) => (part.optional ? `(?:${part.source})?` : part.source)).join('');
}

function partsOf(phrase: string, c: Compiling): Part[] {
  return tokenizePattern(phrase).map((token) => tokenSource(token, c));
}

/** Per groups table, each group's expression by name and gap (the catalogue compiles a thousand patterns that share them). */
const groupSources = new WeakMap<Groups, Map<string, string>>();

function tokenSource(raw: string, c: Compiling): Part {
  if (raw === '...') return { source: c.gap, optional: false };
  const optional = raw.endsWith('?');
  const token = optional ? raw.slice(0, -1) : raw;
  if (token === '{num}') return { source: `${NUM_SOURCE} `, optional };
  if (token.startsWith('{') && token.endsWith('}')) {
    const name = token.slice(1, -1);
    const entries = c.groups.get(name);
    if (!entries) throw new FactPatternError(`unknown word group {${name}} in ${c.where}`);
    if (c.seen.has(name)) throw new FactPatternError(`word group {${name}} refers to itself in ${c.where}`);
    // A group's expression is the same wherever it is used (for one kind of gap): built once.
    const key = `${name}\u0000${c.gap}`;
    let built = groupSources.get(c.groups);
    if (!built) groupSources.set(c.groups, (built = new Map()));
    let source = built.get(key);
    if (source === undefined) {
      source = alternatives(entries, { ...c, where: `group {${name}}`, seen: new Set([...c.seen, name]) });
      built.set(key, source);
    }
    return { source, optional };
  }
  if (token.startsWith('(') && token.endsWith(')')) return { source: alternatives(splitAlternatives(token.slice(1, -1)), c), optional };
  return { source: wordSource(token, c.where), optional };
}

/** "a|b (c|d)|e" → ["a", "b (c|d)", "e"]: only the top-level bars separate. */
function splitAlternatives(inner: string): string[] {
  const out: string[] = [];
  let current = '';
  let depth = 0;
  for (const ch of inner) {
    if (ch === '(' || ch === '{') depth += 1;
    if (ch === ')' || ch === '}') depth -= 1;
    if (ch === '|' && depth === 0) {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

function alternatives(entries: readonly string[], c: Compiling): string {
  if (entries.length === 0) throw new FactPatternError(`empty alternatives in ${c.where}`);
  const sources = entries.map((entry) => {
    if (entry.trim() === '') throw new FactPatternError(`empty alternative in ${c.where}`);
    return joinParts(partsOf(entry.trim(), c));
  });
  // Longest first, so "text message" is tried before "text" and the match covers what was said.
  return `(?:${[...new Set(sources)].sort((a, b) => b.length - a.length).join('|')})`;
}

function phraseAnchors(tokens: readonly string[], groups: Groups, seen: ReadonlySet<string>): string[] | undefined {
  for (const raw of tokens) {
    if (raw === '...' || raw.endsWith('?')) continue;
    const anchors = tokenAnchors(raw, groups, seen);
    if (anchors) return anchors;
  }
  return undefined;
}

/**
 * Words a match must contain (a word, or a prefix ending in "*"): for every required part that
 * names words, a set the clause must hold one of. "(card|it|one) ... (linked|added)" needs one of
 * the first AND one of the second. The matcher skips a pattern whose sets are not all in the
 * clause, so most patterns are ruled out by set look-ups before any expression runs; the first
 * part alone was often a word of nearly every clause ("it"). Empty for a pattern of numbers only.
 */
export function patternAnchorSets(pattern: string, groups: Groups): string[][] {
  const sets: string[][] = [];
  const seen = new Set<string>();
  for (const raw of withoutEdges(tokenizePattern(pattern))) {
    if (raw === '...' || raw.endsWith('?')) continue;
    const anchors = tokenAnchors(raw, groups, new Set());
    if (!anchors) continue;
    const key = [...anchors].sort().join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    sets.push(anchors);
  }
  return sets;
}

function tokenAnchors(token: string, groups: Groups, seen: ReadonlySet<string>): string[] | undefined {
  if (token === '{num}') return undefined;
  if (token.startsWith('{') && token.endsWith('}')) {
    const name = token.slice(1, -1);
    const entries = groups.get(name);
    if (!entries || seen.has(name)) return undefined;
    return unionAnchors(entries, groups, new Set([...seen, name]));
  }
  if (token.startsWith('(') && token.endsWith(')')) return unionAnchors(splitAlternatives(token.slice(1, -1)), groups, seen);
  return [token];
}

function unionAnchors(entries: readonly string[], groups: Groups, seen: ReadonlySet<string>): string[] | undefined {
  const out: string[] = [];
  for (const entry of entries) {
    const anchors = phraseAnchors(tokenizePattern(entry), groups, seen);
    if (!anchors) return undefined;
    out.push(...anchors);
  }
  return [...new Set(out)];
}

/**
 * Compiles one pattern. The expression finds it as whole words in ` ${clause} ` (a space on each
 * side): it starts after a space and every word ends with one.
 */
export function compilePattern(pattern: string, groups: Groups, where = `"${pattern}"`, scope: PatternScope = 'clause'): RegExp {
  const all = tokenizePattern(pattern);
  const tokens = withoutEdges(all);
  if (all.slice(1, -1).some((t) => t === '^' || t === '$') || (all.length > 1 && (all.at(-1) === '^' || all[0] === '$'))) {
    throw new FactPatternError(`"^" may only open a pattern and "$" only close it (${where})`);
  }
  if (tokens.length === 0) throw new FactPatternError(`empty pattern in ${where}`);
  if (tokens[0] === '...' || tokens.at(-1) === '...') throw new FactPatternError(`a pattern cannot start or end with "..." (${where})`);
  const parts = tokens.map((token) => tokenSource(token, { groups, where, seen: new Set(), gap: GAP_SOURCE[scope] }));
  if (tokens.every((t) => t === '...' || t.endsWith('?'))) throw new FactPatternError(`every word is optional in ${where}`);
  const start = all[0] === '^' ? '^' : '';
  const end = all.at(-1) === '$' ? '$' : '';
  return new RegExp(`${start} ${joinParts(parts)}${end}`);
}

/** The pattern's tokens without a leading "^" or a trailing "$" (clause edges, not words). */
function withoutEdges(tokens: readonly string[]): string[] {
  const from = tokens[0] === '^' ? 1 : 0;
  const to = tokens.length > from && tokens.at(-1) === '$' ? tokens.length - 1 : tokens.length;
  return tokens.slice(from, to);
}
