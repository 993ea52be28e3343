/**
 * What the person has told us, as fact keys: `error.issuer_declined`, or `!error.insufficient_funds`
 * when they denied it. Kept in the dialogue state (plain strings survive the store's JSON round
 * trip); a later statement replaces an earlier one about the same fact ("it's not the money").
 */
import type { Fact } from '../core/types.js';

export type FactKey = string;

export function factKey(fact: Pick<Fact, 'name' | 'negated'>): FactKey {
  return `${fact.negated ? '!' : ''}${fact.name}`;
}

function nameOf(key: FactKey): string {
  return key.startsWith('!') ? key.slice(1) : key;
}

/** `known` with `told` merged in: a fact stated again, or turned round, keeps only its latest form. */
export function learnFacts(known: readonly FactKey[], told: readonly Pick<Fact, 'name' | 'negated'>[]): FactKey[] {
  if (told.length === 0) return [...known];
  const latest = new Map<string, FactKey>(known.map((key) => [nameOf(key), key]));
  for (const fact of told) latest.set(fact.name, factKey(fact));
  return [...latest.values()];
}

/** Whether `key` ("name" or "!name") is among the known facts. */
export function knows(known: readonly FactKey[], key: FactKey): boolean {
  return known.includes(key);
}
