/**
 * Words people use to change task mid-conversation: "actually my payment got declined, can we do
 * that first", "forget the card, I need to verify instead", "another problem: …". With one of
 * these, a task the message clearly names wins over the flow in progress at a lower confidence
 * than without (see context-prior.ts). "btw" is not one: it marks a side question, not a switch.
 */
const SINGLE = new Set(['actually', 'instead', 'first', 'rather', 'nevermind', 'meanwhile']);
const AFTER_OTHER = new Set(['problem', 'issue', 'thing', 'question', 'task', 'topic']);
const OTHER = new Set(['another', 'different', 'separate', 'other', 'second', 'new']);
const PHRASES = ['never mind', 'forget that', 'forget it', 'forget about', 'change of plan', 'before that', 'leave that', 'skip that', 'more urgent', 'more important', 'different thing'];

export function signalsSwitch(clauses: readonly (readonly string[])[]): boolean {
  const words = clauses.flat();
  const joined = ` ${words.join(' ')} `;
  if (PHRASES.some((p) => joined.includes(` ${p} `))) return true;
  return words.some((word, i) => SINGLE.has(word) || (OTHER.has(word) && AFTER_OTHER.has(words[i + 1] ?? '')));
}
