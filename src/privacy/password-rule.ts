import { IS_WORD, PLACEHOLDERS, type SecretRule } from './secret-kinds.js';

/**
 * Passwords and PINs after a keyword, in the languages the language hint knows (English, Spanish,
 * French, German, Portuguese, Italian) and the scripts it notices (Chinese, Japanese, Korean,
 * Russian, Arabic): "my password is hunter2", "my pw is …", "mi contraseña es …", "mot de passe :
 * …", "mein Passwort ist …", "minha senha é …", "密码是…", "пароль: …".
 *
 * The keyword and the filler after it are a regex with bounded repeats; the value (the rest of the
 * word, less trailing punctuation) is cut by hand, so the rule stays linear however long the word is.
 */
const PASSWORD_WORDS = String.raw`(?:\b(?:(?:payment|login|account|alipay|app)\s{1,3})?(?:password|passwd|pass\s?word|pwd|pw|pin(?:\s{1,3}(?:code|number|no))?|contraseña|contrasena|clave|mot\s{1,3}de\s{1,3}passe|mdp|passwort|kennwort|senha|parola\s{1,3}d'ordine|parola\s{1,3}chiave)\b|密码|密碼|口令|パスワード|暗証番号|비밀번호|암호|пароль|كلمة\s{1,3}(?:المرور|السر))`;
// A tighter filler than JOIN (no commas, no "that"): "asking for my password, is that real" is a
// question, not a password.
const PASSWORD_JOIN = String.raw`(?:[\s:="'“”‘’：]|(?<![\p{L}\p{N}])(?:is|was|are|were|it's|its|now|currently|still|set\s{1,3}to|changed\s{1,3}to|es|era|est|ist|war|lautet|é|è|agora|ahora|maintenant|jetzt|ora)(?![\p{L}\p{N}])|是|为|為|は|は、|:)`;
const KEYWORD = new RegExp(`(${PASSWORD_WORDS})(${PASSWORD_JOIN}{0,12})`, 'giu');

// Words that follow "my password is" without being a password ("my password is wrong").
const NOT_A_PASSWORD = new Set(
  `not wrong incorrect correct right invalid valid expired expiring locked blocked forgotten forgot lost stolen changed reset weak strong
  short long required needed missing empty fine ok okay working broken the a an same different also still now being been too very so
  just really definitely probably saved stored compromised leaked hacked case sensitive what how where why when which that this it
  my your no set used asked requested accepted rejected denied refused known shared safe secure easy hard simple new old
  one two three four five six seven eight nine ten six-digit digits numbers letters only all and or but because if then required
  mandatory needed necessary different
  already done ready there here complete sorted active fine setup yet never always ever exactly almost actually basically mine both
  either neither nothing something less more longer shorter
  incorrecta incorrecto incorrect incorrecte incorreta incorreto falsch falsche errata errato sbagliata sbagliato errada errado
  equivocada equivocado olvidada bloqueada bloqueado bloquée bloqué gesperrt bloccata bloccato caducada expirée abgelaufen scaduta
  muy très sehr muito molto nicht pas não nao non no demasiado trop zu la el le die der das il o a uma una une ein eine
  que qué para por con sin cuando como porque quoi pour avec sans quand comme parce für mit ohne wann wie weil com sem quando como per senza`.split(/\s+/),
);
// A value that looks like a password: a digit, a symbol, or a capital inside the word ("hunter2",
// "p@ss", "hunterTwo").
const LOOKS_SECRET = /\d|[^\p{L}\p{M}'’\-.,?!;:]|\p{Ll}\p{Lu}/u;
const STRONG_JOIN = /[:=：]|是|为|為|は/;
// A word ends at a space, or at the punctuation of scripts written without spaces.
const WORD_END = /[\s，。！？、；]/;
const TRAILING = /[.,!?;:)。，！？、]/;
const PLACEHOLDER_AT = /^\[[\p{L} ]{1,30}\]/u;
// A longer word than this after a keyword that does not say "is" or ":" is not read as a password.
const MAX_LOOKED_AT = 64;

export const passwordRule: SecretRule = {
  kind: 'password',
  apply(text, found) {
    let out = '';
    let at = 0;
    const valueAt = createValueFinder(text);
    KEYWORD.lastIndex = 0;
    for (let m = KEYWORD.exec(text); m !== null; m = KEYWORD.exec(text)) {
      const [, word = '', join = ''] = m;
      const start = m.index + m[0].length;
      const strong = STRONG_JOIN.test(join);
      const value = valueAt(start, strong ? Infinity : MAX_LOOKED_AT);
      if (value === undefined || !isPasswordValue(word, join, value, strong)) {
        // Look again right after the keyword: "i forgot my password, my password is hunter2".
        KEYWORD.lastIndex = m.index + word.length;
        continue;
      }
      found();
      out += `${text.slice(at, start)}${PLACEHOLDERS.password}`;
      at = start + value.length;
      KEYWORD.lastIndex = at;
    }
    return out + text.slice(at);
  },
};

/**
 * The value after a keyword: the word starting at `start` (up to the next space), less the
 * punctuation that ends a sentence after it ("hunter2." → "hunter2"); undefined when there is none
 * or it runs past `limit` characters. Every keyword inside one long word ("password:.1/password:.1/…")
 * ends at the same place, so the last word's end is remembered: scanning again from each keyword
 * made the rule quadratic on such input (5.5 s of CPU for 100k characters).
 */
function createValueFinder(text: string): (start: number, limit: number) => string | undefined {
  let from = -1;
  let end = -1;
  let trimmed = -1;
  return (start, limit) => {
    if (start < from || start > end) {
      let e = start;
      while (e < text.length && !WORD_END.test(text.charAt(e))) {
        if (e - start >= limit) return undefined;
        e++;
      }
      let t = e;
      while (t > start + 1 && TRAILING.test(text.charAt(t - 1))) t--;
      [from, end, trimmed] = [start, e, t];
    }
    if (end === start || end - start > limit) return undefined;
    // A password may open with a symbol (".Hunter22", "!Qwerty1"); punctuation alone ("...", "?")
    // and a placeholder an earlier rule left ("[code]", "[card number]") are none.
    if (/[[,.;!?]/.test(text.charAt(start)) && (PLACEHOLDER_AT.test(text.slice(start, start + 40)) || !/[\p{L}\p{N}]/u.test(text.slice(start, end)))) return undefined;
    // Trailing punctuation as seen from `from` is the same from any later start, but keep one character.
    return text.slice(start, Math.max(trimmed, start + 1));
  };
}

function isPasswordValue(word: string, join: string, value: string, strong: boolean): boolean {
  if (/\bpin\b/i.test(word)) return /^\d{4,8}$/.test(value);
  // "I entered my password :(" is a face, not a password: one or two symbols alone are not one.
  if (strong) return /[\p{L}\p{N}]/u.test(value) || value.length > 2;
  if (value.length < 4) return false;
  if (LOOKS_SECRET.test(value)) return true;
  // Plain letters after "is": a password ("my password is sunshine") unless it is an ordinary word
  // about the password ("wrong", "expired", "not working"). A misspelt one ("rong") is redacted too:
  // hiding a harmless word costs little, letting a real password through cannot be undone.
  return IS_WORD.test(join) && !NOT_A_PASSWORD.has(value.toLowerCase()) && !/^[a-z]+(?:ed|ing|ly)$/i.test(value);
}
