/**
 * Reads the facts of a message, clause by clause, from the compiled catalogue. Negation is
 * scoped to the clause: a negation word just before a match ("no error message", "not a funds
 * problem") or a denial right after it ("insufficient funds is not the issue") turns the fact
 * round; a fact that is not negatable is then dropped, since "no error" states no error.
 * A hypothetical states nothing: "what if my card has zero balance?" is no insufficient funds.
 */
import { clauseAround, clauseBounds } from './clause-bounds.js';
import type { Fact, UnderstandingContext } from '../../core/types.js';
import { foldAccents } from '../../text/fold-accents.js';
import { NUMBER_WORDS } from './fact-pattern.js';
import { allLive, indexAnchors, liveExpressions, type Live } from './fact-anchors.js';
import type { CompiledFact, CompiledPattern, FactCatalogue } from './load-facts.js';
import { askedWhether } from './asked-whether.js';

/** Words that turn the statement after them round. */
const NEGATORS = new Set(['not', 'no', 'never', 'without', 'nothing', 'none', 'neither', 'nor', 'hardly', 'barely', 'nobody', 'noone']);
/** How many words before a match a negator still reaches ("not really a funds problem"). */
const NEGATION_REACH = 3;
/** Words that join the items of a denied list ("not a funds or limit problem"), and how far such a list reaches. */
const LIST_JOINERS = new Set(['or', 'nor']);
const MAX_LIST_REACH = 9;
/**
 * A negation does not reach past "and" ("I did not reply and clicked the link" clicked) nor past
 * "after" ("no code after 3 resends" resent three times).
 */
const NEGATION_STOPS = new Set(['and', 'after']);
/** Words that may stand between a negator and a thing it denies ("not a Visa debit"). */
const NEGATION_FILLER = new Set(['a', 'an', 'the', 'my', 'our', 'his', 'her', 'their', 'your', 'this', 'that', 'it', 'is', 'even', 'really', 'actually', 'just', 'any', 'visa', 'mastercard', 'some', 'kind', 'of', 'normal', 'regular', 'real', 'standard', 'usual', 'one', 'those', 'these']);
/** A list after a negation is denied as a whole: "not a normal debit or credit card". */
const NEGATED_LIST = new Set(['or', 'nor', 'debit', 'credit', 'prepaid', 'virtual']);
/** How far back "right before" looks through fillers and a denied list. */
const RIGHT_BEFORE_REACH = 6;
/** How far back a supposing word ("if", "whether") reaches: a condition usually spans its clause. */
const SUPPOSING_REACH = 6;
/**
 * "X is not the problem", "X was never the issue", "insufficient funds is not it": the denial comes
 * after. Not "my visa debit is not working", where what fails is the thing, not the fact.
 */
const DENIED_AFTER = /^ (?:is|was|are|were|s) (?:not|never|no longer)(?: (?:the|a|an|my|our|that|this|it|really|actually|even|exactly|problem|issue|reason|cause|case|why|true)\b| *$)/;
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
  /** The facts without those another stated fact makes redundant (the catalogue's `unless`). */
  withoutRedundant(facts: readonly Fact[]): Fact[];
}

interface Hit {
  index: number;
  length: number;
  value?: string;
}

/** A match when every anchor set of the pattern is in the clause (with `live`), else nothing. */
function find(pattern: CompiledPattern, padded: string, live?: Live): Hit | undefined {
  if (live && !allLive(live.index.ids.get(pattern) ?? [], live.marks)) return undefined;
  return run(pattern, padded);
}

/** Where the pattern matches, by running its expressions (no anchor check): from the start of its first part to the end of its last (parts in any order). */
function run(pattern: CompiledPattern, padded: string): Hit | undefined {
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

/**
 * "no I don't have the app": a clause that opens with "no" and then a subject answers, it denies
 * nothing after; so does one after a joining word ("…and no, it's not a limit thing").
 */
const ANSWER_NO = /^ (?:(?:and|but|also|so) )?(?:no|nope|nah) (?=(?:i|it|its|we|they|you|he|she|that|this|the|my|still|same|again|nothing) )/;

/** The words a negator may stand in: the few before the match, back to an "and", without an opening "no". */
function negationWindow(padded: string, hit: Hit): string[] {
  const answer = ANSWER_NO.exec(padded);
  // A match starts at the space before its first word, which the opening "no " already holds.
  const from = answer && answer[0].length - 1 <= hit.index ? answer[0].length : 0;
  const words = padded.slice(from, hit.index).trim().split(' ');
  // "not a funds or limit problem": each earlier item of an or-list reaches back past itself and its "or".
  let reach = NEGATION_REACH;
  for (let i = words.length - 1; i >= 0 && i >= words.length - reach && reach < MAX_LIST_REACH; i -= 1) if (LIST_JOINERS.has(words[i] ?? '')) reach += 2;
  const before = words.slice(-reach);
  const stop = before.findLastIndex((w) => NEGATION_STOPS.has(w));
  return stop < 0 ? before : before.slice(stop + 1);
}

/** A negator right before the match, with only fillers between ("not a visa debit"). */
function negatedRightBefore(padded: string, hit: Hit): boolean {
  const before = padded.slice(0, hit.index).trim().split(' ');
  for (let i = before.length - 1; i >= 0 && i >= before.length - RIGHT_BEFORE_REACH; i -= 1) {
    const word = before[i] ?? '';
    if (NEGATORS.has(word)) return true;
    if (!NEGATION_FILLER.has(word) && !NEGATED_LIST.has(word)) return false;
  }
  return false;
}

/** A negator among the few words before the match, or a denial right after it. */
function negatedAround(padded: string, hit: Hit, reach: 'near' | 'right_before' = 'near'): boolean {
  if (reach === 'right_before' ? negatedRightBefore(padded, hit) : negationWindow(padded, hit).some((w) => NEGATORS.has(w))) return true;
  return DENIED_AFTER.test(padded.slice(hit.index + hit.length - 1));
}

/**
 * A negator in the span of an order-free match, outside the parts the pattern itself matched, or
 * right after one of them: "the payment fails and my bank app shows nothing" has bank, shows and
 * payment, and shows nothing.
 */
function spanHasNegator(pattern: CompiledPattern, padded: string, hit: Hit): boolean {
  const own = pattern.expressions.map((expression) => {
    const m = expression.exec(padded);
    return m ? [m.index, m.index + m[0].length] : [0, 0];
  });
  for (const [, to = 0] of own) if (NEGATORS.has(padded.slice(to).trimStart().split(' ', 1)[0] ?? '')) return true;
  let at = hit.index;
  for (const word of padded.slice(hit.index, hit.index + hit.length).split(' ')) {
    const inside = own.some(([from = 0, to = 0]) => at >= from && at < to);
    if (!inside && NEGATORS.has(word)) return true;
    at += word.length + 1;
  }
  return false;
}

const namedNegators = new WeakMap<CompiledPattern, ReadonlySet<string>>();

/** A negator in the matched span that the pattern itself does not name: it stood in a gap ("..."). */
function gapHasNegator(pattern: CompiledPattern, padded: string, hit: Hit): boolean {
  let named = namedNegators.get(pattern);
  if (!named) {
    const sources = pattern.expressions.map((e) => e.source).join(' ');
    named = new Set([...NEGATORS].filter((word) => new RegExp(`(?<![a-z])${word}(?![a-z])`).test(sources)));
    namedNegators.set(pattern, named);
  }
  const own = named;
  return padded
    .slice(hit.index, hit.index + hit.length)
    .split(' ')
    .some((word) => NEGATORS.has(word) && !own.has(word));
}

function supposed(padded: string, hit: Hit): boolean {
  const before = padded.slice(0, hit.index).trim().split(' ');
  if (before.slice(-SUPPOSING_REACH).some((w) => SUPPOSING.has(w))) return true;
  return REQUIRED_STATE.test(`${before.slice(-NEGATION_REACH).join(' ')} ${padded.slice(hit.index, hit.index + hit.length)}`);
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
  /** The whole message, padded like a clause: for exceptions with `scope: message`. */
  whole: string;
  live: Live;
  clause: number;
  question: boolean;
  /** For the whole message: where each clause starts in it, and where the last ends. */
  bounds?: readonly number[];
}


/** A fact's patterns and denials with their anchor ids, in catalogue order (looked up once, not per clause). */
interface FactEntries {
  patterns: ReadonlyArray<{ pattern: CompiledPattern; ids: readonly number[] }>;
  denials: ReadonlyArray<{ pattern: CompiledPattern; ids: readonly number[] }>;
}

function readFact(fact: CompiledFact, entries: FactEntries, factIndex: number, scope: Scope, kind: 'clause' | 'message', context: UnderstandingContext | undefined, denialsOnly = false): Fact | undefined {
  const { definition } = fact;
  const { padded, clause, live } = scope;
  if (definition.notInQuestions && scope.question) return undefined;
  // Most facts have no anchor word in a clause: skipped at once.
  if (live.index.factScratch[factIndex] !== 1) return undefined;
  const { marks } = live;
  const usable = (p: CompiledPattern) => p.scope === kind && applies(p, context);
  for (const { pattern: denial, ids } of entries.denials) {
    if (!allLive(ids, marks) || !usable(denial)) continue;
    const hit = run(denial, padded);
    if (!hit || supposed(padded, hit) || (scope.question && askedWhether(padded, hit))) continue;
    const around = scope.bounds ? clauseAround(padded, scope.bounds, hit.index + 1) : padded;
    // An order-free denial ("bank & sees & the attempt") with a negation anywhere in it is no denial,
    // nor one whose gap holds a negator it does not name ("my bank ... saw the attempt" in "my bank
    // says they never even saw the attempt").
    if (denial.expressions.length > 1 ? spanHasNegator(denial, padded, hit) : gapHasNegator(denial, padded, hit)) continue;
    // "there is not enough money on it": a negated denial states the fact.
    return withValue({ name: definition.name, negated: !negatedAround(around, hit), clause, ...(scope.question ? { inQuestion: true as const } : {}) }, hit.value);
  }
  if (denialsOnly) return undefined;
  for (const { pattern, ids } of entries.patterns) {
    if (!allLive(ids, marks) || !usable(pattern)) continue;
    const hit = run(pattern, padded);
    if (!hit || (!definition.inSuppositions && (supposed(padded, hit) || (scope.question && askedWhether(padded, hit))))) continue;
    const negated = negatedAround(scope.bounds ? clauseAround(padded, scope.bounds, hit.index + 1) : padded, hit, definition.negation);
    if (negated && definition.negatable !== true) continue;
    // An exception voids the fact in this clause. Checked only once a pattern reads it: most
    // clauses read nothing. A message-wide exception reads the whole message (the clause's marks do not cover it).
    if (fact.exceptions.some((exception) => (exception.scope === 'message' ? find(exception, scope.whole) : find(exception, padded, live)) !== undefined)) return undefined;
    return withValue({ name: definition.name, negated, clause, ...(scope.question ? { inQuestion: true as const } : {}) }, hit.value);
  }
  return undefined;
}

/**
 * The stated facts that another kept fact makes redundant. Only a fact that is itself kept counts:
 * "it spun, then just said failed" keeps the hang, drops "no reason" (the hang is the reason), and
 * so keeps "technical", which only a kept "no reason" would have dropped. A cycle counts as kept.
 */
export function redundantFacts(stated: ReadonlySet<string>, unlessOf: (name: string) => readonly string[]): Set<string> {
  const memo = new Map<string, boolean>();
  const isDropped = (name: string): boolean => {
    const known = memo.get(name);
    if (known !== undefined) return known;
    memo.set(name, false);
    const result = unlessOf(name).some((other) => stated.has(other) && !isDropped(other));
    memo.set(name, result);
    return result;
  };
  return new Set([...stated].filter(isDropped));
}

function withValue(fact: Fact, value: string | undefined): Fact {
  return value === undefined ? fact : { ...fact, value };
}

export function createFactMatcher(catalogue: FactCatalogue): FactMatcher {
  const byName = new Map(catalogue.facts.map((fact) => [fact.definition.name, fact]));
  const index = indexAnchors(
    catalogue.facts.flatMap((fact, i) => [...[...fact.patterns, ...fact.denials].map((pattern) => ({ pattern, fact: i })), ...fact.exceptions.map((pattern) => ({ pattern, fact: -1 }))]),
    catalogue.facts.length,
  );
  const factIndex = new Map(catalogue.facts.map((fact, i) => [fact, i]));
  const withIds = (patterns: readonly CompiledPattern[]) => patterns.map((pattern) => ({ pattern, ids: index.ids.get(pattern) ?? [] }));
  const entries: FactEntries[] = catalogue.facts.map((fact) => ({ patterns: withIds(fact.patterns), denials: withIds(fact.denials) }));
  const messageFacts = catalogue.facts.filter((fact) => [...fact.patterns, ...fact.denials].some((p) => p.scope === 'message'));
  // "the error says insufficient funds": the specific reason makes the general one redundant.
  // A denial stays ("no glitch, it says declined by my bank": not technical is still worth knowing).
  const withoutRedundant = (facts: readonly Fact[]): Fact[] => {
    const stated = new Set(facts.filter((f) => !f.negated).map((f) => f.name));
    const dropped = redundantFacts(stated, (name) => byName.get(name)?.definition.unless ?? []);
    return facts.filter((fact) => fact.negated || !dropped.has(fact.name));
  };
  return {
    match(clauses, context) {
      const found = new Map<string, Fact>();
      const note = (read: Fact | undefined) => {
        if (!read) return;
        const earlier = found.get(read.name);
        if (earlier && !earlier.negated && byName.get(read.name)?.definition.positiveWins) return;
        // A later clause corrects an earlier one ("it said funds… no wait, it's not funds").
        if (!earlier || earlier.negated !== read.negated) found.set(read.name, read);
      };
      // Patterns are plain a–z: "não chega" is read as "nao chega", as people also type it.
      const plain = clauses.map((c) => c.words.map(foldAccents).join(' '));
      const whole = ` ${plain.join(' ')} `;
      clauses.forEach((clause, i) => {
        const padded = ` ${plain[i] ?? ''} `;
        const scope = { padded, whole, live: { index, marks: liveExpressions(index, padded) }, clause: i, question: clause.question };
        catalogue.facts.forEach((fact, f) => note(readFact(fact, entries[f] ?? { patterns: [], denials: [] }, f, scope, 'clause', context)));
      });
      if (messageFacts.length > 0 && clauses.length > 0) {
        const bounds = clauseBounds(plain);
        const scope = { padded: whole, whole, live: { index, marks: liveExpressions(index, whole) }, clause: 0, question: false, bounds };
        // A fact already read from a clause can still be denied across the message ("it said there
        // would be a test charge… I never saw one"); it is not read again.
        for (const fact of messageFacts) {
          const f = factIndex.get(fact) ?? -1;
          note(readFact(fact, entries[f] ?? { patterns: [], denials: [] }, f, scope, 'message', context, found.has(fact.definition.name)));
        }
      }
      return withoutRedundant([...found.values()]);
    },
    withoutRedundant,
  };
}
