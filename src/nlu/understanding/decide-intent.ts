/**
 * The intent a message gets, from its ranking and what else was read: the model's out-of-scope
 * threshold, other products (never one of our topics), our own domain (never out of scope when it
 * names Alipay or Alibaba or states one of our problems), and a bare status ("gotta run", "nah
 * still nothing") that is a conversation move even when the model has not seen the words.
 */
import { CONVERSATION_INTENTS, INFORMATION_INTENTS, OTHER_PRODUCT_SUB_INTENTS, OUT_OF_SCOPE, TASK_INTENTS, type IntentName } from '../../core/intents.js';
import type { RankedIntent, Status } from '../../core/types.js';
import { isStandingOutOfScope, type DomainEvidence } from './domain-evidence.js';

const TOPICS = new Set<string>([...TASK_INTENTS, ...INFORMATION_INTENTS]);
const CONVERSATION = new Set<string>(CONVERSATION_INTENTS);

/** Products that are never ours, even next to the word Alibaba ("pay an alibaba supplier in bitcoin"). */
const NEVER_OURS = new Set(['crypto', 'other_marketplace']);
/** Products that can be the bank behind a card (a neobank's or bank's app), not only a rival payment app. */
const CARD_ISSUER_PRODUCTS = new Set(['other_wallet', 'other']);
const OTHER_PRODUCT_LABELS: Readonly<Record<string, string>> = {
  crypto: 'out_of_scope.crypto',
  other_marketplace: 'out_of_scope.other_marketplaces',
  wechat: 'out_of_scope.other_wallets',
  paypal: 'out_of_scope.other_wallets',
  other_wallet: 'out_of_scope.other_wallets',
};

/** A status says more than the model about a message this short. */
const STATUS_INTENTS: Readonly<Partial<Record<Status, IntentName>>> = { leaving: 'goodbye', solved: 'affirm', still_failing: 'deny' };

/** How sure a reply's opening move is (see opening-move.ts): clear, but below a model's near-certain reading. */
const OPENING_CONFIDENCE = 0.7;

export interface DecisionInput {
  ranking: readonly RankedIntent[];
  /** The model's best sub-intent label for the top of the ranking. */
  label: string | undefined;
  outOfScopeBelow: number;
  evidence: DomainEvidence;
  status: Status | null;
  words: number;
  /** In a conversation (a flow or a topic before), the yes/no/thanks/bye the reply opens with. */
  opening?: IntentName;
}

export interface DecisionSettings {
  /** Out of scope becomes the best topic when the message names Alipay or Alibaba and the topic has at least this. */
  anchoredMin: number;
  /** …or states a problem of ours and the topic has at least this. */
  factsMin: number;
  /** Messages up to this many words let a stated status decide a conversation intent. */
  statusWords: number;
}

export interface Decision {
  intent: IntentName;
  confidence: number;
  label: string;
}

export function decideIntent(input: DecisionInput, settings: DecisionSettings): Decision {
  const { ranking, evidence } = input;
  const top = ranking[0] ?? { intent: OUT_OF_SCOPE, confidence: 0 };
  const outOfScope = ranking.find((r) => r.intent === OUT_OF_SCOPE);
  const asOutOfScope = (label: string): Decision => ({ intent: OUT_OF_SCOPE, confidence: outOfScope?.confidence ?? 0, label });
  let decision: Decision =
    top.confidence >= input.outOfScopeBelow || top.intent === OUT_OF_SCOPE || !outOfScope
      ? { intent: top.intent, confidence: top.confidence, label: input.label ?? top.intent }
      : asOutOfScope(OUT_OF_SCOPE);

  const other = evidence.otherProduct;
  // "Revolut mastercard, declined for suspected fraud, the Revolut app shows it too": the card's
  // bank or wallet app, named beside a card problem of ours, is where the card lives, not the topic.
  const cardsBank = other !== undefined && CARD_ISSUER_PRODUCTS.has(other) && evidence.cardStated && evidence.domainFacts > 0;
  // "My Visa debit works on every other site, Jumia, hotels; only Alipay refuses it": a shop named
  // beside a card that fails with us is where the card works, a comparison, when Alipay is named too.
  const worksElsewhere = other === 'other_marketplace' && evidence.anchored && evidence.cardStated && evidence.failed;
  // Another product named beside our own ("works on Amazon, not on Alipay") is only a comparison.
  if (other && !cardsBank && !worksElsewhere && TOPICS.has(decision.intent) && (NEVER_OURS.has(other) || !evidence.anchored)) {
    // "my paypal refund from a seller", "can I pay an alibaba supplier in bitcoin": not ours to answer.
    return asOutOfScope(OTHER_PRODUCT_LABELS[other] ?? OUT_OF_SCOPE);
  }
  // A label about another product stands only when a product is named: "a payment on my Monzo to
  // Alipay, wasn't me" sounds like a wallet question to the model but names only our own.
  // A standing label yields to a problem of our own stated with Alipay or Alibaba named: "student
  // project sourcing on Alibaba, never used Alipay, don't have the app: what do I need?" is setup.
  const standing = isStandingOutOfScope(decision.label) && (other !== undefined || !OTHER_PRODUCT_SUB_INTENTS.has(decision.label)) && !(evidence.anchored && evidence.ownProblem);
  if (decision.intent === OUT_OF_SCOPE && !standing && !other) {
    const best = ranking.find((r) => TOPICS.has(r.intent));
    const ours = best !== undefined && ((evidence.anchored && best.confidence >= settings.anchoredMin) || (evidence.domainFacts > 0 && best.confidence >= settings.factsMin));
    // Ours, even if worded in a way the model has not seen: its best topic, with its own confidence.
    if (best && ours) decision = { intent: best.intent, confidence: best.confidence, label: best.intent };
  }
  // The opener is read by rule, not by the model: its confidence is the rule's, not the ranking's
  // (after the task's prior, "thank you so much! I'll look at the notifications" ranks thanks near 0).
  if (input.opening) return { intent: input.opening, confidence: Math.max(OPENING_CONFIDENCE, ranking.find((r) => r.intent === input.opening)?.confidence ?? 0), label: input.opening };
  const byStatus = input.status ? STATUS_INTENTS[input.status] : undefined;
  if (byStatus && input.words <= settings.statusWords && !TOPICS.has(decision.intent) && !CONVERSATION.has(decision.intent)) {
    decision = { intent: byStatus, confidence: ranking.find((r) => r.intent === byStatus)?.confidence ?? 0, label: byStatus };
  }
  return decision;
}
