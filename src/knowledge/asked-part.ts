/**
 * Long messages tell a story first and ask last ("it wants to charge me 3,540 but my order is
 * 500 dollars?? is this in yuan"): the story's words (charge, order, dollars) pull towards other
 * sections than the question's. The last sentence that asks something is also searched on its
 * own and mixed in (see KnowledgeBaseOptions.askedPartWeight).
 */
const SENTENCE = /[^.!?\n]+[.!?]*/g;
const QUESTION_OPENING = /^(?:is|are|was|were|can|could|do|does|did|will|would|should|shall|may|how|what|which|who|whom|whose|why|where|when|any|am)\b/i;

/** The message's last asking sentence when the message has more than one; undefined otherwise. */
export function askedPart(query: string): string | undefined {
  const sentences = (query.match(SENTENCE) ?? []).map((s) => s.trim()).filter((s) => /[a-z]/i.test(s));
  if (sentences.length < 2) return undefined;
  // The last sentence that asks: "How much can I pay at once? I don't want it to fail halfway."
  for (let i = sentences.length - 1; i >= 0; i--) {
    const sentence = sentences[i] ?? '';
    if (sentence.includes('?') || QUESTION_OPENING.test(sentence)) return sentence;
  }
  return undefined;
}
