import { describe, expect, it } from 'vitest';
import type { KnowledgeSection, SearchContext } from '../../src/core/ports.js';
import { loadKnowledgeBaseSync } from '../../src/knowledge/load-knowledge.js';
import { asksForNextStep, contextMembers, DEFAULT_CONTEXT, expandFollowUp, hasContext, looksLikeFollowUp, markFollowUp } from '../../src/knowledge/search-context.js';

// The shipped index (built by npm ci / npm run build), read only: rebuilding it per file costs seconds.
const kb = loadKnowledgeBaseSync({ writeIndex: false });
const first = (query: string, context?: SearchContext) => kb.search(query, context ? { context } : {})[0]?.section.id;

describe('follow-up questions resolve against the topic just discussed', () => {
  it('answers the same short question from the topic it follows', () => {
    expect(first('how long does it take?', { topic: 'verification' })).toBe('verification#verification-time');
    expect(first('how long does it take?', { topic: 'refunds' })).toBe('refunds#refund-time');
  });

  it('reads "how do I top it up?" after the Tour Pass as topping up the Tour Pass', () => {
    expect(first('how do I top it up?', { topic: 'tour_pass', sections: ['tour-pass#what-it-is'] })).toBe('tour-pass#how-it-works');
  });

  it('reads "they" as the sections just shown', () => {
    expect(first('what do they charge', { sections: ['link-card#third-party-services'] })).toBe('fees-and-rates#third-party-fees');
    expect(first('what do they charge')).not.toBe('fees-and-rates#third-party-fees');
  });

  it('gives the topic just discussed a small lift for a question with its own subject, and a follow-up a large one', () => {
    const unlifted = loadKnowledgeBaseSync({ writeIndex: false, context: { ownQuestionBoost: 1, followUpBoost: 1 } });
    const lift = (query: string, id: string, context: SearchContext) => {
      const scoreIn = (base: typeof kb) => base.search(query, { limit: 10, context }).find((r) => r.section.id === id)?.score ?? 0;
      return scoreIn(kb) / scoreIn(unlifted);
    };
    const context = { topic: 'verification', sections: ['verification#why-verify'] };
    expect(lift('which documents should I prepare to verify my identity for alipay', 'verification#documents', context)).toBeCloseTo(DEFAULT_CONTEXT.ownQuestionBoost, 2);
    expect(lift('which papers exactly?', 'verification#documents', context)).toBeCloseTo(DEFAULT_CONTEXT.followUpBoost, 2);
  });

  it('lets a question that names its own subject change the topic', () => {
    expect(first('how do I reset my payment password', { topic: 'tour_pass', sections: ['tour-pass#what-it-is'] })).toBe('create-account#forgot-payment-password');
    expect(first('is it safe to link my card on hotel wifi', { topic: 'fees_and_rates' })).toBe('security#secure-network');
  });

  it('reads "it" as the thing just shown', () => {
    expect(first('when will it come back?', { topic: 'refunds', sections: ['fees-and-rates#test-charge'] })).toBe('refunds#refund-time');
    expect(first('can I raise it?', { topic: 'limits', sections: ['transaction-limits#alipay-limits'] })).toBe('transaction-limits#raise-limits');
  });

  it('answers a follow-up made only of common words from the conversation it follows', () => {
    expect(kb.search('what do i need for that')).toEqual([]);
    expect(first('what do i need for that', { topic: 'tour_pass', sections: ['tour-pass#what-it-is'] })).toMatch(/^tour-pass#/);
  });

  it('reads a question that names nothing of ours as a follow-up, however long it is', () => {
    const question = 'waited ten days already, nothing yet, what next';
    expect(kb.search(question)).toEqual([]);
    expect(first(question, { topic: 'refunds', sections: ['refunds#refund-time'] })).toBe('refunds#refund-time');
  });

  it('still says it does not know when a follow-up brings a subject of its own that no section knows', () => {
    expect(kb.search('and what about kittens', { context: { topic: 'tour_pass', sections: ['tour-pass#what-it-is'] } })).toEqual([]);
  });

  it('answers "ok, then?" after a step of a procedure with the step that follows it', () => {
    expect(first('ok then?', { topic: 'account_setup', sections: ['create-account#download-the-app'] })).toBe('create-account#sign-up-with-phone');
    expect(first('got the code. whats next', { topic: 'account_setup', sections: ['create-account#phone-code'] })).toBe('create-account#payment-password');
    expect(first('and then', { topic: 'pay_on_alibaba', sections: ['pay-on-alibaba#pay-now'] })).toBe('pay-on-alibaba#authorise-payment');
  });

  it('does not read "still no, next step?" as the next step of a procedure', () => {
    expect(asksForNextStep('still no. next step?')).toBe(false);
    expect(asksForNextStep('is it for me then?')).toBe(false);
    expect(asksForNextStep('done. next step?')).toBe(true);
  });

  it('treats an empty context as no context', () => {
    expect(kb.search('how do I top it up?', { context: {} })).toEqual(kb.search('how do I top it up?'));
    expect(hasContext({ sections: [] })).toBe(false);
  });
});

describe('what counts as a follow-up, and as in context', () => {
  it('sees pronouns and very short questions as follow-ups, full questions not', () => {
    expect(looksLikeFollowUp('how do I top it up?')).toBe(true);
    expect(looksLikeFollowUp('and the fees?')).toBe(true);
    expect(looksLikeFollowUp('how do I reset my payment password for alipay')).toBe(false);
  });

  it("puts the topic's sections, the shown sections' articles and their declared partners in context", () => {
    const section = (id: string, intents: string[]): KnowledgeSection => ({ id, articleId: id.split('#')[0] ?? '', title: id, text: '', source: 'g', intents });
    const sections = [section('a#one', ['tour_pass']), section('a#two', ['limits']), section('b#three', ['limits']), section('c#four', ['security'])];
    const also = [[], ['c#four'], [], []];
    expect([...contextMembers(sections, also, { topic: 'tour_pass' })]).toEqual([1, 0, 0, 0]);
    expect([...contextMembers(sections, also, { sections: ['a#two'] })]).toEqual([1, 1, 0, 1]);
    expect([...contextMembers(sections, also, { topic: 'limits' })]).toEqual([0, 1, 1, 0]);
    expect([...contextMembers(sections, also, undefined)]).toEqual([0, 0, 0, 0]);
  });

  it('appends the headings of the sections just shown to a follow-up', () => {
    expect(expandFollowUp('what do they charge', { sections: ['x#y', 'x#missing'] }, (id) => (id === 'x#y' ? 'Third-party services' : undefined))).toBe(
      'what do they charge Third-party services',
    );
    expect(expandFollowUp('what do they charge', { topic: 'fees_and_rates' }, () => 'unused')).toBe('what do they charge');
  });

  it('gives the classifier a follow-up with a mark per section just shown, and no words of their headings', () => {
    expect(markFollowUp('how long', { topic: 'refunds', sections: ['refunds#refund-time'] })).toBe('how long ⟦after refunds#refund-time⟧');
    expect(markFollowUp('how long', { topic: 'refunds' })).toBe('how long');
  });
});
