/**
 * The person's status from the status facts of the catalogue (intents/facts/status.yaml). When a
 * message says several things, the one that should steer the reply wins: a reported success first
 * (never claimed otherwise), then a plan to act elsewhere ("still failing, I'll call my bank"),
 * then still failing, then leaving. "It didn't work" (solved, negated) is still failing.
 */
import type { Fact, Status } from '../../core/types.js';

export const STATUS_PREFIX = 'status.';
const PRIORITY: readonly Status[] = ['solved', 'will_act_elsewhere', 'still_failing', 'leaving'];

export function isStatusFact(fact: Pick<Fact, 'name'>): boolean {
  return fact.name.startsWith(STATUS_PREFIX);
}

export function readStatus(facts: readonly Fact[]): Status | null {
  const said = new Set<Status>();
  for (const fact of facts) {
    if (!isStatusFact(fact)) continue;
    const status = fact.name.slice(STATUS_PREFIX.length) as Status;
    if (status === 'solved' && fact.negated) said.add('still_failing');
    else if (!fact.negated) said.add(status);
  }
  return PRIORITY.find((status) => said.has(status)) ?? null;
}
