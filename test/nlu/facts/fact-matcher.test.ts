import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFactMatcher } from '../../../src/nlu/facts/fact-matcher.js';
import { loadFactCatalogue } from '../../../src/nlu/facts/load-facts.js';
import { splitClauses } from '../../../src/nlu/understanding/message-text.js';
import type { UnderstandingContext } from '../../../src/core/types.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'facts-'));
writeFileSync(
  path.join(dir, 'test.yaml'),
  `groups:
  money: [money, funds, balance]
facts:
  - name: error.funds
    description: Not enough money.
    negatable: true
    patterns: ["not enough {money}", "insufficient {money}?"]
    denials: ["i have (enough)? {money}"]
  - name: error.technical
    description: An error.
    patterns: [error, crash*]
    unless: [error.funds]
  - name: card.debit
    description: Debit.
    patterns: [debit]
    except: [direct debit]
  - name: card.enabled
    description: On.
    negatable: true
    patterns:
      - international ... enabled
      - pattern: (it is|yes) on
        after: [link_card.card_enabled]
  - name: security.scam_call
    description: A scam call.
    patterns:
      - pattern: called ... said ... from alipay
        scope: message
  - name: status.solved
    description: It worked.
    negatable: true
    notInQuestions: true
    patterns: ["(it|that) worked"]
`,
);
const matcher = createFactMatcher(loadFactCatalogue(dir));
const read = (text: string, context?: UnderstandingContext) =>
  matcher.match(splitClauses(text), context).map((f) => `${f.negated ? '!' : ''}${f.name}${f.value ? `=${f.value}` : ''}`);

describe('reading facts from a message', () => {
  it('finds a fact in any clause of a long message', () => {
    expect(read('hi there, new here. the app says insufficient funds')).toEqual(['error.funds']);
  });

  it('turns a fact round when a negation comes just before it, or a denial states the opposite', () => {
    expect(read('it is not insufficient funds')).toEqual(['!error.funds']);
    expect(read('I have the money')).toEqual([]);
    expect(read('i have enough money on it')).toEqual(['!error.funds']);
    expect(read('i have not enough money')).toEqual(['error.funds']);
  });

  it('drops the negation of a fact that is not negatable: "no error" states no error', () => {
    expect(read('there was no error')).toEqual([]);
  });

  it('keeps negation inside its clause', () => {
    expect(read('no idea why, it just crashed')).toEqual(['error.technical']);
  });

  it('reads nothing from a hypothetical', () => {
    expect(read('what if there is not enough money')).toEqual([]);
    expect(read('does international have to be enabled')).toEqual([]);
  });

  it('leaves out a fact that a more specific one makes redundant', () => {
    expect(read('the error says insufficient funds')).toEqual(['error.funds']);
  });

  it('does not read a fact from a clause its exceptions match', () => {
    expect(read('a direct debit I do not know')).toEqual([]);
    expect(read('my debit card')).toEqual(['card.debit']);
  });

  it('uses a pattern meant as an answer only right after that question', () => {
    expect(read('yes on')).toEqual([]);
    expect(read('yes on', { topic: 'link_card', flow: 'link_card', step: 'card_enabled' })).toEqual(['card.enabled']);
  });

  it('matches a message-wide pattern across clauses', () => {
    expect(read('a man called me. he said he is from alipay')).toEqual(['security.scam_call']);
  });

  it('does not read a status out of a question', () => {
    expect(read('it worked')).toEqual(['status.solved']);
    expect(read('so that worked?')).toEqual([]);
  });

  it('lets a later clause correct an earlier one', () => {
    expect(read('not enough money. no wait, i have enough money')).toEqual(['!error.funds']);
  });
});
