import { describe, expect, it } from 'vitest';
import { stem } from '../../src/knowledge/text-analysis.js';
import { buildSearchIndex, searchIndexSchema, type IndexedDocument } from '../../src/knowledge/search-index-data.js';
import { createSearcher } from '../../src/knowledge/search-index.js';

const DOCS: IndexedDocument[] = [
  { title: 'Why a card is declined', articleTitle: 'Declined payments', text: 'The bank refused the payment: check the balance and the limit.', asks: ['why was my payment refused'] },
  { title: 'Adding a card', articleTitle: 'Linking a card', text: 'Open the wallet, tap add card and enter the card details.', asks: ['where do I put my visa in'] },
  { title: 'Fees and exchange rates', articleTitle: 'Costs', text: 'Your issuer may charge a foreign transaction fee on each purchase.', asks: ['does it cost anything'] },
  { title: 'The Tour Pass', articleTitle: 'Tour Pass', text: 'A prepaid option for visitors on a short stay.', asks: ['what is the tour pass'] },
];

const index = buildSearchIndex(DOCS);
const synonyms = new Map([[stem('rejected'), [stem('refused'), stem('declined')]]]);
const searcher = createSearcher(index, synonyms);
const top = (query: string) => searcher.search(query)[0]?.doc;

describe('the search index', () => {
  it('builds an index its own schema accepts, with one length per document', () => {
    expect(searchIndexSchema.parse(JSON.parse(JSON.stringify(index)))).toEqual(index);
    expect(index.docCount).toBe(DOCS.length);
    expect(index.lengths).toHaveLength(DOCS.length);
  });

  it('ranks the section that answers a question first', () => {
    expect(top('how do I add my card to the wallet')).toBe(1);
    expect(top('is there a foreign transaction fee')).toBe(2);
    expect(top('the bank refused my payment')).toBe(0);
  });

  it('finds a section through the questions it answers, not only its text', () => {
    expect(top('where do I put my visa in')).toBe(1);
  });

  it('weighs a heading word above the same word in the text (bonuses off, so only BM25F decides)', () => {
    const docs: IndexedDocument[] = [
      { title: 'Opening hours', articleTitle: 'A', text: 'Refunds are handled by the seller within days.', asks: [] },
      { title: 'Refunds', articleTitle: 'A', text: 'Opening hours are handled by the seller within days.', asks: [] },
    ];
    const plain = createSearcher(buildSearchIndex(docs), new Map(), { headingBonus: 0, askBonus: 0 });
    const [first, second] = plain.search('refunds');
    expect(first?.doc).toBe(1);
    expect(first!.score).toBeGreaterThan(second!.score);
    const even = createSearcher(buildSearchIndex(docs, { title: 1, articleTitle: 1, text: 1, asks: 1 }), new Map(), { headingBonus: 0, askBonus: 0 });
    const [a, b] = even.search('refunds');
    expect(a!.score).toBeCloseTo(b!.score, 10);
  });

  it('matches a synonym, below the word itself, and counts it as partly understood', () => {
    const bySynonym = searcher.search('card rejected').find((h) => h.doc === 0);
    const byWord = searcher.search('card refused').find((h) => h.doc === 0);
    expect(bySynonym).toBeDefined();
    expect(bySynonym!.score).toBeLessThan(byWord!.score);
    expect(bySynonym!.coverage).toBeLessThan(byWord!.coverage);
  });

  it('corrects a misspelt word to one the sections use', () => {
    expect(searcher.terms('exchnage')).toEqual([stem('exchange')]);
    expect(top('exchnage rates')).toBe(2);
  });

  it('reports how much of the question matched, and nothing for a question with no known word', () => {
    const full = searcher.search('tour pass')[0];
    expect(full?.coverage).toBeCloseTo(1, 5);
    expect(searcher.search('capital of peru')).toEqual([]);
    expect(searcher.search('')).toEqual([]);
  });

  it('leaves a real English word it does not use as typed, rather than "correcting" it to a near word of ours', () => {
    // "chrage" is no word: corrected to "charge"; "change" is English: kept, though one edit from "charge" too.
    expect(searcher.terms('chrage')).toEqual([stem('charge')]);
    expect(searcher.terms('change')).toEqual([stem('change')]);
  });

  it('reads an amount it never mentions as no word at all, and a step number in a heading as no subject', () => {
    expect(searcher.terms('is 20000 enough for the tour pass')).toEqual([stem('enough'), stem('tour'), stem('pass')]);
    const steps = buildSearchIndex([{ title: 'Step 2: add the card', articleTitle: 'A', text: 'Tap add.', asks: [] }]);
    expect(steps.titles[0]).not.toContain('2');
    expect(steps.postings['2']).toBeUndefined();
  });

  it('reads a word with "un" in front, which it does not know, as the word without it', () => {
    expect(searcher.terms('my payment was unrefused')).toEqual([stem('payment'), stem('refused')]);
  });

  it('says whether a stemmed term occurs anywhere', () => {
    expect(searcher.knows(stem('visitors'))).toBe(true);
    expect(searcher.knows(stem('football'))).toBe(false);
  });
});
