/**
 * Is a message about our domain? The classifier's out-of-scope labels learned banking questions
 * that look like ours (ATMs, PINs, bank transfers); a message that names Alipay or Alibaba, or
 * states a problem from our fact catalogue, is ours even when its wording is new. Other products
 * (crypto, other wallets and marketplaces) are the opposite case: named, and never a flow.
 */
import type { Fact } from '../../core/types.js';
import { failureStated } from './failure-stated.js';

/** Words that tie a message to paying on Alibaba with Alipay. */
const ANCHORS = new Set(['alipay', 'alibaba', 'alipays', 'alibabas', 'tourpass', 'supplier', 'suppliers']);
const ANCHOR_PHRASES = [/ ali pay /, / tour pass /, / trade assurance /, / alibaba com /];

/**
 * Out-of-scope sub-intents that stand even when Alipay or Alibaba is named: shipping an Alibaba
 * order, selling on Alibaba, other products compared with ours, abuse.
 */
const STANDING_OUT_OF_SCOPE = new Set([
  'out_of_scope.orders_and_shipping',
  'out_of_scope.parcels',
  'out_of_scope.jobs_and_business',
  'out_of_scope.other_marketplaces',
  'out_of_scope.other_wallets',
  'out_of_scope.other_apps_and_shops',
  'out_of_scope.crypto',
  'out_of_scope.abuse',
  'out_of_scope.finance_products',
  'out_of_scope.chit_chat',
  'out_of_scope.gibberish',
]);

/** Fact areas that only our domain has (a decline reason, a verification step, a checkout problem…). */
const DOMAIN_FACT_AREAS = ['error.', 'setup.', 'verify.', 'checkout.', 'security.phishing_message', 'card.international_enabled', 'card.name_mismatch', 'card.bank_sees_nothing'];

/**
 * Facts whose denial is as much ours as the fact: international payments switched off, a bank that
 * does show the attempt. (A denied error, "I have the money", says nothing of the domain.)
 */
const NEGATED_DOMAIN_FACTS = new Set(['card.international_enabled', 'card.bank_sees_nothing']);

/** A problem stated in these areas is one of our tasks' own: an error, a setup or verification step. */
const OWN_PROBLEM_AREAS = ['error.', 'setup.', 'verify.'];

const CARD_KINDS = new Set(['card.debit', 'card.credit', 'card.prepaid', 'card.unsupported_network']);

export interface DomainEvidence {
  /** The message names Alipay, Alibaba, the Tour Pass or a supplier. */
  anchored: boolean;
  /** Facts from our catalogue that only our domain states. */
  domainFacts: number;
  /** The message says what kind of card it is about (debit, credit, prepaid, a network we do not take). */
  cardStated: boolean;
  /** The message says something failed (a decline, a refusal, an error). */
  failed: boolean;
  /** The message states a problem only our tasks have: an error, a setup or verification step. */
  ownProblem: boolean;
  /** The product the message is about when it is not ours ("crypto", "paypal", …). */
  otherProduct?: string;
}

export function domainEvidence(clauses: readonly (readonly string[])[], facts: readonly Fact[]): DomainEvidence {
  const padded = ` ${clauses.map((c) => c.join(' ')).join(' ')} `;
  const anchored = clauses.some((words) => words.some((w) => ANCHORS.has(w))) || ANCHOR_PHRASES.some((p) => p.test(padded));
  const domainFacts = facts.filter((f) => (!f.negated || NEGATED_DOMAIN_FACTS.has(f.name)) && DOMAIN_FACT_AREAS.some((area) => f.name.startsWith(area))).length;
  const cardStated = facts.some((f) => !f.negated && CARD_KINDS.has(f.name));
  const failed = failureStated(clauses, facts, null);
  const ownProblem = facts.some((f) => !f.negated && OWN_PROBLEM_AREAS.some((area) => f.name.startsWith(area)));
  const other = facts.find((f) => f.name === 'other_product' && !f.negated);
  return other?.value ? { anchored, domainFacts, cardStated, failed, ownProblem, otherProduct: other.value } : { anchored, domainFacts, cardStated, failed, ownProblem };
}

export function isStandingOutOfScope(label: string | undefined): boolean {
  return label !== undefined && STANDING_OUT_OF_SCOPE.has(label);
}
