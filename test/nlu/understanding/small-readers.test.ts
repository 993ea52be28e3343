import { describe, expect, it } from 'vitest';
import type { Fact, RankedIntent, Status } from '../../../src/core/types.js';
import { asksQuestion } from '../../../src/nlu/understanding/asks-question.js';
import { applyContextPrior, contextTopic } from '../../../src/nlu/understanding/context-prior.js';
import { decideIntent, type DecisionInput } from '../../../src/nlu/understanding/decide-intent.js';
import { domainEvidence } from '../../../src/nlu/understanding/domain-evidence.js';
import { failureStated, linkingFailed, linkingTrouble, namesOtherTask, payingFailed } from '../../../src/nlu/understanding/failure-stated.js';
import { followUpScore } from '../../../src/nlu/understanding/follow-up.js';
import { clauseWords } from '../../../src/nlu/understanding/message-text.js';
import { openingMove, wholeMessageMove } from '../../../src/nlu/understanding/opening-move.js';
import { readStatus } from '../../../src/nlu/understanding/read-status.js';
import { signalsSwitch } from '../../../src/nlu/understanding/switch-cue.js';

const fact = (name: string, negated = false, value?: string): Fact => (value ? { name, negated, clause: 0, value } : { name, negated, clause: 0 });
const asks = (text: string) => asksQuestion(clauseWords(text), text);

describe('whether a message asks something', () => {
  it.each([
    ['how do i link my card', true],
    ['is there a phone number for alipay', true],
    ['wondering if debit cards work', true],
    ['tell me the fees', true],
    ['my card was declined.', false],
    ['when i pay it fails', false],
    ['i can not pay on alibaba', false],
    ['will call my bank tomorrow', false],
    ['declined again??', true],
    ['my payment got declined, can we look at that first?', false],
    ['can we do the card instead? how long does it take', true],
    ['hmm ok??', false],
    ['wait whats the difference between the two', true],
    ['ok so how long does that usually take', true],
    ['ok what now', true],
    ['ok thanks', false],
  ])('"%s" → %s', (text, expected) => {
    expect(asks(text)).toBe(expected);
  });
});

describe('the status a message reports', () => {
  it('puts a reported success first, then a plan to act elsewhere, then still failing, then leaving', () => {
    expect(readStatus([fact('status.leaving'), fact('status.solved')])).toBe('solved');
    expect(readStatus([fact('status.still_failing'), fact('status.will_act_elsewhere')])).toBe('will_act_elsewhere');
    expect(readStatus([fact('status.leaving'), fact('status.still_failing')])).toBe('still_failing');
  });

  it('reads "it did not work" (solved, negated) as still failing, and ignores other facts', () => {
    expect(readStatus([fact('status.solved', true)])).toBe('still_failing');
    expect(readStatus([fact('error.technical')])).toBeNull();
  });
});

describe('the move a reply opens with', () => {
  it.each([
    ['no still declined', 'deny'],
    ['yes it is enabled', 'affirm'],
    ['thanks it went through', 'thanks'],
    ['not yet', 'deny'],
    ['no idea why', undefined],
    ['no error at all', undefined],
    ['no limit problem, I asked the bank', undefined],
    ['no risk message though, it just says failed', undefined],
    ['no email option at all?', undefined],
    ["no it's still not there", 'deny'],
    ['no luck', 'deny'],
    ['done with this app', undefined],
    ['done', 'affirm'],
    ['my card was declined', undefined],
    ['à la prochaine!', 'goodbye'],
    ['na razie!', 'goodbye'],
    ['doei', 'goodbye'],
    ['perfect, dank je', undefined],
    ['dank je, that is all I needed', 'thanks'],
    ['Dziękuję bardzo', 'thanks'],
    ['tak, it is enabled', undefined],
  ])('"%s" → %s', (text, expected) => {
    expect(openingMove(clauseWords(text)[0] ?? [])).toBe(expected);
  });
});

describe('a message that is only a hello, thanks or goodbye', () => {
  it.each([
    ['szia 👋', 'greeting'],
    ['bonswa', 'greeting'],
    ['até logo', 'goodbye'],
    ['à la prochaine', 'goodbye'],
    ['mahalo', 'thanks'],
    ['thanks, linked now', undefined],
    ['hola, my card is declined', undefined],
    ['ahoj, still failing', undefined],
  ])('"%s" → %s', (text, expected) => {
    expect(wholeMessageMove(clauseWords(text))).toBe(expected);
  });
});

describe('how much a message leans on the previous turn', () => {
  it('scores a short pointing continuation higher than a long message that names its topic', () => {
    const vague = followUpScore(clauseWords('and how do i raise it?'), 0.3);
    const standalone = followUpScore(clauseWords('my visa card was declined at the alibaba checkout when paying a supplier in dollars'), 0.9);
    expect(vague).toBeGreaterThan(0.7);
    expect(standalone).toBeLessThan(0.3);
  });
});

describe('the previous topic as a prior', () => {
  const ranking: RankedIntent[] = [
    { intent: 'out_of_scope', confidence: 0.6 },
    { intent: 'verification', confidence: 0.3 },
    { intent: 'limits', confidence: 0.1 },
  ];
  const limits = { topic: 'limits' as const, flow: null, step: null };

  it('moves a follow-up to the topic just discussed', () => {
    expect(applyContextPrior(ranking, limits, 0.9, 14)[0]?.intent).toBe('limits');
  });

  it('leaves a message that does not lean on it alone, and keeps the confidences a distribution', () => {
    const out = applyContextPrior(ranking, limits, 0, 14);
    expect(out[0]?.intent).toBe('out_of_scope');
    expect(applyContextPrior(ranking, limits, 0.9, 14).reduce((s, r) => s + r.confidence, 0)).toBeCloseTo(1, 9);
  });

  it('lets a confident conversation move stand ("thanks!")', () => {
    const thanks: RankedIntent[] = [
      { intent: 'thanks', confidence: 0.8 },
      { intent: 'limits', confidence: 0.2 },
    ];
    expect(applyContextPrior(thanks, limits, 1, 14)[0]?.intent).toBe('thanks');
  });

  it('leans on the flow in progress before the last topic', () => {
    expect(contextTopic({ topic: 'limits', flow: 'link_card', step: 'card_enabled' })).toBe('link_card');
  });

  it('lets another task said with switch words take over mid-flow, and not without them', () => {
    const switching: RankedIntent[] = [
      { intent: 'link_card', confidence: 0.6 },
      { intent: 'verification', confidence: 0.1 },
      { intent: 'security', confidence: 0.3 },
    ];
    const inVerification = { topic: 'verification' as const, flow: 'verification', step: 'identity_docs' };
    const flow = { inFlow: 0.8, asks: false, switchAbove: 0.85, words: 14 };
    expect(applyContextPrior(switching, inVerification, 0.35, 8, { ...flow, switchCue: true })[0]?.intent).toBe('link_card');
    expect(applyContextPrior(switching, inVerification, 0.35, 8, { ...flow, switchCue: false })[0]?.intent).toBe('verification');
  });
});

describe('switch words', () => {
  it.each([
    ['actually my payment got declined, can we do that first', true],
    ['forget that, i need to verify', true],
    ['i have another problem with my account', true],
    ['btw can i use it on amazon', false],
    ['my card is a visa', false],
  ])('"%s" → %s', (text, expected) => {
    expect(signalsSwitch(clauseWords(text))).toBe(expected);
  });
});

describe('deciding the intent', () => {
  const base = (overrides: Partial<DecisionInput>): DecisionInput => ({
    ranking: [
      { intent: 'out_of_scope', confidence: 0.6 },
      { intent: 'payment_declined', confidence: 0.3 },
    ],
    label: 'out_of_scope.country_support',
    outOfScopeBelow: 0.4,
    evidence: { anchored: false, domainFacts: 0, cardStated: false, failed: false, ownProblem: false },
    status: null,
    words: 12,
    ...overrides,
  });
  const settings = { anchoredMin: 0.05, factsMin: 0.2, statusWords: 5 };

  it('keeps out of scope when nothing ties the message to our domain', () => {
    expect(decideIntent(base({}), settings).intent).toBe('out_of_scope');
  });

  it('gives a message that names Alipay, or states one of our problems, its best topic instead', () => {
    expect(decideIntent(base({ evidence: { anchored: true, domainFacts: 0, cardStated: false, failed: false, ownProblem: false } }), settings).intent).toBe('payment_declined');
    expect(decideIntent(base({ evidence: { anchored: false, domainFacts: 1, cardStated: false, failed: false, ownProblem: false } }), settings).intent).toBe('payment_declined');
  });

  it('keeps an out-of-scope sub-intent that stands even beside the word Alibaba (shipping, selling)', () => {
    expect(decideIntent(base({ label: 'out_of_scope.orders_and_shipping', evidence: { anchored: true, domainFacts: 0, cardStated: false, failed: false, ownProblem: false } }), settings).intent).toBe('out_of_scope');
  });

  it('lets a problem of our own, with Alipay or Alibaba named, outweigh a standing out-of-scope sub-intent', () => {
    const project = { label: 'out_of_scope.jobs_and_business', ranking: [{ intent: 'out_of_scope' as const, confidence: 0.4 }, { intent: 'account_setup' as const, confidence: 0.35 }] };
    expect(decideIntent(base({ ...project, evidence: { anchored: true, domainFacts: 1, cardStated: false, failed: false, ownProblem: true } }), settings).intent).toBe('account_setup');
    expect(decideIntent(base({ ...project, evidence: { anchored: true, domainFacts: 1, cardStated: false, failed: false, ownProblem: false } }), settings).intent).toBe('out_of_scope');
    expect(decideIntent(base({ ...project, evidence: { anchored: false, domainFacts: 1, cardStated: false, failed: false, ownProblem: true } }), settings).intent).toBe('out_of_scope');
  });

  it('lets an other-product reading stand only when another product is named', () => {
    const anchored = { anchored: true, domainFacts: 0, cardStated: false, failed: false, ownProblem: false };
    // "a payment on my Monzo to Alipay, wasn't me": the model hears a wallet, but only Alipay is named.
    expect(decideIntent(base({ label: 'out_of_scope.other_wallets', evidence: anchored }), settings).intent).toBe('payment_declined');
    expect(decideIntent(base({ label: 'out_of_scope.other_wallets', evidence: { ...anchored, otherProduct: 'paypal' } }), settings).intent).toBe('out_of_scope');
  });

  it('never gives a topic of ours to another product', () => {
    const crypto = base({ ranking: [{ intent: 'pay_on_alibaba', confidence: 0.9 }, { intent: 'out_of_scope', confidence: 0.1 }], evidence: { anchored: true, domainFacts: 0, cardStated: false, failed: false, ownProblem: false, otherProduct: 'crypto' } });
    expect(decideIntent(crypto, settings)).toMatchObject({ intent: 'out_of_scope', label: 'out_of_scope.crypto' });
    const paypal = base({ ranking: [{ intent: 'security', confidence: 0.9 }, { intent: 'out_of_scope', confidence: 0.1 }], evidence: { anchored: false, domainFacts: 0, cardStated: false, failed: false, ownProblem: false, otherProduct: 'paypal' } });
    expect(decideIntent(paypal, settings).intent).toBe('out_of_scope');
  });

  it("reads a bank's or wallet's app named beside a card problem as the card's bank, not another product", () => {
    const declined = { ranking: [{ intent: 'payment_declined' as const, confidence: 0.9 }, { intent: 'out_of_scope' as const, confidence: 0.1 }] };
    const card = base({ ...declined, evidence: { anchored: false, domainFacts: 1, cardStated: true, failed: false, ownProblem: false, otherProduct: 'other_wallet' } });
    expect(decideIntent(card, settings).intent).toBe('payment_declined');
    const transfer = base({ ...declined, evidence: { anchored: false, domainFacts: 1, cardStated: false, failed: false, ownProblem: false, otherProduct: 'other_wallet' } });
    expect(decideIntent(transfer, settings).intent).toBe('out_of_scope');
  });

  it('reads a shop named beside a card that fails with Alipay as where the card works, not the topic', () => {
    const declined = { ranking: [{ intent: 'payment_declined' as const, confidence: 0.6 }, { intent: 'out_of_scope' as const, confidence: 0.4 }] };
    // "my debit card works on Jumia and everywhere, only Alipay refuses it"
    const compared = base({ ...declined, evidence: { anchored: true, domainFacts: 0, cardStated: true, failed: true, ownProblem: true, otherProduct: 'other_marketplace' } });
    expect(decideIntent(compared, settings).intent).toBe('payment_declined');
    // "can I pay my AliExpress order with Alipay and my debit card": nothing failed, the shop is the topic.
    const asked = base({ ...declined, evidence: { anchored: true, domainFacts: 0, cardStated: true, failed: false, ownProblem: false, otherProduct: 'other_marketplace' } });
    expect(decideIntent(asked, settings).intent).toBe('out_of_scope');
  });

  it('lets a stated status decide a very short message the model did not place ("gotta run")', () => {
    expect(decideIntent(base({ status: 'leaving', words: 2 }), settings).intent).toBe('goodbye');
    expect(decideIntent(base({ status: 'leaving', words: 12 }), settings).intent).toBe('out_of_scope');
  });

  it('answers with the opening move of a reply', () => {
    expect(decideIntent(base({ opening: 'deny' }), settings).intent).toBe('deny');
  });
});

describe('domain evidence', () => {
  it('notices Alipay, Alibaba, the Tour Pass and suppliers, and the facts only our domain states', () => {
    expect(domainEvidence(clauseWords('my alipay is broken'), []).anchored).toBe(true);
    expect(domainEvidence(clauseWords('what is the tour pass'), []).anchored).toBe(true);
    expect(domainEvidence(clauseWords('my card'), [fact('error.issuer_declined'), fact('card.debit')]).domainFacts).toBe(1);
    expect(domainEvidence(clauseWords('buy bitcoin'), [fact('other_product', false, 'crypto')]).otherProduct).toBe('crypto');
  });
});

describe('whether a message says something failed', () => {
  const said = (text: string, facts: Fact[] = [], status: Status | null = null) => failureStated(clauseWords(text), facts, status);

  it('hears failure in words, in the languages people mix in, in facts and in a still-failing status', () => {
    expect(said('the payment did not go through')).toBe(true);
    expect(said("I can't pay for the order")).toBe(true);
    expect(said('pembayaran gagal terus')).toBe(true);
    expect(said('it says system busy', [fact('error.technical')])).toBe(true);
    expect(said('at checkout it says the cardholder name is different', [fact('card.name_mismatch')])).toBe(true);
    expect(said('same again', [], 'still_failing')).toBe(true);
  });

  it('tells a failure while linking a card from one while paying', () => {
    expect(linkingFailed(clauseWords('international payments are on but it refuses the card when I link it'))).toBe(true);
    expect(linkingFailed(clauseWords('cannot lnk my debit, it says expiry invalid'))).toBe(true);
    expect(linkingFailed(clauseWords('I linked it fine but the payment for my order is refused'))).toBe(false);
    expect(payingFailed(clauseWords('paying the order it keeps saying invalid card type'))).toBe(true);
    expect(payingFailed(clauseWords('I added my card to pay the order and it says invalid card type'))).toBe(false);
    expect(payingFailed(clauseWords('international payments are on, it says invalid card type'))).toBe(false);
    expect(namesOtherTask(clauseWords('my order payment failed this morning'), 'paying')).toBe(true);
    expect(namesOtherTask(clauseWords('international is on and it still says card details incorrect'), 'paying')).toBe(false);
    expect(namesOtherTask(clauseWords('I need to add a new card first'), 'linking')).toBe(true);
    expect(namesOtherTask(clauseWords('details are right, same error'), 'linking')).toBe(false);
  });

  it('tells trouble adding a card from a card not added yet', () => {
    expect(linkingTrouble(clauseWords('my card is not linking, it never worked'))).toBe(true);
    expect(linkingTrouble(clauseWords('I do not find where to add the card'))).toBe(true);
    expect(linkingTrouble(clauseWords("I haven't linked any card yet, what else do I set up?"))).toBe(false);
  });

  it('hears none in a first order told step by step, nor in a denied error', () => {
    expect(said('im at the cart and want to pay for my first order')).toBe(false);
    expect(said('no error at all', [fact('error.no_reason', true)])).toBe(false);
  });
});
