import { describe, expect, it } from 'vitest';
import type { InsightRecord } from '../../src/core/insight-record.js';
import { flowVisits, summarise } from '../../src/insights/conversation-summary.js';

let clock = 0;
const turn = (fields: Partial<InsightRecord>): InsightRecord => ({ v: 1, at: (clock += 1000), c: 'c1', p: 'slack', intent: null, conf: 1, flow: null, step: null, ...fields });
const typed = (text: string, fields: Partial<InsightRecord> = {}) => turn({ text, intent: 'payment_declined', conf: 0.9, ...fields });
const LATER = 10 ** 12;
const summary = (turns: InsightRecord[]) => summarise(turns, LATER, 30 * 60_000);

describe('a conversation outcome', () => {
  it('is handoff when a person took over, whatever came before', () => {
    expect(summary([typed('x', { signals: [{ kind: 'solved' }] }), turn({ action: 'nav:human', handoff: true })]).outcome).toBe('handoff');
  });

  it('is resolved when the person says it is solved, or a flow ends on their "yes, it worked"', () => {
    expect(summary([typed('it works now', { signals: [{ kind: 'solved' }] })]).outcome).toBe('resolved');
    expect(summary([turn({ action: 'answer:fixed', signals: [{ kind: 'flow_done', flow: 'payment_declined', step: 'fixed', success: true }] })]).outcome).toBe('resolved');
  });

  it('is not resolved by a flow that ended another way ("I\'ll contact them")', () => {
    expect(summary([typed('q'), turn({ action: 'answer:self', signals: [{ kind: 'flow_done', flow: 'payment_declined', step: 'contact_done', success: false }] })]).outcome).toBe('answered');
  });

  it('is resolved by a thumbs up, and no longer when a thumbs down follows it', () => {
    expect(summary([typed('fees?', { intent: 'fees_and_rates' }), turn({ action: 'feedback:up', feedback: 'up' })]).outcome).toBe('resolved');
    expect(summary([typed('fees?', { intent: 'fees_and_rates' }), turn({ action: 'feedback:up', feedback: 'up' }), turn({ action: 'feedback:down', feedback: 'down' })]).outcome).toBe('answered');
  });

  it('is abandoned at the step where the person left a flow, or in progress while they may still answer', () => {
    const turns = [typed('declined', { flow: 'payment_declined', step: 'ask_cause' }), turn({ action: 'answer:funds', flow: 'payment_declined', step: 'fix_funds' })];
    expect(summary(turns)).toMatchObject({ outcome: 'abandoned', at: { flow: 'payment_declined', step: 'fix_funds' } });
    expect(summarise(turns, clock + 60_000, 30 * 60_000).outcome).toBe('in_progress');
  });

  it('is out of scope when every message with a topic was out of scope', () => {
    expect(summary([typed('hi', { intent: 'greeting' }), typed('weather?', { intent: 'out_of_scope' })]).outcome).toBe('out_of_scope');
  });

  it('is fallback when the last typed message was one the bot could not follow', () => {
    expect(summary([typed('fees?', { intent: 'fees_and_rates' }), typed('blorp', { intent: 'fees_and_rates', signals: [{ kind: 'no_answer' }] })]).outcome).toBe('fallback');
  });

  it('sorts turns by time: instances write their batches in any order', () => {
    const late = typed('later', { at: 5, signals: [{ kind: 'solved' }] });
    const early = turn({ at: 1, action: 'feedback:down', feedback: 'down' });
    expect(summarise([late, early], LATER, 1).outcome).toBe('resolved');
  });

  it('counts thumbs clicked one after the other once, as the last click', () => {
    const s = summary([typed('q'), turn({ feedback: 'up' }), turn({ feedback: 'down' }), typed('q2'), turn({ feedback: 'up' })]);
    expect(s.feedback.map((f) => f.value)).toEqual(['down', 'up']);
  });
});

describe('flow visits (the funnel)', () => {
  it('follows the steps asked, and how the visit ended', () => {
    const visits = flowVisits([
      typed('declined', { flow: 'payment_declined', step: 'ask_cause' }),
      turn({ action: 'answer:funds', flow: 'payment_declined', step: 'fix_funds' }),
      turn({ action: 'answer:fixed', signals: [{ kind: 'flow_done', flow: 'payment_declined', step: 'fixed', success: true }] }),
    ]);
    expect(visits).toEqual([{ flow: 'payment_declined', steps: ['ask_cause', 'fix_funds'], ended: 'finished' }]);
  });

  it('keeps a flow set aside and resumed as one visit, and a handoff as its end', () => {
    const visits = flowVisits([
      typed('link', { flow: 'link_card', step: 'which_card' }),
      typed('fees?', { flow: null, step: null }),
      turn({ action: 'nav:resume', flow: 'link_card', step: 'which_card' }),
      turn({ action: 'answer:visa', flow: 'link_card', step: 'card_enabled' }),
      turn({ action: 'nav:human', flow: 'contact_support', step: 'with_staff', handoff: true }),
    ]);
    expect(visits).toEqual([{ flow: 'link_card', steps: ['which_card', 'card_enabled'], ended: 'handoff' }]);
  });

  it('counts a flow that started and ended within one turn, with no steps', () => {
    expect(flowVisits([typed('x', { signals: [{ kind: 'flow_done', flow: 'verification', step: 'verified', success: true }] })])).toEqual([{ flow: 'verification', steps: [], ended: 'finished' }]);
  });
});
