import type { Entities } from '../../core/types.js';
import { normaliseText, spellOutNegations, words } from '../text-features.js';
import { extractAmount } from './amount.js';
import { extractCardNetwork } from './card-network.js';
import { extractCurrency } from './currency.js';
import { extractErrorKind } from './error-kind.js';

/** Card network, kind of error, currency and amount in one message; absent keys were not found. */
export function extractEntities(text: string): Entities {
  // Plain text with negations spelled out, but digits and currency symbols kept.
  const plain = spellOutNegations(text)
    .replace(/[-_/]+/g, ' ')
    .replace(/\s+/g, ' ');
  const entities: Entities = {};
  const network = extractCardNetwork(normaliseText(text).replace(/\s+/g, ' '), words(text));
  if (network) entities.cardNetwork = network;
  const errorKind = extractErrorKind(plain);
  if (errorKind) entities.errorKind = errorKind;
  const currency = extractCurrency(text.normalize('NFKC'));
  if (currency) entities.currency = currency;
  const amount = extractAmount(text.normalize('NFKC'));
  if (amount !== undefined) entities.amount = amount;
  return entities;
}
