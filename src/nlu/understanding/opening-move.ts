/**
 * In a conversation, a reply that opens with yes, no, thanks or bye is that move first, whatever
 * else it says: "no, still declined and the amount looks off" answers the question with a no;
 * "thanks, it went through this time" thanks. The rest of the message still gives its facts and
 * status. "no idea why" and "no error at all" open with "no" but answer nothing.
 */
import type { IntentName } from '../../core/intents.js';
import { foldAccents } from '../../text/fold-accents.js';

const OPENERS: ReadonlyArray<[IntentName, ReadonlySet<string>]> = [
  // Thanks and farewells in the languages people mix in; words that mean something else too
  // ("tak" is a Polish yes, "salut" a French hello, "chao" a Vietnamese hello) are left out.
  ['thanks', new Set(['thanks', 'thank', 'thx', 'ty', 'cheers', 'appreciate', 'appreciated', 'merci', 'danke', 'gracias', 'obrigado', 'obrigada', 'grazie', 'thankyou',
    'dankjewel', 'dankje', 'bedankt', 'dziekuje', 'dzieki', 'dekuji', 'diky', 'spasibo', 'tesekkurler', 'tesekkur', 'sagol', 'makasih', 'salamat', 'asante', 'arigato', 'arigatou', 'xiexie', 'shukran', 'kiitos', 'takk', 'mersi', 'dhanyavad', 'shukriya', 'mahalo'])],
  ['goodbye', new Set(['bye', 'goodbye', 'adios', 'ciao', 'cya', 'adeus', 'tchau', 'xayr', 'poka', 'sayonara', 'paalam', 'alvida', 'totsiens', 'farvel', 'tsamaya', 'cheerio',
    'doei', 'tschuss', 'tschues', 'adieu', 'arrivederci', 'hoscakal', 'kwaheri', 'lehitraot', 'nakemiin', 'dovidenia', 'dosvidaniya', 'hejda'])],
  ['affirm', new Set(['yes', 'yeah', 'yep', 'yup', 'ya', 'yea', 'sure', 'correct', 'absolutely', 'definitely', 'indeed', 'paid', 'done'])],
  ['deny', new Set(['no', 'nope', 'nah', 'negative'])],
];

/**
 * "no" answers only on its own or before words that carry on a reply ("no, it's still declined",
 * "no still nothing", "no luck"); before anything else it is a determiner ("no idea", "no limit
 * problem", "no risk message though"), and the message says something else.
 */
const NO_REPLY_GOES_ON = new Set([
  'still', 'it', 'its', 'i', 'im', 'we', 'not', 'nothing', 'sorry', 'thanks', 'thank', 'that', 'this', 'didnt', 'did', 'doesnt', 'does',
  'dont', 'do', 'havent', 'have', 'hasnt', 'has', 'wasnt', 'was', 'isnt', 'is', 'and', 'but', 'same', 'never', 'unfortunately', 'nope',
  'just', 'yet', 'luck', 'change', 'changes', 'difference', 'sadly', 'haven', 'didn', 'doesn', 'wasn', 'isn', 'hasn', 'don', 'they', 'he',
  'she', 'my', 'the', 'all', 'also', 'again', 'neither', 'none', 'ok', 'okay', 'chance', 'go', 'dice', 'joy',
]);
/** "not yet", "all done", "dank je", "à la prochaine": openers of several words (accents folded). */
const PHRASES: ReadonlyArray<[IntentName, readonly string[]]> = (
  [
    ['deny', 'not yet'],
    ['deny', 'not really'],
    ['affirm', 'all done'],
    ['affirm', 'of course'],
    ['thanks', 'dank je'],
    ['thanks', 'dank u'],
    ['thanks', 'terima kasih'],
    ['thanks', 'khob khun'],
    ['thanks', 'cam on'],
    ['thanks', 'muchas gracias'],
    ['goodbye', 'au revoir'],
    ['goodbye', 'a bientot'],
    ['goodbye', 'a la prochaine'],
    ['goodbye', 'a plus tard'],
    ['goodbye', 'na razie'],
    ['goodbye', 'do widzenia'],
    ['goodbye', 'do videnia'],
    ['goodbye', 'na shledanou'],
    ['goodbye', 'tot ziens'],
    ['goodbye', 'tot later'],
    ['goodbye', 'hasta luego'],
    ['goodbye', 'hasta pronto'],
    ['goodbye', 'hasta manana'],
    ['goodbye', 'ate logo'],
    ['goodbye', 'ate mais'],
    ['goodbye', 'ate breve'],
    ['goodbye', 'bis dann'],
    ['goodbye', 'bis spater'],
    ['goodbye', 'auf wiedersehen'],
    ['goodbye', 'bis bald'],
    ['goodbye', 'hej da'],
    ['goodbye', 'zai jian'],
    ['goodbye', 'selamat tinggal'],
    ['goodbye', 'khuda hafiz'],
    ['goodbye', 'allah hafiz'],
    ['goodbye', 'ma salama'],
    ['goodbye', 'gule gule'],
  ] as const
).map(([intent, phrase]) => [intent, phrase.split(' ')]);


export function openingMove(clause: readonly string[]): IntentName | undefined {
  const firstClause = clause.map(foldAccents);
  const [first, second] = firstClause;
  if (first === undefined) return undefined;
  for (const [intent, phrase] of PHRASES) if (phrase.every((word, i) => firstClause[i] === word)) return intent;
  for (const [intent, words] of OPENERS) {
    if (!words.has(first)) continue;
    if (first === 'no' && second !== undefined && !NO_REPLY_GOES_ON.has(second)) return undefined;
    // "done" and "paid" open a reply only on their own: "done with this app" is not a yes.
    if ((first === 'done' || first === 'paid') && firstClause.length > 1) return undefined;
    return intent;
  }
  return undefined;
}

/**
 * Hellos in the languages people mix in, read only when they are the whole message ("szia",
 * "bonswa", "ahoj"): as an opener, "hola, still declined" is still the declined payment.
 * Words that are also a goodbye ("ciao", "shalom", "aloha") are left to the model.
 */
const HELLOS = new Set([
  'bonswa', 'bonjou', 'czesc', 'szia', 'ahoj', 'habari', 'jambo', 'sawubona', 'kumusta', 'mabuhay', 'merhaba', 'selam', 'salam', 'salaam',
  'marhaba', 'ahlan', 'namaste', 'namaskar', 'konnichiwa', 'annyeong', 'privet', 'zdravo', 'zdravstvuyte', 'hallo', 'hoi', 'moin', 'sawasdee',
]);

/**
 * A message that is nothing but a hello, thanks or goodbye, in two or three words at most
 * ("até logo", "szia 👋", "dank je"): that move, with or without a conversation before it.
 */
export function wholeMessageMove(clauses: ReadonlyArray<readonly string[]>): IntentName | undefined {
  const words = clauses.flat().map(foldAccents);
  if (words.length === 0 || words.length > 3) return undefined;
  if (words.every((w) => HELLOS.has(w) || w === 'hi' || w === 'hello')) return 'greeting';
  // "thanks, linked" reports too: only a move of two words, or a phrase that is the whole message.
  const phrase = PHRASES.find(([, p]) => p.length === words.length && p.every((w, i) => words[i] === w));
  const move = phrase ? phrase[0] : words.length <= 2 ? openingMove(words) : undefined;
  return move === 'thanks' || move === 'goodbye' ? move : undefined;
}
