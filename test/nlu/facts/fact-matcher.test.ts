import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFactMatcher, redundantFacts } from '../../../src/nlu/facts/fact-matcher.js';
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
  - name: card.credit
    description: Credit.
    negatable: true
    negation: right_before
    patterns: [credit card]
  - name: card.network
    description: Maestro.
    negation: right_before
    patterns: [maestro]
  - name: security.clicked
    description: Clicked.
    negatable: true
    positiveWins: true
    patterns: ["(clicked|tapped) (the|it)? (link)?"]
    denials: ["(did not|never) (click|tap|type) (it|the link|anything)"]
  - name: setup.no_account
    description: No account.
    negatable: denials
    patterns: ["(do not|never) have (an|the)? (account|app)"]
  - name: setup.linked
    description: Linked.
    negatable: true
    patterns: ["card (is)? linked"]
  - name: setup.requested
    description: Asked for a passport.
    negatable: true
    patterns: ["asks & passport"]
    denials: ["(not|never|nobody) & asked & passport"]
  - name: status.solved
    description: It worked.
    negatable: true
    notInQuestions: true
    patterns: ["(it|that) worked"]
  - name: other_product
    description: Another product.
    inSuppositions: true
    patterns: [paypal]
  - name: verify.charge
    description: A test charge.
    negatable: denials
    patterns: ["test charge"]
    denials:
      - pattern: test charge & never saw one
        scope: message
  - name: verify.rejected
    description: Identity rejected.
    patterns: ["verification failed"]
    except:
      - pattern: code & verification failed
        scope: message
  - name: checkout.hangs
    description: The page hangs.
    patterns: [spins]
  - name: error.no_reason
    description: No reason.
    patterns: ["just said failed"]
    unless: [checkout.hangs]
  - name: error.glitch
    description: A glitch.
    patterns: [spins]
    unless: [error.no_reason]
  - name: card.bank_blank
    description: The bank shows nothing.
    negatable: denials
    patterns: ["bank (app)? shows nothing"]
    denials: ["bank & shows & payment", "bank ... saw (the)? payment", "money (is)? (gone|taken)"]
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

  it('does not let an opening "no" that answers negate what follows it, even when the pattern starts at once', () => {
    expect(read('no i have enough money')).toEqual(['!error.funds']);
  });

  it('reads a denial after the fact ("… is not the problem"), but not a thing that is not working', () => {
    expect(read('insufficient funds is not the problem')).toEqual(['!error.funds']);
    expect(read('my credit card is not working')).toEqual(['card.credit']);
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

  it('reads nothing from a yes/no question that opens with the match', () => {
    expect(read('my bank app shows nothing. is the money gone or not?')).toEqual(['card.bank_blank']);
    expect(read('is the card linked?')).toEqual([]);
    expect(read('the card is linked, why does it fail?')).toEqual(['setup.linked']);
    expect(read('the money is gone from my account')).toEqual(['!card.bank_blank']);
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

  it('keeps a positive reading over a later denial for facts that say so', () => {
    expect(read('i tapped the link, but i did not type anything')).toEqual(['security.clicked']);
    expect(read('i did not click the link')).toEqual(['!security.clicked']);
  });

  it('turns a named thing round only when the negation stands right before it', () => {
    expect(read('I can not add my maestro')).toEqual(['card.network']);
    expect(read('can not use my credit card')).toEqual(['card.credit']);
    expect(read('it is not a credit card')).toEqual(['!card.credit']);
    expect(read('so not a normal debit or credit card')).toEqual(['!card.credit']);
  });

  it('does not carry a negation past "and" or "after"', () => {
    expect(read('i did not reply and the card is linked')).toEqual(['setup.linked']);
    expect(read('no reply after card is linked')).toEqual(['setup.linked']);
    expect(read('not sure the card is linked')).toEqual(['!setup.linked']);
  });

  it('reads an opening "no" as an answer, not as a denial of what follows', () => {
    expect(read('no i do not have the app')).toEqual(['setup.no_account']);
  });

  it('reads a negation in an order-free denial as part of it, but not one between its parts', () => {
    expect(read('nobody ever asked me for a passport')).toEqual(['!setup.requested']);
    expect(read('it asks me for my passport')).toEqual(['setup.requested']);
  });

  it('reads a word typed with accents as the plain word a pattern uses', () => {
    expect(read('the app had a crásh')).toEqual(['error.technical']);
    expect(read('it says insufficient fünds')).toEqual(['error.funds']);
  });

  it('reads no denial when a negator stands in its gap', () => {
    expect(read('my bank says they saw the payment')).toEqual(['!card.bank_blank']);
    expect(read('my bank says they never even saw the payment')).toEqual([]);
  });

  it('carries a negation over the earlier items of an or-list', () => {
    expect(read('it was not a crash or insufficient funds')).toEqual(['!error.funds']);
    expect(read('it was a crash, and then insufficient funds')).toEqual(['error.funds']);
  });

  it('reads a negator right after a part of an order-free denial as part of it', () => {
    expect(read('the payment fails and my bank app shows nothing')).toEqual(['card.bank_blank']);
    expect(read('my bank shows the payment as declined')).toEqual(['!card.bank_blank']);
  });

  it('keeps a denial that a more specific fact would make redundant', () => {
    expect(read('no crash at all, it says insufficient funds')).toEqual(['error.funds']);
  });

  it('treats a whole clause after "if" as a supposition', () => {
    expect(read('what if my card somehow has not enough money on it')).toEqual([]);
  });

  it('reads a fact that says what the message is about even inside a condition, when it says so', () => {
    expect(read('what if there is not enough money')).toEqual([]);
    expect(read('my friend wants to know if paypal works here')).toEqual(['other_product']);
  });

  it('lets a message-wide denial correct what one clause read', () => {
    expect(read('they mentioned a test charge')).toEqual(['verify.charge']);
    expect(read('they said there would be a test charge, but I never saw one')).toEqual(['!verify.charge']);
  });

  it('applies a message-wide exception to every clause', () => {
    expect(read('it said verification failed')).toEqual(['verify.rejected']);
    expect(read('the code came. then it said verification failed')).toEqual([]);
  });

  it('drops a fact only for a more specific fact that is itself kept', () => {
    // The hang makes "no reason" redundant, so the glitch it would have dropped stays.
    expect(read('it spins, then just said failed').sort()).toEqual(['checkout.hangs', 'error.glitch']);
    expect(read('it just said failed')).toEqual(['error.no_reason']);
  });

  it('drops a fact made redundant by a kept one, keeps one whose only reason is dropped, and ends on a cycle', () => {
    const unless: Record<string, string[]> = { technical: ['no_reason'], no_reason: ['hangs'], a: ['b'], b: ['a'] };
    const of = (name: string) => unless[name] ?? [];
    expect([...redundantFacts(new Set(['technical', 'no_reason']), of)]).toEqual(['technical']);
    expect([...redundantFacts(new Set(['technical', 'no_reason', 'hangs']), of)]).toEqual(['no_reason']);
    // No shipped fact is in a cycle; should one appear, the fact met first counts as kept.
    expect([...redundantFacts(new Set(['a', 'b']), of)]).toEqual(['b']);
  });
});
