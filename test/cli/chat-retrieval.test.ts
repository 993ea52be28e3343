import { describe, expect, it } from 'vitest';
import type { IntentClassifier, KnowledgeBase, SearchOptions } from '../../src/core/ports.js';
import type { UnderstandingContext } from '../../src/core/types.js';
import { askAsInChat, chatAsker, type ChatParts } from '../../src/cli/chat-retrieval.js';
import { createDialoguePolicy } from '../../src/dialogue/dialogue-policy.js';
import { evaluateRetrieval, type EvalQuestion } from '../../src/knowledge/evaluate-retrieval.js';
import { loadKnowledgeBaseSync } from '../../src/knowledge/load-knowledge.js';
import { createInputCleaner } from '../../src/privacy/input-cleaner.js';
import { createPrivacyGuard } from '../../src/privacy/privacy-guard.js';
import type { IntentName } from '../../src/core/intents.js';
import { nlu } from '../dialogue/conversation.js';

const knowledge = loadKnowledgeBaseSync();

/** A classifier that always reads the same intent, and remembers the context it was given. */
function fixedNlu(intent: IntentName, options: Parameters<typeof nlu>[1] = {}): IntentClassifier & { contexts: UnderstandingContext[] } {
  const contexts: UnderstandingContext[] = [];
  return { contexts, parse: (_text, context) => (context && contexts.push(context), nlu(intent, options)) };
}

/** The real knowledge base, with every search's options recorded. */
function recordingKnowledge(): KnowledgeBase & { calls: Array<{ query: string; options: SearchOptions | undefined }> } {
  const calls: Array<{ query: string; options: SearchOptions | undefined }> = [];
  return { calls, section: (id) => knowledge.section(id), search: (query, options) => (calls.push({ query, options }), knowledge.search(query, options)) };
}

function parts(classifier: IntentClassifier, kb: KnowledgeBase = knowledge): ChatParts {
  return { cleaner: createInputCleaner(), privacy: createPrivacyGuard(), nlu: classifier, dialogue: createDialoguePolicy(), knowledge: kb };
}

describe('a question asked as in a chat', () => {
  it("searches with the intent the NLU read, as the dialogue's information answer passes it", () => {
    const kb = recordingKnowledge();
    const trace = askAsInChat(parts(fixedNlu('fees_and_rates', { asksQuestion: true, topic: 'fees_and_rates' }), kb), {
      q: 'what will it cost me to pay with a card from abroad',
      ids: ['fees-and-rates#foreign-transaction-fees'],
    });
    expect(trace).toMatchObject({ route: 'search', intent: 'fees_and_rates', intents: ['fees_and_rates'] });
    expect(kb.calls).toHaveLength(1);
    expect(kb.calls[0]?.options).toMatchObject({ limit: 3, intents: ['fees_and_rates'], context: { topic: 'fees_and_rates' } });
    expect(trace.got.length).toBeGreaterThan(0);
    expect(trace.got.every((id) => knowledge.section(id))).toBe(true);
  });

  it('gives the NLU and the search the conversation a follow-up was asked in', () => {
    const classifier = fixedNlu('tour_pass', { asksQuestion: true, topic: 'tour_pass', followUp: 1 });
    const kb = recordingKnowledge();
    const question: EvalQuestion = { q: 'and how do I put money on it?', ids: ['tour-pass#how-it-works'], context: { topic: 'tour_pass', sections: ['tour-pass#what-it-is'] } };
    askAsInChat(parts(classifier, kb), question);
    expect(classifier.contexts[0]).toMatchObject({ topic: 'tour_pass' });
    expect(kb.calls[0]?.options?.context).toEqual({ topic: 'tour_pass', sections: ['tour-pass#what-it-is'] });
  });

  it('redacts a card number before the NLU or the search sees it', () => {
    const seen: string[] = [];
    const classifier: IntentClassifier = { parse: (text) => (seen.push(text), nlu('fees_and_rates', { asksQuestion: true })) };
    const kb = recordingKnowledge();
    askAsInChat(parts(classifier, kb), { q: 'fees on my card 4111 1111 1111 1111?', ids: ['fees-and-rates#alipay-fees'] });
    expect(seen[0]).not.toMatch(/4111/);
    expect(kb.calls[0]?.query).not.toMatch(/4111/);
  });

  it('shows no section when the dialogue starts a guided task instead of searching', () => {
    const kb = recordingKnowledge();
    const trace = askAsInChat(parts(fixedNlu('payment_declined'), kb), { q: 'my payment was declined', ids: ['payment-declined#common-causes'] });
    expect(trace.route).toBe('task');
    expect(trace.got).toEqual([]);
    expect(kb.calls).toHaveLength(0);
  });

  it('counts an out-of-scope reading of an answerable question as a miss, and of an out-of-scope one as a refusal', () => {
    const asker = chatAsker(parts(fixedNlu('out_of_scope', { confidence: 0.9 })));
    const report = evaluateRetrieval(
      knowledge,
      [
        { q: 'what are the fees', ids: ['fees-and-rates#alipay-fees'] },
        { q: 'write me a poem', expect: 'none' },
      ],
      asker.ask,
    );
    expect(report).toMatchObject({ answerable: 1, top1: 0, top3: 0, rejected: { correct: 1, total: 1 } });
    expect(asker.routes).toMatchObject({ other: 2, search: 0 });
  });
});
