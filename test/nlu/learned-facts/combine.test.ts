import { describe, expect, it } from 'vitest';
import type { Fact } from '../../../src/core/types.js';
import { combineLearnedFacts } from '../../../src/nlu/learned-facts/combine.js';
import { trainLearnedFacts } from '../../../src/nlu/learned-facts/train.js';
import { TOY_SETTINGS, toyRows } from './fixtures.js';

const model = trainLearnedFacts(toyRows(), TOY_SETTINGS);
const clausesOf = (text: string) => text.split(',').map((c) => c.trim().split(/\s+/));

describe('combining learned facts with the patterns', () => {
  it('adds a fact the patterns missed, in the clause whose words say it', () => {
    const text = 'hello there, the verification code never came';
    const facts = combineLearnedFacts(model, text, [], clausesOf(text));
    expect(facts).toEqual([{ name: 'verify.code_not_received', negated: false, clause: 1 }]);
  });

  it('never adds a fact the patterns read either way round', () => {
    const read: Fact[] = [{ name: 'verify.code_not_received', negated: true, clause: 0 }];
    const facts = combineLearnedFacts(model, 'the code never came', read, clausesOf('the code never came'));
    expect(facts).toEqual(read);
  });

  it('drops a pattern reading the layer finds very unlikely, and keeps facts it has no model of', () => {
    const read: Fact[] = [
      { name: 'card.international_enabled', negated: false, clause: 0 },
      { name: 'card.unsupported_network', negated: false, clause: 0, value: 'unionpay' },
    ];
    const facts = combineLearnedFacts({ ...model, vetoBelow: 0.3 }, 'thank you so much', read, clausesOf('thank you so much'));
    expect(facts).toEqual([read[1]]);
  });

  it('never drops a reading the quoted words carry, nor any reading when told not to veto', () => {
    const read: Fact[] = [{ name: 'card.international_enabled', negated: false, clause: 0 }];
    const vetoing = { ...model, vetoBelow: 0.3 };
    const text = 'thank you so much';
    expect(combineLearnedFacts(vetoing, text, read, clausesOf(text), true, () => new Set(['card.international_enabled']))).toEqual(read);
    expect(combineLearnedFacts(vetoing, text, read, clausesOf(text), false)).toEqual(read);
    expect(combineLearnedFacts(vetoing, text, read, clausesOf(text), true, () => new Set(['!card.international_enabled']))).toEqual([]);
  });

  it('adds nothing to a message that states nothing it knows', () => {
    expect(combineLearnedFacts(model, 'how long does a refund take', [], clausesOf('how long does a refund take'))).toEqual([]);
  });
});
