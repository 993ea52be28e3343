import { CARD_PLACEHOLDER, redactCardNumbers } from './card-numbers.js';

/** What the privacy guard reports: kinds only, never values. */
export const SECRET_KINDS = ['card_number', 'cvv', 'expiry', 'code', 'password', 'passport', 'email', 'phone'] as const;
export type SecretKind = (typeof SECRET_KINDS)[number];

/**
 * What later stages, logs and transcripts see instead of the secret. Short on purpose: the classifier
 * reads them too, and "[security code]" pulled "my card … was declined, cvv …" towards `security`.
 */
export const PLACEHOLDERS = {
  card_number: CARD_PLACEHOLDER,
  cvv: '[cvv]',
  expiry: '[expiry]',
  code: '[code]',
  password: '[password]',
  passport: '[passport number]',
  email: '[email]',
  phone: '[phone number]',
} as const satisfies Record<SecretKind, string>;

/** One detector: rewrites `text`, calling `found` once per secret it replaced. */
export interface SecretRule {
  kind: SecretKind;
  apply(text: string, found: () => void): string;
}

// Filler a person puts between a keyword and its value: "the code they sent me is: 482913".
// Every alternative consumes at least one character, so the bounded repeat cannot backtrack badly.
const JOIN = String.raw`(?:[\s:=#\-–—"'“”‘’(),]|\b(?:is|was|are|were|of|on|number|no|nr|num|it's|its|it|that|they|sent|me|you|i|got|received|says|reads|shows|the|my|a|here's|here|please|to|be|should|would|for)\b){0,24}?`;
const MONTH_YEAR = String.raw`(?:0?[1-9]|1[0-2])\s?[\/\-.]\s?(?:\d{4}|\d{2})(?![\d\/])|(?:0[1-9]|1[0-2])\d{2}(?!\d)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{4}|\d{2})(?!\d)`;

/** Builds a rule from one regex; group 1 (when present) is what gets replaced, the rest stays. */
function patternRule(kind: SecretKind, pattern: RegExp): SecretRule {
  const placeholder = PLACEHOLDERS[kind];
  return {
    kind,
    apply(text, found) {
      return text.replace(pattern, (whole: string, ...rest: unknown[]) => {
        found();
        const value = rest[0];
        if (typeof value !== 'string') return placeholder;
        // Keyword rules end with the value; the "123 is my cvv" rules start with it.
        const at = whole.endsWith(value) ? whole.length - value.length : whole.indexOf(value);
        return whole.slice(0, at) + placeholder + whole.slice(at + value.length);
      });
    },
  };
}

const cardRule: SecretRule = {
  kind: 'card_number',
  apply(text, found) {
    const { text: out, count } = redactCardNumbers(text);
    for (let i = 0; i < count; i++) found();
    return out;
  },
};

const EMAIL = /(?<![\w.+-])[\w.+%-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w-])/g;

const EXPIRY_WORDS = String.raw`\b(?:exp|expiry|expiration(?:\s+date)?|expires?|expired|exp\.?\s+date|valid\s+(?:thru|through|until|till|to)|good\s+(?:thru|through)|mm\s?\/\s?yy)`;
const EXPIRY_AFTER_WORD = new RegExp(`${EXPIRY_WORDS}\\.?${JOIN}(${MONTH_YEAR})`, 'gi');
// Right after a card number: "4111 1111 1111 1111 09/27".
const EXPIRY_AFTER_CARD = new RegExp(`\\[card number\\][\\s,;]{1,3}(${MONTH_YEAR})`, 'gi');

const CVV_WORDS = String.raw`\b(?:cvv2?|cvc2?|cvn|cid|csc|cav2|card\s+code|(?:card\s+)?security\s+code|card\s+verification\s+(?:code|value|number)|(?:3|4|three|four)[\s-]digit\s+(?:security\s+)?(?:code|number)|(?:code|digits|numbers)\s+on\s+the\s+back)`;
const CVV_AFTER_WORD = new RegExp(`${CVV_WORDS}\\b${JOIN}(\\d{3,4})(?![\\d\\/])`, 'gi');
const CVV_BEFORE_WORD = /\b(\d{3,4})\s+(?:is|was)\s+(?:my|the)\s+(?:card'?s?\s+)?(?:cvv2?|cvc2?|security\s+code)\b/gi;
// Right after a card number or its expiry date: "[card number] 09/27 123".
const CVV_AFTER_CARD = /\[(?:card number|expiry)\][\s,;/]{1,3}(\d{3,4})(?![\d/.-])/gi;

// "code" alone is a one-time code unless a word before it makes it something else ("error code 2005").
const NOT_A_SECRET_CODE = String.raw`(?<!\b(?:error|response|decline|declined|reason|status|result|zip|postal|post|country|area|dial|dialing|swift|bic|sort|routing|bank|branch|currency|product|item|hs|tax|promo|promotion|coupon|discount|voucher|gift|tracking|order|merchant|mcc|qr|invite|invitation|referral|return|source|reference|ref|region|language|iso|card|color|colour)\s+)`;
const CODE_WORDS = String.raw`(?:\b(?:otp|one[\s-]?time\s+(?:pass)?(?:code|password|pin)|(?:verification|verify|confirmation|confirm|security|sms|text|auth|authentication|authorisation|authorization|login|log-in|sign-in|2fa|mfa|access|activation|dynamic)\s+code|2fa|mfa|passcode|pass\s+code|c[oó]digo(?:\s+de\s+verificaci[oó]n)?|code\s+de\s+v[ée]rification|best[aä]tigungscode|verifizierungscode|${NOT_A_SECRET_CODE}code)\b|验证码|校验码|動態密碼|驗證碼|код)`;
const CODE_VALUE = String.raw`(?=[A-Za-z]{0,9}\d)[A-Za-z0-9]{4,10}(?![A-Za-z0-9])`;
const CODE_AFTER_WORD = new RegExp(`${CODE_WORDS}${JOIN}(${CODE_VALUE})`, 'gi');
const CODE_BEFORE_WORD =
  /\b(\d{4,8})\s+(?:is|was)\s+(?:my|the)\s+(?:otp|(?:verification|sms|one[\s-]?time|login|auth|confirmation|2fa)\s+code|code)\b/gi;

const PASSPORT_WORDS = String.raw`\b(?:passport(?:\s+(?:number|no|num|nr|#|id))?|(?:national\s+)?id\s+(?:card\s+)?(?:number|no)|pasaporte|passeport|reisepass|passaporte)\b\.?`;
const PASSPORT = new RegExp(`${PASSPORT_WORDS}${JOIN}((?=[A-Za-z]{0,3}\\d)[A-Za-z0-9]{6,18}(?![A-Za-z0-9]))`, 'gi');

const PASSWORD_WORDS = String.raw`(?:\b(?:(?:payment|login|account|alipay|app)\s+)?(?:password|passwd|pass\s?word|pwd|pw|pin(?:\s+(?:code|number|no))?|contraseña|contrasena|mot\s+de\s+passe|passwort|kennwort|senha)\b|密码|пароль)`;
// A tighter filler than JOIN (no commas, no "that"): "asking for my password, is that real" is a
// question, not a password. Greedy here: the value is any word, so it must not be a filler word itself.
const PASSWORD_JOIN = String.raw`(?:[\s:="'“”‘’]|\b(?:is|was|are|were|it's|its|now|currently|still|set\s+to|changed\s+to)\b){0,12}`;
const PASSWORD = new RegExp(`(${PASSWORD_WORDS})(${PASSWORD_JOIN})((?![[,.;!?])[^\\s]+?)(?=[.,!?;:)]*(?:\\s|$))`, 'gi');
// Words that follow "my password is" without being a password ("my password is wrong").
const NOT_A_PASSWORD = new Set(
  `not wrong incorrect correct right invalid valid expired expiring locked blocked forgotten forgot lost stolen changed reset weak strong
  short long required needed missing empty fine ok okay working broken the a an same different also still now being been too very so
  just really definitely probably saved stored compromised leaked hacked case sensitive what how where why when which that this it
  my your no set used asked requested accepted rejected denied refused known shared safe secure easy hard simple new old
  one two three four five six seven eight nine ten six-digit digits numbers letters only all and or but because if then required
  mandatory needed necessary different`.split(/\s+/),
);
const SYMBOL_OR_DIGIT = /[\d]|[^\p{L}'’-]/u;

const passwordRule: SecretRule = {
  kind: 'password',
  apply(text, found) {
    let out = '';
    let at = 0;
    PASSWORD.lastIndex = 0;
    for (let m = PASSWORD.exec(text); m !== null; m = PASSWORD.exec(text)) {
      const [, word = '', join = '', value = ''] = m;
      if (!isPasswordValue(word, join, value)) {
        // Look again right after the keyword: "i forgot my password, my password is hunter2".
        PASSWORD.lastIndex = m.index + word.length;
        continue;
      }
      found();
      out += `${text.slice(at, m.index)}${word}${join}${PLACEHOLDERS.password}`;
      at = m.index + m[0].length;
    }
    return out + text.slice(at);
  },
};

function isPasswordValue(word: string, join: string, value: string): boolean {
  const strong = /[:=]/.test(join);
  if (/\bpin\b/i.test(word)) return /^\d{4,8}$/.test(value);
  if (/^pw$/i.test(word)) return strong;
  if (strong) return true;
  if (value.length < 4 || NOT_A_PASSWORD.has(value.toLowerCase()) || /^[a-z]+(?:ed|ing|ly)$/.test(value)) return false;
  return /\b(?:is|was|are|were)\b/i.test(join) || SYMBOL_OR_DIGIT.test(value);
}

// Phone numbers: a '+' or '00' prefix, a phone word nearby, or the usual (415) 555-2671 shape.
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}_+])(?:\+|00)?\(?\d(?:[ ().\-\u2010-\u2015]{0,2}\d)+\)?/gu;
const PHONE_WORDS = /\b(?:phone|mobile|cell|cellphone|tel|telephone|call|text|sms|whatsapp|wechat|line|viber|telegram|contact|reach)\b/i;
const PHONE_ID_WORDS = /\b(?:orders?|tracking|transactions?|trade|invoice|ref|reference|id|amount|total|price)\b/i;
// "50000.00", "1.250.000": amounts a person quotes next to "sms" or "text".
const AMOUNT_LIKE = /^\d{1,3}(?:\.\d{3})+$|^\d+\.\d{1,2}$/;
const DATE_LIKE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
const NANP = /^\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}$/;

const phoneRule: SecretRule = {
  kind: 'phone',
  apply(text, found) {
    return text.replace(PHONE_CANDIDATE, (candidate: string, offset: number) => {
      const digits = candidate.replace(/\D/g, '').length;
      if (digits < 7 || digits > 15 || DATE_LIKE.test(candidate)) return candidate;
      const prefixed = /^(?:\+|00)/.test(candidate) && digits >= 8;
      if (!prefixed && AMOUNT_LIKE.test(candidate)) return candidate;
      const before = text.slice(Math.max(0, offset - 40), offset);
      const worded = PHONE_WORDS.test(before) && !PHONE_ID_WORDS.test(before.slice(before.search(PHONE_WORDS)));
      if (!prefixed && !worded && !NANP.test(candidate.trim())) return candidate;
      found();
      return PLACEHOLDERS.phone;
    });
  },
};

/**
 * The detectors, in the order they run. Emails go first (their local part may hold digits), card
 * numbers before the rules that look for "[card number]" beside an expiry date or a CVV, the
 * keyword rules before phone numbers so "code 48291322" is a code, not a phone.
 */
export const SECRET_RULES: readonly SecretRule[] = [
  patternRule('email', EMAIL),
  cardRule,
  patternRule('passport', PASSPORT),
  patternRule('expiry', EXPIRY_AFTER_WORD),
  patternRule('expiry', EXPIRY_AFTER_CARD),
  patternRule('cvv', CVV_AFTER_WORD),
  patternRule('cvv', CVV_BEFORE_WORD),
  patternRule('cvv', CVV_AFTER_CARD),
  patternRule('code', CODE_AFTER_WORD),
  patternRule('code', CODE_BEFORE_WORD),
  passwordRule,
  phoneRule,
];
