/**
 * Reads the facts of a message, clause by clause, from the compiled catalogue. Negation is
 * scoped to the clause: a negation word just before a match ("no error message", "not a funds
 * problem") or a denial right after it ("insufficient funds is not the issue") turns the fact
 * round; a fact that is not negatable is then dropped, since "no error" states no error.
 * A hypothetical states nothing: "what if my card has zero balance?" is no insufficient funds.
 */
import type { Fact, UnderstandingContext } from '../../core/types.js';
import { NUMBER_WORDS } from './fact-pattern.js';
import type { CompiledFact, CompiledPattern, FactCatalogue } from './load-facts.js';

/** Words that turn the statement after them round. */
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nothing', 'none', 'neither', 'nor', 'hardly', 'barely', 'nobody', 'noone']);
/** How many words before a match a negator still reaches ("not really a funds problem"). */
const NEGATION_REACH = 3;
/** "X is not the problem", "X was never the issue": the denial comes after. */
const DENIED_AFTER = /^ (?:is|was|are|were|s) (?:not|never|no longer)\b/;
/** Words that make what follows a supposition, not a statement. */
const SUPPOSING = new Set(['if', 'whether', 'unless', 'suppose', 'supposing', 'imagine', 'assuming', 'incase']);
/** "does the card have to be enabled…", "should it be…": a condition asked about, not a fact. */
const REQUIRED_STATE = /(?:^| )(?:have|has|need|needs|must|should|supposed|ought) (?:to )?be(?: |$)/;

/** One clause as the matcher reads it. */
export interface MatchClause {
  words: readonly string[];
  /** The clause was asked ("…?"): facts marked notInQuestions are not read from it. */
  question: boolean;
}

export interface FactMatcher {
  /** Facts stated in the clauses, in order, each name once. */
  match(clauses: readonly MatchClause[], context?: UnderstandingContext): Fact[];
}

interface Hit {
  index: number;
  length: number;
  value?: string;
}

/** Where the pattern matches: from the start of its first part to the end of its last (parts in any order). */
function find(pattern: CompiledPattern, padded: string): Hit | undefined {
  let start = Infinity;
  let end = -1;
  let num: string | undefined;
  for (const expression of pattern.expressions) {
    const m = expression.exec(padded);
    if (!m) return undefined;
    start = Math.min(start, m.index);
    end = Math.max(end, m.index + m[0].length);
    num ??= m.groups?.['num'];
  }
  const value = pattern.value ?? (num !== undefined ? (NUMBER_WORDS[num] ?? num) : undefined);
  return value === undefined ? { index: start, length: end - start } : { index: start, length: end - start, value };
}

function wordsBefore(padded: string, hit: Hit): string[] {
  return padded.slice(0, hit.index).trim().split(' ').slice(-NEGATION_REACH);
}

/** A negator among the few words before the match, or a denial right after it. */
function negatedAround(padded: string, hit: Hit): boolean {
  if (wordsBefore(padded, hit).some((w) => NEGATORS.has(w))) return true;
  return DENIED_AFTER.test(padded.slice(hit.index + hit.length - 1));
}

function spanHasNegator(padded: string, hit: Hit): boolean {
  return padded
    .slice(hit.index, hit.index + hit.length)
    .split(' ')
    .some((w) => NEGATORS.has(w));
}

function supposed(padded: string, hit: Hit): boolean {
  const before = wordsBefore(padded, hit);
  return before.some((w) => SUPPOSING.has(w)) || REQUIRED_STATE.test(`${before.join(' ')} ${padded.slice(hit.index, hit.index + hit.length)}`);
}

/** Is the pattern in force given what was asked just before? */
function applies(pattern: CompiledPattern, context: UnderstandingContext | undefined): boolean {
  if (!pattern.after) return true;
  if (!context) return false;
  const here = [context.topic, context.flow, context.flow && context.step ? `${context.flow}.${context.step}` : null];
  return pattern.after.some((place) => here.includes(place));
}

interface Scope {
  padded: string;
  clause: number;
  question: boolean;
}

function readFact(fact: CompiledFact, scope: Scope, kind: 'clause' | 'message', context: UnderstandingContext | undefined): Fact | undefined {
  const { definition } = fact;
  const { padded, clause } = scope;
  if (definition.notInQuestions && scope.question) return undefined;
  const usable = (p: CompiledPattern) => p.scope === kind && applies(p, context);
  for (const denial of fact.denials) {
    if (!usable(denial)) continue;
    const hit = find(denial, padded);
    if (!hit || supposed(padded, hit)) continue;
    // An order-free denial ("bank & sees & the attempt") with a negation anywhere in it is no denial.
    if (denial.expressions.length > 1 && spanHasNegator(padded, hit)) continue;
    // "there is not enough money on it": a negated denial states the fact.
    return withValue({ name: definition.name, negated: !negatedAround(padded, hit), clause }, hit.value);
  }
  if (fact.exceptions.some((exception) => find(exception, padded) !== undefined)) return undefined;
  for (const pattern of fact.patterns) {
    if (!usable(pattern)) continue;
    const hit = find(pattern, padded);
    if (!hit || supposed(padded, hit)) continue;
    const negated = negatedAround(padded, hit);
    if (negated && definition.negatable !== true) continue;
    return withValue({ name: definition.name, negated, clause }, hit.value);
  }
  return undefined;
}

function withValue(fact: Fact, value: string | undefined): Fact {
  return value === undefined ? fact : { ...fact, value };
}

export function createFactMatcher(catalogue: FactCatalogue): FactMatcher {
  const byName = new Map(catalogue.facts.map((fact) => [fact.definition.name, fact]));
  const messageFacts = catalogue.facts.filter((fact) => [...fact.patterns, ...fact.denials].some((p) => p.scope === 'message'));
  return {
    match(clauses, context) {
      const found = new Map<string, Fact>();
      const note = (read: Fact | undefined) => {
        if (!read) return;
        const earlier = found.get(read.name);
        // A later clause corrects an earlier one ("it said funds… no wait, it's not funds").
        if (!earlier || earlier.negated !== read.negated) found.set(read.name, read);
      };
      clauses.forEach((clause, i) => {
        const scope = { padded: ` ${clause.words.join(' ')} `, clause: i, question: clause.question };
        for (const fact of catalogue.facts) note(readFact(fact, scope, 'clause', context));
      });
      if (messageFacts.length > 0 && clauses.length > 0) {
        const whole = { padded: ` ${clauses.map((c) => c.words.join(' ')).join(' ')} `, clause: 0, question: false };
        for (const fact of messageFacts) if (!found.has(fact.definition.name)) note(readFact(fact, whole, 'message', context));
      }
      // "the error says insufficient funds": the specific reason makes the general one redundant.
      // A denial stays ("no glitch, it says declined by my bank": not technical is still worth knowing).
      const stated = new Set([...found.values()].filter((f) => !f.negated).map((f) => f.name));
      return [...found.values()].filter((fact) => fact.negated || !(byName.get(fact.name)?.definition.unless ?? []).some((name) => stated.has(name)));
    },
  };
}
