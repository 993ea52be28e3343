import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/core/errors.js';
import { createDialoguePolicy } from '../../src/dialogue/dialogue-policy.js';
import { DialogueStateError } from '../../src/dialogue/dialogue-state.js';
import { createConversation, nlu } from './conversation.js';

const policy = createDialoguePolicy();

describe('the stored dialogue state', () => {
  it('survives a JSON round trip mid-flow and carries on from the same step', () => {
    const c = createConversation();
    c.say('declined', nlu('payment_declined', { entities: { errorKind: 'technical' } }));
    c.click('answer:not_fixed');
    const restored = policy.parseState(JSON.parse(JSON.stringify(c.state)));
    expect(restored).toEqual(c.state);
    expect(policy.position(restored)).toEqual({ flow: 'payment_declined', step: 'fix_funds' });
  });

  it.each([
    ['garbage', 'not a state'],
    ['an older schema version', { version: 0, frame: null }],
    ['a missing field', { version: 1, frame: null, paused: null, handoff: null, clarify: null, turns: 1 }],
    ['a flow that no longer exists', { version: 1, frame: { flow: 'gone', step: 'x', slots: {}, tried: [], history: [], misses: 0, done: [] }, paused: null, handoff: null, clarify: null, lastActiveAt: 0, turns: 1 }],
    ['a step that no longer exists', { version: 1, frame: null, paused: { flow: 'link_card', step: 'gone', slots: {}, tried: [], history: [], misses: 0, done: [] }, handoff: null, clarify: null, lastActiveAt: 0, turns: 1 }],
  ])('rejects %s with a StoreError that names the field', (_what, raw) => {
    expect(() => policy.parseState(raw)).toThrow(DialogueStateError);
    expect(() => policy.parseState(raw)).toThrow(StoreError);
  });

  it('names the field that is wrong', () => {
    expect(() => policy.parseState({ version: 1, frame: null, paused: { flow: 'link_card', step: 'gone', slots: {}, tried: [], history: [], misses: 0, done: [] }, handoff: null, clarify: null, lastActiveAt: 0, turns: 1 })).toThrow(
      'stored dialogue state: paused.step: unknown step "gone" in flow "link_card"',
    );
  });

  it('starts a new conversation outside any flow', () => {
    expect(policy.position(policy.initialState(5))).toEqual({ flow: null, step: null });
    expect(policy.initialState(5)).toMatchObject({ version: 1, lastActiveAt: 5, turns: 0 });
  });
});
