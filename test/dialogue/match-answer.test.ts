import { describe, expect, it } from 'vitest';
import { createDialoguePolicy } from '../../src/dialogue/dialogue-policy.js';
import { matchOption } from '../../src/dialogue/match-answer.js';
import { nlu } from './conversation.js';

const flows = createDialoguePolicy().flows;
const whichCard = flows.get('link_card')!.steps['which_card']!.options!;
const didItWork = flows.get('payment_declined')!.steps['fix_funds']!.options!;
const cause = flows.get('payment_declined')!.steps['ask_cause']!.options!;

describe('matching free text to a step option', () => {
  it.each([
    ["it's a mastercard", 'mastercard'],
    ['Visa debit', 'visa'],
    ['AMEX', 'other'],
    ['2', 'mastercard'],
    ['i dont know', 'other'],
  ])('reads "%s" as %s', (text, value) => {
    expect(matchOption(whichCard, text, null)?.value).toBe(value);
  });

  it('prefers the entity the NLU found', () => {
    expect(matchOption(whichCard, 'master card', nlu('link_card', { entities: { cardNetwork: 'mastercard' } }))?.value).toBe('mastercard');
    expect(matchOption(cause, 'the bank thinks it is fraud', nlu('payment_declined', { entities: { errorKind: 'flagged' } }))?.value).toBe('flagged');
  });

  it('reads a yes that goes on with news as a yes, and a yes turned round by "but" as a no', () => {
    const addCard = flows.get('link_card')!.steps['add_card']!.options!;
    expect(matchOption(addCard, 'done, put everything. now it asks a code but nothing arrives', null)?.value).toBe('entered');
    expect(matchOption(didItWork, 'yes, but it still does not go through', null)?.value).toBe('not_fixed');
  });

  it('never reads a negated answer as yes', () => {
    expect(matchOption(didItWork, 'it worked', null)?.value).toBe('fixed');
    expect(matchOption(didItWork, "it didn't work", null)?.value).toBe('not_fixed');
    expect(matchOption(didItWork, 'not fixed, still the same', null)?.value).toBe('not_fixed');
  });

  it('uses affirm and deny from the NLU when no words match', () => {
    expect(matchOption(didItWork, 'absolutely', nlu('affirm'))?.value).toBe('fixed');
    expect(matchOption(didItWork, 'negative', nlu('deny'))?.value).toBe('not_fixed');
  });

  it('picks the longest phrase when several options match', () => {
    expect(matchOption(cause, 'the app shows an error about the exchange rate', null)?.value).toBe('currency');
  });

  it('finds nothing in text that fits no option', () => {
    expect(matchOption(whichCard, 'banana', null)).toBeUndefined();
    expect(matchOption(whichCard, '', null)).toBeUndefined();
    expect(matchOption(whichCard, '9', null)).toBeUndefined();
  });
});
