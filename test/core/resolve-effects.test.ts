import { describe, expect, it } from 'vitest';
import type { KnowledgeBase, ScoredSection, SearchOptions } from '../../src/core/ports.js';
import { NO_ANSWER_TEXT, resolveEffects } from '../../src/core/resolve-effects.js';
import { loadKnowledgeBaseSync } from '../../src/knowledge/load-knowledge.js';

// The shipped index (built by npm ci / npm run build), read only: rebuilding it per file costs seconds.
const kb = loadKnowledgeBaseSync({ writeIndex: false });
const LINK = { label: 'Link a card', value: 'flow:link_card' };

/** A knowledge base that finds nothing and keeps the options of every search it is given. */
function searchSpy(): { spy: KnowledgeBase; calls: SearchOptions[] } {
  const calls: SearchOptions[] = [];
  const spy: KnowledgeBase = {
    section: () => undefined,
    search: (_q, options = {}): ScoredSection[] => {
      calls.push(options);
      return [];
    },
  };
  return { spy, calls };
}

describe('the answer effect', () => {
  it('shows both parts of a two-part answer, each cited, with the buttons after the last', () => {
    const query = 'I am paying a price in yuan with my euro card, what fees will I pay?';
    const resolved = resolveEffects([{ type: 'answer', query, intents: ['fees_and_rates'], buttons: [LINK] }], kb);
    const cited = resolved.citations.map((c) => c.section);
    expect(cited).toEqual(expect.arrayContaining(['fees-and-rates#foreign-transaction-fees', 'fees-and-rates#exchange-rates']));
    expect(resolved.replies).toHaveLength(2);
    expect(resolved.replies.map((r) => r.citations.length)).toEqual([1, 1]);
    expect(resolved.replies.map((r) => r.buttons)).toEqual([[], [LINK]]);
    expect(resolved.replies[0]?.text).toBe(kb.section(cited[0] ?? '')?.text);
  });

  it('shows one section when the runner-up is an alternative, not a second part', () => {
    const resolved = resolveEffects([{ type: 'answer', query: 'where in the app do I find my bank cards' }], kb);
    expect(resolved.replies).toHaveLength(1);
    expect(resolved.citations.map((c) => c.section)).toEqual(['link-card#open-card-settings']);
  });

  it('passes the context on to the knowledge base, so a follow-up resolves against the topic', () => {
    const effect = { type: 'answer' as const, query: 'how long does it take?' };
    const after = (topic: string) => resolveEffects([{ ...effect, context: { topic } }], kb).citations[0]?.section;
    expect(after('verification')).toBe('verification#verification-time');
    expect(after('refunds')).toBe('refunds#refund-time');
  });

  it('does not give a section as an answer beside a step that shows it anyway', () => {
    const query = 'how do i set the payment password?';
    const alone = resolveEffects([{ type: 'answer', query, ifFound: true }], kb);
    const section = alone.citations[0]?.section ?? '';
    expect(section).not.toBe('');
    const beside = resolveEffects([{ type: 'answer', query, ifFound: true }, { type: 'say_section', section }], kb);
    expect(beside.replies).toHaveLength(1);
    expect(beside.citations.map((c) => c.section)).toEqual([section]);
  });

  it('hands search exactly the intents and context of the effect', () => {
    const { spy, calls } = searchSpy();
    resolveEffects([{ type: 'answer', query: 'and then?', intents: ['pay_on_alibaba'], context: { topic: 'pay_on_alibaba', sections: ['pay-on-alibaba#pay-now'] } }], spy);
    expect(calls).toEqual([{ limit: 3, intents: ['pay_on_alibaba'], context: { topic: 'pay_on_alibaba', sections: ['pay-on-alibaba#pay-now'] } }]);
  });

  it('tries the wider context once when nothing is found in the first, and only then', () => {
    const { spy, calls } = searchSpy();
    const wider = { topic: 'verification', sections: ['verification#documents'] };
    resolveEffects([{ type: 'answer', query: 'the pdf is locked, what now', context: { sections: ['verification#documents'] }, widerContext: wider }], spy);
    expect(calls.map((c) => c.context)).toEqual([{ sections: ['verification#documents'] }, wider]);
    const found = resolveEffects([{ type: 'answer', query: 'where in the app do I find my bank cards', widerContext: wider }], kb);
    expect(found.citations.map((c) => c.section)).toEqual(['link-card#open-card-settings']);
  });

  it("says the effect's own line instead of the no-answer one when nothing answers and it has one", () => {
    const otherwise = { text: 'That is outside what I cover.', buttons: [LINK] };
    const nothing = resolveEffects([{ type: 'answer', query: 'who won the match yesterday', otherwise }], kb);
    expect(nothing.replies).toEqual([{ text: otherwise.text, buttons: [LINK], citations: [] }]);
    expect(nothing.noAnswer).toBeUndefined();
    const found = resolveEffects([{ type: 'answer', query: 'where in the app do I find my bank cards', otherwise }], kb);
    expect(found.citations.map((c) => c.section)).toEqual(['link-card#open-card-settings']);
  });

  it('says it does not know and offers a person when nothing answers', () => {
    const resolved = resolveEffects([{ type: 'answer', query: 'who won the match yesterday', buttons: [LINK] }], kb);
    expect(resolved.replies).toHaveLength(1);
    expect(resolved.replies[0]?.text).toBe(NO_ANSWER_TEXT);
    expect(resolved.replies[0]?.buttons.map((b) => b.label)).toEqual(['Talk to a person', 'Link a card']);
    expect(resolved.citations).toEqual([]);
  });

  it('says nothing at all for an answer asked for only if found, when nothing answers', () => {
    const resolved = resolveEffects([{ type: 'answer', query: 'who won the match yesterday', ifFound: true }, { type: 'say', text: "Let's link your card." }], kb);
    expect(resolved.replies.map((r) => r.text)).toEqual(["Let's link your card."]);
    expect(resolved.noAnswer).toBeUndefined();
  });
});
