/**
 * The person's status from the status facts of the catalogue (intents/facts/status.yaml). When a
 * message says several things, the one that should steer the reply wins: a reported success first
 * (unless a later clause says it fails again), then a plan to act elsewhere ("still failing, I'll call my bank"),
 * then still failing, then leaving. "It didn't work" (solved, negated) is still failing.
 */
import type { Fact, Status } from '../../core/types.js';

export const STATUS_PREFIX = 'status.';
const PRIORITY: readonly Status[] = ['solved', 'will_act_elsewhere', 'still_failing', 'leaving'];

export function isStatusFact(fact: Pick<Fact, 'name'>): boolean {
  return fact.name.startsWith(STATUS_PREFIX);
}

export function readStatus(facts: readonly Fact[]): Status | null {
  // Each status said, with the last clause that said it.
  const said = new Map<Status, number>();
  const add = (status: Status, clause: number): void => {
    said.set(status, Math.max(clause, said.get(status) ?? -1));
  };
  for (const fact of facts) {
    if (!isStatusFact(fact)) continue;
    const status = fact.name.slice(STATUS_PREFIX.length) as Status;
    if (status === 'solved' && fact.negated) add('still_failing', fact.clause);
    else if (!fact.negated) add(status, fact.clause);
  }
  // "Did it again, same message, failed": success and failure both said, the later one is the outcome.
  const solvedAt = said.get('solved');
  const failingAt = said.get('still_failing');
  if (solvedAt !== undefined && failingAt !== undefined && failingAt > solvedAt) said.delete('solved');
  return PRIORITY.find((status) => said.has(status)) ?? null;
}
