import { describe, expect, it } from 'vitest';
import type { InsightRecord } from '../../src/core/insight-record.js';
import { groupMisunderstood, misunderstoodIn, type MisunderstoodItem } from '../../src/insights/misunderstood.js';
import { realTextModel } from './test-model.js';

const turn = (fields: Partial<InsightRecord>): InsightRecord => ({ v: 1, at: 1, c: 'c1', p: 'json', intent: 'link_card', conf: 0.9, flow: null, step: null, ...fields });

describe('which messages were misunderstood', () => {
  it('takes low confidence, fallback, no answer, a second reprompt, and the message a thumbs down rated', () => {
    const items = misunderstoodIn([
      turn({ text: 'unsure one', conf: 0.2 }),
      turn({ text: 'fine one' }),
      turn({ text: 'no answer one', signals: [{ kind: 'no_answer' }] }),
      turn({ text: 'first reprompt', signals: [{ kind: 'reprompt', misses: 1 }] }),
      turn({ text: 'second reprompt', signals: [{ kind: 'reprompt', misses: 2 }] }),
      turn({ text: 'rated down' }),
      turn({ action: 'feedback:down', feedback: 'down', intent: null }),
    ]);
    expect(items.map((i) => [i.text, i.reasons])).toEqual([
      ['unsure one', ['low_confidence']],
      ['no answer one', ['fallback']],
      ['second reprompt', ['reprompted_twice']],
      ['rated down', ['thumbs_down']],
    ]);
  });

  it('skips messages that are only a placeholder or have no words', () => {
    expect(misunderstoodIn([turn({ text: '[card number]', conf: 0.1 }), turn({ text: '??', conf: 0.1 })])).toEqual([]);
  });
});

describe('grouping misunderstood messages', () => {
  const item = (text: string, intent = 'out_of_scope'): MisunderstoodItem => ({ text, intent, reasons: ['low_confidence'] });

  it('puts identical messages together, then similar ones, largest group first, with the intent the model now gives', async () => {
    const items = [
      item('can i pay with apple pay'),
      item('Can I pay with Apple Pay?'),
      item('can i pay using apple pay'),
      item('how long does the refund take'),
      item('how long does a refund take'),
      item('my cat ate my passport'),
    ];
    const { groups, distinct } = groupMisunderstood(items, await realTextModel());
    expect(distinct).toBe(5);
    expect(groups[0]).toMatchObject({ text: 'can i pay with apple pay', count: 3 });
    expect(groups[0]?.texts).toEqual(['can i pay with apple pay', 'can i pay using apple pay']);
    const refund = groups.find((g) => g.text.includes('refund'));
    expect(refund?.count).toBe(2);
    expect(refund?.suggestedIntent).toBe('refunds');
    expect(groups.find((g) => g.text.includes('cat'))?.count).toBe(1);
    expect(groups.map((g) => g.id)).toEqual([...new Set(groups.map((g) => g.id))]);
  });

  it('keeps group ids stable from one report to the next', async () => {
    const model = await realTextModel();
    const a = groupMisunderstood([item('where is my refund'), item('unrelated words here')], model);
    const b = groupMisunderstood([item('unrelated words here'), item('where is my refund'), item('where is my refund')], model);
    expect(b.groups.find((g) => g.text === 'where is my refund')?.id).toBe(a.groups.find((g) => g.text === 'where is my refund')?.id);
  });
});
