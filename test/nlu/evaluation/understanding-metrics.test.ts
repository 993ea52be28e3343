import { describe, expect, it } from 'vitest';
import { NOTHING_STATED, type Fact, type NluResult } from '../../../src/core/types.js';
import type { EvaluationRow } from '../../../src/nlu/evaluation/read-jsonl.js';
import { scoreUnderstanding } from '../../../src/nlu/evaluation/understanding-metrics.js';

const fact = (name: string, negated = false): Fact => ({ name, negated }) as Fact;
const result = (intent: NluResult['intent'], facts: Fact[]): NluResult => ({ ...NOTHING_STATED, intent, confidence: 1, ranking: [{ intent, confidence: 1 }], entities: {}, facts });
const row = (intent: EvaluationRow['intent'], facts: Fact[]): EvaluationRow => ({ text: 't', intent, facts }) as EvaluationRow;

describe('the understanding scores', () => {
  it('scores facts by name and negation, micro-averaged, and counts domain messages called out of scope', () => {
    const report = scoreUnderstanding([
      { row: row('payment_declined', [fact('error.insufficient_funds')]), result: result('payment_declined', [fact('error.insufficient_funds')]) },
      { row: row('payment_declined', [fact('error.insufficient_funds', true)]), result: result('out_of_scope', [fact('error.insufficient_funds')]) },
    ]);
    expect(report.facts).toMatchObject({ precision: 0.5, recall: 0.5, support: 2, rows: 2 });
    expect(report.inScopeCalledOutOfScope).toBe(1);
  });

  it('leaves out facts the set never labels, and names them, instead of counting them as false positives', () => {
    const report = scoreUnderstanding([
      { row: row('account_setup', [fact('setup.sms_code_missing')]), result: result('account_setup', [fact('setup.sms_code_missing'), fact('setup.app_installed')]) },
      { row: row('account_setup', []), result: result('account_setup', [fact('setup.sms_code_missing')]) },
    ]);
    expect(report.facts).toMatchObject({ precision: 0.5, recall: 1, unscored: ['setup.app_installed'] });
  });
});
