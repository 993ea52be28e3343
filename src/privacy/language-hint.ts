/**
 * A cheap "is this not English?" hint for the dialogue (so it can say it answers in English),
 * not a language identifier. Two signals:
 * - script: letters outside the Latin script (Chinese, Cyrillic, Arabic, …) make up a good share of
 *   the message; Han, kana and Hangul count triple since one character is about one word;
 * - function words of Spanish, French, German, Portuguese and Italian that are not English words.
 *   One such word is never enough (a typo like "mi" for "my" or "und" for "and" must not fire): it
 *   takes two words of the same language, more of them than English function words, and a quarter
 *   of the message. A greeting or thanks ("hola", "merci") counts as two.
 */
const NON_LATIN_LETTER = /(?!\p{Script=Latin})\p{L}/u;
const WIDE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /\p{L}/u;
const WORD = /[\p{L}'’]+/gu;

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

const FUNCTION_WORDS: Record<string, ReadonlySet<string>> = {
  es: words(`el los del que qué cómo como por para una pero porque está estoy están tengo tengo quiero puedo necesito
    hacer ayuda cuenta tarjeta tarjetas pago pagar pagos rechazada rechazado dinero también cuando cuándo dónde donde sí
    muy usted mis mi es fue funciona compra pedido crédito débito hola gracias buenos buenas días tardes noches ayúdame
    puede puedes tiene hay esto esta eso mío mía nuestro banco`),
  fr: words(`je j'ai vous nous mes mon ma les des du une avec dans qui quoi comment pourquoi oui est c'est ça être avoir
    suis carte cartes paiement payer refusée refusé compte aide besoin svp s'il plaît très mais pas ne le la et au aux
    bonjour bonsoir merci salut puis peux voudrais aidez banque`),
  de: words(`ich nicht meine mein meinen meiner karte kreditkarte zahlung bezahlen ist und oder wie warum kann können
    konto hilfe brauche habe wurde abgelehnt der das ein eine einen mit für auf sie wir zu von nein ja geht
    funktioniert sehr aber auch danke bitte guten hallo tag morgen nachmittag abend wieso möchte bank`),
  pt: words(`não nao meu minha que como está estou com para por uma eu você voce conta ajuda preciso tenho quero
    fazer recusado recusada dinheiro também quando onde sim muito mas porque funciona é os dos das da na em cartão
    cartao pagamento pagar olá obrigado obrigada bom boa dia tarde noite posso pode banco`),
  it: words(`il gli della di che come perché è sono ho mio mia conto aiuto bisogno rifiutata rifiutato per con una
    uno non carta pagamento pagare ciao grazie buongiorno buonasera posso può banca`),
};
const GREETINGS = words(`hola gracias bonjour bonsoir merci danke olá obrigado obrigada grazie buongiorno buonasera`);
// Common English words, the counterweight: "thanks, gracias" is still an English speaker.
const ENGLISH = words(`the a an i my me you your is are was were be to of and or in on at for with it this that how what
  why when where can can't cannot could would should do does did not no card pay payment help please thanks thank hello hi
  hey alipay alibaba account declined per come much many have has had will from by if so but all any some there they we
  our us still just now which who get got money fee fees charge charged spend limit transaction transfer order refund verify
  code phone app went go going gone through worked works work working done ok okay yes yeah again same try tried trying
  know need want said says say see saw tell told time today yesterday tomorrow day days week later before after then
  also only very really too more most other another new first last one two three here out up about into over
  failed fails error problem issue bank supplier seller buy bought sent send link linked added add show shows showing`);

/** True when the text is probably not English (see above). */
export function looksNonEnglish(text: string): boolean {
  let letters = 0;
  let foreign = 0;
  let foreignChars = 0;
  for (const ch of text) {
    if (!LETTER.test(ch)) continue;
    const weight = WIDE_SCRIPT.test(ch) ? 3 : 1;
    letters += weight;
    if (NON_LATIN_LETTER.test(ch)) {
      foreign += weight;
      foreignChars += 1;
    }
  }
  // One stray character (a pasted symbol, a name) is not a language.
  if (foreignChars >= 2 && foreign / letters >= 0.3) return true;

  const tokens = (text.toLowerCase().match(WORD) ?? []).map((t) => t.replace(/’/g, "'"));
  if (tokens.length === 0) return false;
  const english = tokens.filter((t) => ENGLISH.has(t)).length;
  let best = 0;
  for (const list of Object.values(FUNCTION_WORDS)) {
    let hits = 0;
    for (const t of tokens) if (list.has(t) && !ENGLISH.has(t)) hits += GREETINGS.has(t) ? 2 : 1;
    best = Math.max(best, hits);
  }
  if (/[¿¡]/.test(text)) best += 1;
  return best >= 2 && best > english && best / tokens.length >= 0.25;
}
