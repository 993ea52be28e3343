/**
 * A message as understanding reads it: split into clauses, each clause as plain lower-case words
 * with negations spelled out and chat shorthand expanded ("didnt" → "did not", "thru" → "through").
 * Facts are matched on these words; the classifier reads the clauses rebuilt from them.
 */

/** Chat shorthand and contractions without apostrophes, as people type them on a phone. */
const SHORTHAND: Readonly<Record<string, string>> = {
  dont: 'do not',
  doesnt: 'does not',
  didnt: 'did not',
  isnt: 'is not',
  wasnt: 'was not',
  werent: 'were not',
  arent: 'are not',
  havent: 'have not',
  hasnt: 'has not',
  hadnt: 'had not',
  couldnt: 'could not',
  wouldnt: 'would not',
  shouldnt: 'should not',
  cant: 'can not',
  cannot: 'can not',
  wont: 'will not',
  aint: 'is not',
  thru: 'through',
  u: 'you',
  ur: 'your',
  pls: 'please',
  plz: 'please',
  pmt: 'payment',
  txn: 'transaction',
  trx: 'transaction',
  msg: 'message',
  acc: 'account',
  acct: 'account',
  coz: 'because',
  cuz: 'because',
  bc: 'because',
  b4: 'before',
  gonna: 'going to',
  wanna: 'want to',
  gotta: 'have to',
  idk: 'i do not know',
  dunno: 'do not know',
  tho: 'though',
  nvm: 'never mind',
  thx: 'thanks',
  ty: 'thank you',
  okay: 'ok',
  im: 'i am',
  ive: 'i have',
  ill: 'i will',
  youre: 'you are',
  its: 'it is',
  whats: 'what is',
  thats: 'that is',
  theres: 'there is',
};

/** The privacy guard's placeholders ("[card number]") become one neutral word: never "card" or "code". */
const PLACEHOLDER = /\[[a-z][a-z ]{0,30}\]/gi;
export const PLACEHOLDER_WORD = 'redacted';

/**
 * Where a clause ends: sentence punctuation, new lines, commas (not inside numbers), and the
 * words that join two statements. The joining word itself belongs to neither clause. "also"
 * after its subject or verb joins nothing ("I also tried my other card" is one clause).
 */
const BOUNDARY =
  /[.!?;\n？]+(?!\d)|,(?!\d)|\s(?:but|however|although|though|because|since|so|and then|then|plus|anyway|btw|meanwhile|otherwise)\s|(?<!\b(?:i|we|you|they|he|she|it|is|was|are|were|am|have|has|had|can|could|will|would|did|do|does))\salso\s/g;

/** Lower case, plain apostrophes, negations spelled out ("can't" → "can not"). */
export function spellOut(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    // "booking.com", "made-in-china.com": a site name, not the end of a sentence.
    .replace(/\b([a-z0-9-]+)\.(com|net|org|cn|co|io|hk)\b/g, '$1 $2')
    // "1,200.50" is one number, not three.
    .replace(/(\d)[,.](?=\d)/g, '$1')
    .replace(/\b(can)'?t\b/g, 'can not')
    .replace(/\b(won)'t\b/g, 'will not')
    .replace(/n't\b/g, ' not')
    .replace(/'m\b/g, ' am')
    .replace(/'re\b/g, ' are')
    .replace(/'ve\b/g, ' have')
    .replace(/'ll\b/g, ' will')
    .replace(/'d\b/g, ' would')
    // "it's on", "there's money": the verb is kept; a possessive ("card's") just loses its "'s".
    .replace(/\b(it|there|that|what|here|he|she|who|where|how)'s\b/g, '$1 is')
    .replace(/'s\b/g, '');
}

/** Plain words of a piece of text: shorthand expanded, anything but letters and digits dropped. */
export function plainWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of text.replace(/[^\p{L}\p{N}]+/gu, ' ').split(' ')) {
    if (raw === '') continue;
    const expanded = SHORTHAND[raw];
    if (expanded) words.push(...expanded.split(' '));
    else words.push(raw);
  }
  return words;
}

/** One clause of a message: its plain words, and whether it was asked (it ended with "?"). */
export interface Clause {
  words: string[];
  question: boolean;
}

/** The clauses of a message (empty clauses dropped). */
export function splitClauses(text: string): Clause[] {
  const spelled = ` ${spellOut(text).replace(PLACEHOLDER, ` ${PLACEHOLDER_WORD} `)} `;
  const clauses: Clause[] = [];
  let start = 0;
  const take = (end: number, delimiter: string) => {
    const words = plainWords(spelled.slice(start, end));
    if (words.length > 0) clauses.push({ words, question: delimiter.includes('?') });
  };
  for (const match of spelled.matchAll(BOUNDARY)) {
    take(match.index, match[0]);
    start = match.index + match[0].length;
  }
  take(spelled.length, '');
  return clauses;
}

/** The clauses of a message as word lists (empty clauses dropped). */
export function clauseWords(text: string): string[][] {
  return splitClauses(text).map((clause) => clause.words);
}
