import { describe, expect, it } from 'vitest';
import { FlowEngine } from '../../src/dialogue/flow-engine.js';
import { lateSuccess, stepShowing } from '../../src/dialogue/flow-position.js';
import { loadFlows } from '../../src/dialogue/flow-registry.js';

const engine = new FlowEngine(loadFlows());

describe('where a task stands against what was just shown', () => {
  it('finds the step that shows an answer, but never the first step (that is just the start)', () => {
    expect(stepShowing(engine, 'account_setup', 'create-account#code-not-arriving')).toBe('code_not_arriving');
    expect(stepShowing(engine, 'account_setup', 'create-account#download-the-app')).toBeUndefined();
    expect(stepShowing(engine, 'account_setup', 'fees-and-rates#alipay-fees')).toBeUndefined();
  });

  it('takes a late success back to the last earlier question with a yes, and goes on from there', () => {
    const atContact = { ...engine.pickUpAt('link_card', 'who_to_contact'), history: ['which_card', 'code_not_arriving'] };
    const outcome = lateSuccess(engine, atContact);
    expect(outcome?.frame?.step).toBe('test_charge');
    expect(outcome?.frame?.history).toEqual(['which_card', 'code_not_arriving']);
  });

  it('gives nothing when no earlier question has a yes', () => {
    expect(lateSuccess(engine, { ...engine.pickUpAt('link_card', 'who_to_contact'), history: [] })).toBeUndefined();
  });
});
