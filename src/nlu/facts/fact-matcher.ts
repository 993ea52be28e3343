/**
 * Reads the facts of a message, clause by clause, from the compiled catalogue. Negation is
 * scoped to the clause: a negation word just before a match ("no error message", "not a funds
 * problem") or a denial right after it ("insufficient funds is not the issue") turns the fact
 * round; a fact that is not negatable is then dropped, since "no error" states no error.
 */
import type { Fact } from '../../core/types.js';
import { NUMBER_WORDS } from './fact-pattern.js';
import type { CompiledFact, CompiledPattern, FactCatalogue } from './load-facts.js';

/** Words that turn the statement after them round. */
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nothing', 'none', 'neither', 'nor', 'hardly', 'barely', 'nobody', 'noone']);
/** How many words before a match a negator still reaches ("not really a funds problem"). */
const NEGATION_REACH = 3;
/** "X is not the problem", "X was never the issue": the denial comes after. */
const DENIED_AFTER = /^ (?:is |was |are |were |s )?(?:not|never|no longer)(?: the| a| an)? ?(?:problem|issue|reason|case|it)?\b/;

export interface FactMatcher {
  /** Facts stated in the clauses (each a string of plain words), in order, each name once. */
  match(clauses: readonly string[]): Fact[];
}

interface Hit {
  index: number;
  length: number;
  value?: string;
}

function find(pattern: CompiledPattern, padded: string): Hit | undefined {
  const m = pattern.expression.exec(padded);
  if (!m) return undefined;
  const num = m.groups?.['num'];
  const value = pattern.value ?? (num !== undefined ? (NUMBER_WORDS[num] ?? num) : undefined);
  return value === undefined ? { index: m.index, length: m[0].length } : { index: m.index, length: m[0].length, value };
}

/** A negator among the few words before the match, or a denial right after it. */
function negatedAround(padded: string, hit: Hit): boolean {
  const before = padded.slice(0, hit.index).trim().split(' ').slice(-NEGATION_REACH);
  if (before.some((w) => NEGATORS.has(w))) return true;
  return DENIED_AFTER.test(padded.slice(hit.index + hit.length - 1));
}

function readFact(fact: CompiledFact, padded: string, clause: number): Fact | undefined {
  for (const denial of fact.denials) {
    const hit = find(denial, padded);
    // "there is not enough money on it": a negated denial states the fact.
    if (hit) return withValue({ name: fact.definition.name, negated: !negatedAround(padded, hit), clause }, hit.value);
  }
  if (fact.exceptions.some((exception) => exception.expression.test(padded))) return undefined;
  for (const pattern of fact.patterns) {
    const hit = find(pattern, padded);
    if (!hit) continue;
    const negated = negatedAround(padded, hit);
    if (negated && !fact.definition.negatable) continue;
    return withValue({ name: fact.definition.name, negated, clause }, hit.value);
  }
  return undefined;
}

function withValue(fact: Fact, value: string | undefined): Fact {
  return value === undefined ? fact : { ...fact, value };
}

export function createFactMatcher(catalogue: FactCatalogue): FactMatcher {
  const byName = new Map(catalogue.facts.map((fact) => [fact.definition.name, fact]));
  return {
    match(clauses) {
      const found = new Map<string, Fact>();
      clauses.forEach((clause, i) => {
        const padded = ` ${clause} `;
        for (const fact of catalogue.facts) {
          const read = readFact(fact, padded, i);
          if (!read) continue;
          const earlier = found.get(read.name);
          // A later clause corrects an earlier one ("it said funds… no wait, it's not funds").
          if (!earlier || earlier.negated !== read.negated) found.set(read.name, read);
        }
      });
      // "the error says insufficient funds": the specific reason makes the general one redundant.
      const stated = new Set([...found.values()].filter((f) => !f.negated).map((f) => f.name));
      return [...found.values()].filter((fact) => !(byName.get(fact.name)?.definition.unless ?? []).some((name) => stated.has(name)));
    },
  };
}
