import { describe, expect, it } from 'vitest';
import { DataFileError } from '../../src/core/errors.js';
import { loadFlows } from '../../src/dialogue/flow-registry.js';
import type { FlowInput } from '../../src/dialogue/flow-schema.js';

const ok: FlowInput = {
  id: 'demo',
  title: 'a demo',
  label: 'Demo',
  start: 'ask',
  steps: {
    ask: { ask: 'Ready?', options: [{ value: 'yes', label: 'Yes', then: [{ to: 'done' }] }] },
    done: { end: 'done' },
  },
};

describe('loading flows', () => {
  it('loads the shipped flows', () => {
    expect([...loadFlows().keys()]).toEqual(['payment_declined', 'link_card', 'account_setup', 'verification', 'pay_on_alibaba']);
  });

  it.each([
    ['a transition to a missing step', { ...ok, steps: { ...ok.steps, ask: { options: [{ value: 'yes', label: 'Yes', then: [{ to: 'nowhere' }] }] } } }, 'src/dialogue/flows/demo.ts: steps.ask.options[0].then[0].to: unknown step "nowhere"'],
    ['a missing start step', { ...ok, start: 'begin' }, 'src/dialogue/flows/demo.ts: start: unknown step "begin"'],
    ['a badly named option value', { ...ok, steps: { ...ok.steps, ask: { options: [{ value: 'Yes!', label: 'Yes', then: [{ to: 'done' }] }] } } }, 'steps.ask.options[0].value: must be lower snake case'],
    ['an unknown guard', { ...ok, steps: { ...ok.steps, ask: { options: [{ value: 'yes', label: 'Yes', then: [{ to: 'done', guard: { name: 'magic' } }] }] } } }, 'steps.ask.options[0].then[0].guard.name'],
    ['only guarded transitions', { ...ok, steps: { ...ok.steps, ask: { options: [{ value: 'yes', label: 'Yes', then: [{ to: 'done', guard: { name: 'slot_set', arg: 'x' } }] }] } } }, 'the last transition must have no guard'],
    ['a step that neither asks, moves on nor ends', { ...ok, steps: { ...ok.steps, done: {} } }, 'steps.done: a step must ask (options), move on (always) or end'],
    ['another flow that does not exist', { ...ok, steps: { ...ok.steps, ask: { options: [{ value: 'yes', label: 'Yes', then: [{ to: 'flow:nope' }] }] } } }, 'unknown flow "nope"'],
  ])('rejects %s with a DataFileError naming file and field', (_what, flow, message) => {
    expect(() => loadFlows([flow as FlowInput])).toThrow(DataFileError);
    expect(() => loadFlows([flow as FlowInput])).toThrow(message);
  });
});
