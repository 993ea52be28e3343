/**
 * Does the message ask something the bot should answer? A question mark says so; so does a clause
 * that opens like a question ("how do i…", "is there…", "can i…") or a way of asking without one
 * ("wondering if debit works", "tell me the fees"). "when i pay it fails" opens with "when" and
 * asks nothing: only what, how, why, which, who and where count as openers without a question mark.
 */

const WH_OPENERS = new Set(['what', 'how', 'why', 'which', 'who', 'whom', 'whose', 'where', 'whats', 'hows', 'wheres', 'whos']);
const AUX_OPENERS = new Set(['is', 'are', 'am', 'was', 'were', 'can', 'could', 'do', 'does', 'did', 'will', 'would', 'should', 'may', 'might', 'shall', 'has', 'have', 'must']);
/** After an auxiliary, these make a statement ("can not pay", "will call my bank"), not a question. */
const STATEMENT_AFTER_AUX = new Set(['not', 'to', 'never', 'be', 'call', 'phone', 'contact', 'try', 'come', 'check', 'go', 'do', 'ask', 'get', 'need', 'have', 'also', 'just', 'still', 'already']);
/** Ways of asking without a question mark, as whole-word phrases of plain words. */
const ASKING = [
  'wonder',
  'wondering',
  'want to know',
  'would like to know',
  'like to know',
  'need to know',
  'tell me',
  'explain',
  'any idea',
  'is it possible',
  'possible to',
  'please advise',
  'advise me',
  'what should i do',
  'what do i do',
  'what can i do',
  'what now',
  'how come',
  'do you know',
  'can you tell',
  'could you tell',
  'can you explain',
  'can you check',
  'let me know',
  'show me how',
  'help me understand',
  'not sure how',
  'not sure if',
  'not sure whether',
  'no idea how',
  'how to',
  'where to',
  'is there',
  'are there',
];
const ASKING_PATTERN = new RegExp(` (?:${ASKING.join('|')}) `);

/**
 * "can we look at that first?", "shall we do the card instead?": a request to do something
 * together, not a question to look up, unless the message also asks what, how, why…
 */
const JOINT_ACTION = / (?:can|could|shall|should) we (?:please )?(?:do|look|go|start|switch|move|deal|handle|sort|fix|work|focus|continue|try|get) /;

/** "hmm ok??", "lol what?": puzzled noises, nothing to look up (a reprompt helps, a search does not). */
const PUZZLED = new Set(['hmm', 'hm', 'hmmm', 'ok', 'okay', 'k', 'what', 'huh', 'eh', 'lol', 'um', 'umm', 'uh', 'so', 'and', 'wait', 'sorry', 'really', 'idk', 'dunno', 'lmao', 'wtf', 'ehh', 'erm', 'ah', 'oh']);

/** Words a question may open with before its opener: "wait whats the difference", "ok so how long". */
const LEAD_INS = new Set([...PUZZLED, 'but', 'also', 'then', 'well', 'btw', 'anyway', 'hey', 'hi', 'hello', 'please', 'pls', 'plz', 'yes', 'yeah', 'yep', 'no', 'nope', 'thanks'].filter((w) => !WH_OPENERS.has(w)));

function withoutLeadIns(words: readonly string[]): readonly string[] {
  let at = 0;
  while (at < words.length - 1 && LEAD_INS.has(words[at] ?? '')) at++;
  return at === 0 ? words : words.slice(at);
}

/** `clauses`: the message's clauses as plain words; `text`: the message as typed (for "?"). */
export function asksQuestion(clauses: readonly (readonly string[])[], text: string): boolean {
  const words = clauses.flat();
  if (words.length > 0 && words.every((w) => PUZZLED.has(w))) return false;
  if (clauses.some((words) => JOINT_ACTION.test(` ${words.join(' ')} `)) && !clauses.some((words) => WH_OPENERS.has(words[0] ?? ''))) return false;
  if (text.includes('?') || text.includes('？')) return true;
  for (const clause of clauses) {
    const words = withoutLeadIns(clause);
    const [first, second] = words;
    if (first === undefined) continue;
    if (WH_OPENERS.has(first) && words.length >= 2) return true;
    if (AUX_OPENERS.has(first) && second !== undefined && !STATEMENT_AFTER_AUX.has(second) && words.length >= 3) return true;
    if (ASKING_PATTERN.test(` ${clause.join(' ')} `)) return true;
  }
  return false;
}
