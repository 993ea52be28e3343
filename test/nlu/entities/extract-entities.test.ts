import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../../src/nlu/entities/extract-entities.js';

describe('card network', () => {
  it.each([
    ['my Visa card was declined', 'visa'],
    ['I have a master card', 'mastercard'],
    ['Mastercard debit', 'mastercard'],
    ['paying with mc', 'mastercard'],
    ['my mastercrad does not work', 'mastercard'],
    ['vsia card rejected', 'visa'],
    ['JCB card from Japan', 'jcb'],
    ['can I use a Discover card', 'discover'],
    ['American Express is refused', 'amex'],
    ['my amex', 'amex'],
    ['Union Pay card', 'unionpay'],
    ['unoinpay', 'unionpay'],
    ['Diners Club card', 'diners'],
    ['maestro debit card', 'maestro'],
  ])('finds the network in "%s"', (text, network) => {
    expect(extractEntities(text).cardNetwork).toBe(network);
  });

  it.each(['I discovered a charge I do not know', 'my card was declined', 'I need a travel visit', 'via the app'])('finds no network in "%s"', (text) => {
    expect(extractEntities(text).cardNetwork).toBeUndefined();
  });
});

describe('kind of error', () => {
  it.each([
    ['it says insufficient funds', 'insufficient_funds'],
    ['declined, says insufficent funds', 'insufficient_funds'],
    ["there isn't enough money on my card", 'insufficient_funds'],
    ['I exceeded my limit', 'limit'],
    ['over the daily limit apparently', 'limit'],
    ['flagged as suspicious', 'flagged'],
    ['blocked for possible fraud', 'flagged'],
    ['it wants me to verify my identity', 'verification_required'],
    ['asks for a 3D Secure code', 'verification_required'],
    ['card not supported', 'card_not_supported'],
    ["Alipay won't accept my card", 'card_not_supported'],
    ['the app crashed', 'technical'],
    ['I get an error message', 'technical'],
    ['the page keeps loading forever', 'technical'],
    ['I was charged in a different currency', 'currency'],
    ['the exchange rate looks wrong', 'currency'],
  ])('reads "%s" as %s', (text, kind) => {
    expect(extractEntities(text).errorKind).toBe(kind);
  });

  it('finds no error kind in a plain question', () => {
    expect(extractEntities('how do I add a card').errorKind).toBeUndefined();
  });
});

describe('currency and amount', () => {
  it.each([
    ['$50', 'USD', 50],
    ['I paid 120 USD', 'USD', 120],
    ['it cost 30 dollars', 'USD', 30],
    ['€20 please', 'EUR', 20],
    ['20€ fee', 'EUR', 20],
    ['charged 1,200.50 yuan', 'CNY', 1200.5],
    ['500 RMB', 'CNY', 500],
    ['CNY 88', 'CNY', 88],
    ['¥300', 'CNY', 300],
    ['£15', 'GBP', 15],
    ['HK$100', 'HKD', 100],
    ['100 euros', 'EUR', 100],
  ])('reads "%s" as %s %d', (text, currency, amount) => {
    expect(extractEntities(text)).toMatchObject({ currency, amount });
  });

  it('names a currency without an amount', () => {
    expect(extractEntities('do you take Chinese yuan?')).toEqual({ currency: 'CNY' });
  });

  it('does not read every number as an amount', () => {
    expect(extractEntities('it has been 3 days').amount).toBeUndefined();
    expect(extractEntities('I want to try again').currency).toBeUndefined();
  });

  it('reads a plain number after a money word as an amount', () => {
    expect(extractEntities('I tried to pay 250 and it failed').amount).toBe(250);
  });

  it('returns an empty object for a message without entities', () => {
    expect(extractEntities('hello')).toEqual({});
  });
});
