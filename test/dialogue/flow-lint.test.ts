import { beforeAll, describe, expect, it } from 'vitest';
import type { DialogueInput, KnowledgeBase } from '../../src/core/ports.js';
import { loadKnowledgeBase } from '../../src/knowledge/load-knowledge.js';
import { LINES } from '../../src/dialogue/bot-lines.js';
import { NAV_BUTTONS } from '../../src/dialogue/button-values.js';
import { createDialoguePolicy, HANDOFF_SECTION } from '../../src/dialogue/dialogue-policy.js';
import { initialDialogueState, type DialogueState } from '../../src/dialogue/dialogue-state.js';
import { factReferences, lintFlows, reachableSteps, sectionReferences, stepsThatCannotEnd } from '../../src/dialogue/flow-lint.js';
import { loadFactCatalogue } from '../../src/nlu/facts/load-facts.js';
import { INFO_TOPICS } from '../../src/dialogue/info-topics.js';

const policy = createDialoguePolicy();
let knowledge: KnowledgeBase;

beforeAll(async () => {
  knowledge = await loadKnowledgeBase({ writeIndex: false });
});

function click(state: DialogueState, action: string) {
  const input: DialogueInput = { message: { platform: 'json', conversationKey: 'c', userId: 'u', receivedAt: 1, action }, nlu: null, redactions: [], notes: [], staffAvailable: true, now: 1 };
  return policy.step(state, input);
}

describe('the flow lint', () => {
  it.each([...policy.flows.keys()])('reaches every step of %s from its start', (id) => {
    const flow = policy.flows.get(id)!;
    expect([...Object.keys(flow.steps)].filter((s) => !reachableSteps(flow).has(s))).toEqual([]);
  });

  it.each([...policy.flows.keys()])('can end %s from every step', (id) => {
    expect(stepsThatCannotEnd(policy.flows.get(id)!)).toEqual([]);
  });

  it('finds every knowledge section the dialogue names in the real knowledge base', () => {
    const refs = sectionReferences(policy.flows.values(), [HANDOFF_SECTION]);
    expect(refs.size).toBeGreaterThan(40);
    const missing = [...refs.keys()].filter((id) => !knowledge.section(id));
    expect(missing).toEqual([]);
    expect(lintFlows(policy.flows, knowledge, [HANDOFF_SECTION])).toEqual([]);
  });

  it('finds every fact the flows name in the fact catalogue, and reports one that is not', () => {
    const known = new Set(loadFactCatalogue().facts.map((f) => f.definition.name));
    expect(factReferences(policy.flows.values()).size).toBeGreaterThan(25);
    expect(lintFlows(policy.flows, undefined, [], known)).toEqual([]);
    const typo = createDialoguePolicy({
      flows: [
        {
          id: 'demo',
          title: 'a demo',
          label: 'Demo',
          start: 'ask',
          steps: {
            ask: { options: [{ value: 'ok', label: 'OK', match: { facts: ['!error.insuficient_funds'] }, then: [{ to: 'done' }] }] },
            done: { end: 'done' },
          },
        },
      ],
    });
    expect(lintFlows(typo.flows, undefined, [], known)).toEqual(['unknown fact "error.insuficient_funds" (named in demo.ask)']);
  });

  it('reports a step nobody can reach and a section that does not exist', () => {
    const broken = createDialoguePolicy({
      flows: [
        {
          id: 'demo',
          title: 'a demo',
          label: 'Demo',
          start: 'ask',
          steps: {
            ask: { sections: ['nowhere#nothing'], options: [{ value: 'ok', label: 'OK', then: [{ to: 'done' }] }] },
            orphan: { options: [{ value: 'ok', label: 'OK', then: [{ to: 'orphan' }] }] },
            done: { end: 'done' },
          },
        },
      ],
    });
    const problems = lintFlows(broken.flows, knowledge);
    expect(problems).toContain('demo.orphan: cannot be reached from "ask"');
    expect(problems).toContain('demo.orphan: no way from here to an end');
    expect(problems).toContain('unknown knowledge section "nowhere#nothing" (named in demo.ask)');
  });

  it('handles every button the dialogue can offer', () => {
    const offered = new Set<string>([...Object.values(NAV_BUTTONS).map((b) => b.value), ...Object.values(INFO_TOPICS).flatMap((t) => t.offer.map((b) => b.value))]);
    for (const flow of policy.flows.values()) {
      offered.add(`flow:${flow.id}`);
      for (const step of Object.values(flow.steps)) for (const b of step.offer ?? []) offered.add(b.value);
    }
    for (const value of offered) {
      const { effects } = click(initialDialogueState(0), value);
      const texts = effects.flatMap((e) => (e.type === 'say' ? [e.text] : []));
      expect(texts, value).not.toContain(LINES.unknownButton);
      expect(effects.length, value).toBeGreaterThan(0);
    }
  });

  it('walks every option of every reachable question without error, showing only sections that exist', () => {
    // Explore the conversation graph by clicking each option in each state reached (states compared as JSON).
    const seen = new Set<string>();
    let clicks = 0;
    for (const flow of policy.flows.values()) {
      const queue: DialogueState[] = [click(initialDialogueState(0), `flow:${flow.id}`).state];
      while (queue.length > 0 && seen.size < 3000) {
        const state = queue.shift()!;
        const key = JSON.stringify({ ...state, turns: 0, lastActiveAt: 0 });
        if (seen.has(key) || !state.frame) continue;
        seen.add(key);
        const step = policy.flows.get(state.frame.flow)!.steps[state.frame.step]!;
        for (const option of step.options ?? []) {
          const { state: next, effects } = click(state, `answer:${option.value}`);
          clicks += 1;
          for (const e of effects) if (e.type === 'say_section') expect(knowledge.section(e.section), e.section).toBeDefined();
          expect(effects.length).toBeGreaterThan(0);
          queue.push(next);
        }
      }
    }
    expect(clicks).toBeGreaterThan(100);
  });
});
