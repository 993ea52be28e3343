/**
 * Checks a support team's flow edits can not strand anyone: every step reachable, every step can
 * reach an end, every knowledge section and fact a flow names exists. Used by the tests and `supportbot flows --check`.
 */
import type { KnowledgeBase } from '../core/ports.js';
import type { FlowDefinition, FlowStep, Transition } from './flow-schema.js';
import { INFO_TOPICS } from './info-topics.js';

/** Every transition leaving a step (options, skips, moves on). */
export function transitionsOf(step: FlowStep): Transition[] {
  return [...(step.options ?? []).flatMap((o) => o.then), ...(step.skip ?? []), ...(step.always ?? [])];
}

const isStep = (to: string): boolean => !to.startsWith('@') && !to.startsWith('flow:');

export function reachableSteps(flow: FlowDefinition): Set<string> {
  const seen = new Set<string>([flow.start]);
  const queue = [flow.start];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    const step = flow.steps[id];
    if (!step) continue;
    for (const t of transitionsOf(step)) {
      if (isStep(t.to) && !seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return seen;
}

/** Steps from which no end (done, handoff, another flow) can be reached. */
export function stepsThatCannotEnd(flow: FlowDefinition): string[] {
  const canEnd = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const [id, step] of Object.entries(flow.steps)) {
      if (canEnd.has(id)) continue;
      const ends = step.end !== undefined || transitionsOf(step).some((t) => !isStep(t.to) || canEnd.has(t.to));
      if (ends) {
        canEnd.add(id);
        changed = true;
      }
    }
  }
  return Object.keys(flow.steps).filter((id) => !canEnd.has(id));
}

/** Every knowledge section the dialogue can show, with where it is named. */
export function sectionReferences(flows: Iterable<FlowDefinition>, extra: string[] = []): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  const add = (id: string, where: string) => refs.set(id, [...(refs.get(id) ?? []), where]);
  for (const flow of flows) {
    for (const [id, step] of Object.entries(flow.steps)) for (const s of step.sections ?? []) add(s, `${flow.id}.${id}`);
  }
  for (const [intent, topic] of Object.entries(INFO_TOPICS)) for (const s of topic.sections) add(s, `info topic ${intent}`);
  for (const s of extra) add(s, 'dialogue policy');
  return refs;
}

/** Every fact key a flow names (options, fact rules, guards, owns, checks), with where: a misspelt one would never match. */
export function factReferences(flows: Iterable<FlowDefinition>): Map<string, string[]> {
  const refs = new Map<string, string[]>();
  const add = (key: string, where: string) => {
    const name = key.replace(/^!/, '');
    refs.set(name, [...(refs.get(name) ?? []), where]);
  };
  for (const flow of flows) {
    for (const key of flow.owns ?? []) add(key, `${flow.id} owns`);
    for (const rule of flow.onFacts ?? []) add(rule.fact, `${flow.id} onFacts`);
    for (const [id, step] of Object.entries(flow.steps)) {
      for (const o of step.options ?? []) for (const key of [...(o.match?.facts ?? []), ...(o.match?.implies ?? [])]) add(key, `${flow.id}.${id}`);
      for (const key of step.checks ?? []) add(key, `${flow.id}.${id} checks`);
      for (const t of transitionsOf(step)) {
        for (const g of [...(t.guard ? [t.guard] : []), ...(t.guards ?? [])]) if ((g.name === 'fact' || g.name === 'no_fact') && g.arg) add(g.arg, `${flow.id}.${id}`);
      }
    }
  }
  return refs;
}

export function lintFlows(
  flows: ReadonlyMap<string, FlowDefinition>,
  knowledge?: KnowledgeBase,
  extraSections: string[] = [],
  knownFacts?: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  for (const flow of flows.values()) {
    const reachable = reachableSteps(flow);
    for (const id of Object.keys(flow.steps)) if (!reachable.has(id)) problems.push(`${flow.id}.${id}: cannot be reached from "${flow.start}"`);
    for (const id of stepsThatCannotEnd(flow)) problems.push(`${flow.id}.${id}: no way from here to an end`);
    for (const [id, step] of Object.entries(flow.steps)) {
      for (const offer of step.offer ?? []) {
        if (offer.value.startsWith('flow:') && !flows.has(offer.value.slice(5))) problems.push(`${flow.id}.${id}: offers unknown flow "${offer.value}"`);
      }
    }
  }
  if (knownFacts) {
    for (const [fact, where] of factReferences(flows.values())) {
      if (!knownFacts.has(fact)) problems.push(`unknown fact "${fact}" (named in ${[...new Set(where)].join(', ')})`);
    }
  }
  if (knowledge) {
    for (const [section, where] of sectionReferences(flows.values(), extraSections)) {
      if (!knowledge.section(section)) problems.push(`unknown knowledge section "${section}" (named in ${where.join(', ')})`);
    }
  }
  return problems;
}
