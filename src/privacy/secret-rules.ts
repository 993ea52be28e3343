import { redactCardNumbers } from './card-numbers.js';
import { ibanRule } from './iban-rule.js';
import { passwordRule } from './password-rule.js';
import { phoneRule } from './phone-rule.js';
import { JOIN, patternRule, type SecretRule } from './secret-kinds.js';

export { PLACEHOLDERS, SECRET_KINDS, type SecretKind, type SecretRule } from './secret-kinds.js';

// Every pattern here has only bounded repeats ({0,3}, {0,24}?) or unambiguous ones, so it runs in
// linear time (see SecretRule). `\s{1,3}` rather than `\s+` keeps even a keyword's own spaces bounded.
const MONTH_YEAR = String.raw`(?:0?[1-9]|1[0-2])\s?[\/\-.]\s?(?:\d{4}|\d{2})(?![\d\/])|(?:0[1-9]|1[0-2])\d{2}(?!\d)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}\.?\s{1,3}(?:\d{4}|\d{2})(?!\d)`;

const cardRule: SecretRule = {
  kind: 'card_number',
  apply(text, found) {
    const { text: out, count } = redactCardNumbers(text);
    for (let i = 0; i < count; i++) found();
    return out;
  },
};

// The local part is a run the lookbehind lets start only once; the domain is labels then a TLD.
const EMAIL = /(?<![\w.+-])[\w.+%-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![\w-])/g;

const EXPIRY_WORDS = String.raw`\b(?:exp|expiry|expiration(?:\s{1,3}date)?|expires?|expired|exp\.?\s{1,3}date|valid\s{1,3}(?:thru|through|until|till|to)|good\s{1,3}(?:thru|through)|mm\s?\/\s?yy|caducidad|vencimiento|validade|scadenza|ablaufdatum|gültig\s{1,3}bis)`;
const EXPIRY_AFTER_WORD = new RegExp(`${EXPIRY_WORDS}\\.?${JOIN}(${MONTH_YEAR})`, 'giu');
// Right after a card number: "4111 1111 1111 1111 09/27".
const EXPIRY_AFTER_CARD = new RegExp(`\\[card number\\][\\s,;/]{1,3}(${MONTH_YEAR})`, 'giu');

const CVV_WORDS = String.raw`\b(?:cvv2?|cvc2?|cvn|cid|csc|cav2|card\s{1,3}code|(?:card\s{1,3})?security\s{1,3}code|card\s{1,3}verification\s{1,3}(?:code|value|number)|(?:3|4|three|four)[\s-]digit\s{1,3}(?:security\s{1,3})?(?:code|number)|(?:code|digits|numbers)\s{1,3}on\s{1,3}the\s{1,3}back|c[oó]digo\s{1,3}de\s{1,3}seguridad|cryptogramme|prüfnummer|pr[uü]fziffer)`;
const CVV_AFTER_WORD = new RegExp(`${CVV_WORDS}\\b${JOIN}(\\d{3,4})(?![\\d\\/])`, 'giu');
const CVV_BEFORE_WORD = /\b(\d{3,4})\s{1,3}(?:is|was)\s{1,3}(?:my|the)\s{1,3}(?:card'?s?\s{1,3})?(?:cvv2?|cvc2?|security\s{1,3}code)\b/gi;
// Right after a card number or its expiry date: "[card number] 09/27 123".
const CVV_AFTER_CARD = /\[(?:card number|expiry)\][\s,;/]{1,3}(\d{3,4})(?![\d/.-])/gi;

// "code" alone is a one-time code unless a word before it makes it something else ("error code 2005").
const NOT_A_SECRET_CODE = String.raw`(?<!\b(?:error|response|decline|declined|reason|status|result|zip|postal|post|country|area|dial|dialing|swift|bic|sort|routing|bank|branch|currency|product|item|hs|tax|promo|promotion|coupon|discount|voucher|gift|tracking|order|merchant|mcc|qr|invite|invitation|referral|return|source|reference|ref|region|language|iso|card|color|colour)\s{1,3})`;
const CODE_WORDS = String.raw`(?:\b(?:otp|one[\s-]?time\s{1,3}(?:pass)?(?:code|password|pin)|(?:verification|verify|confirmation|confirm|security|sms|text|auth|authentication|authorisation|authorization|login|log-in|sign-in|2fa|mfa|access|activation|dynamic)\s{1,3}code|2fa|mfa|passcode|pass\s{1,3}code|c[oó]digo(?:\s{1,3}de\s{1,3}verificaci[oó]n)?|code\s{1,3}de\s{1,3}v[ée]rification|best[aä]tigungscode|verifizierungscode|codice(?:\s{1,3}di\s{1,3}verifica)?|${NOT_A_SECRET_CODE}codes?)\b|验证码|校验码|動態密碼|驗證碼|код)`;
// Six digits, or two groups of three or four ("482 913"), or 4-10 letters and digits with a digit.
const CODE_VALUE = String.raw`\d{3,4}[ -]\d{3,4}(?![\d-])|(?=[A-Za-z]{0,9}\d)[A-Za-z0-9]{4,10}(?![A-Za-z0-9])`;
const CODE_AFTER_WORD = new RegExp(`${CODE_WORDS}${JOIN}(${CODE_VALUE})`, 'giu');
// "482913 is my code", "482 913 was the verification code they sent", "482913 - that's the code".
const CODE_BEFORE_WORD = new RegExp(
  String.raw`(?<![\d-])(\d{4,8}|\d{3,4}[ -]\d{3,4})\s{0,3}(?:is|was|as|=|:|-|–|—|,)?\s{0,3}(?:that's|that\s{1,3}is|it's|its)?\s{0,3}(?:my|the|your|our)\s{1,3}(?:[a-z]{2,14}\s{1,3}){0,2}?(?:otp|code|passcode)\b`,
  'gi',
);
// "2005 is the error code": a word between the number and "code" can make it something else.
const NOT_SECRET_CODE_WORDS = /\b(?:error|response|decline|declined|reason|status|zip|postal|area|country|dial|swift|bic|sort|routing|bank|branch|tracking|order|promo|coupon|discount|voucher|gift|reference|ref|product|item|tax|merchant|qr|invite|referral|postcode)\b/i;

const PASSPORT_WORDS = String.raw`\b(?:passport(?:\s{1,3}(?:number|no|num|nr|#|id))?|(?:national\s{1,3})?id\s{1,3}(?:card\s{1,3})?(?:number|no)|pasaporte|passeport|reisepass|passaporte|passaporto)\b\.?`;
const PASSPORT = new RegExp(`${PASSPORT_WORDS}${JOIN}((?=[A-Za-z]{0,3}\\d)[A-Za-z0-9]{6,18}(?![A-Za-z0-9]))`, 'giu');

/**
 * The detectors, in the order they run. Emails go first (their local part may hold digits), card
 * IBANs before card numbers (an IBAN holds long digit runs), card numbers before the rules that look
 * for "[card number]" beside an expiry date or a CVV, the keyword rules before phone numbers so
 * "code 48291322" is a code, not a phone.
 */
export const SECRET_RULES: readonly SecretRule[] = [
  patternRule('email', EMAIL),
  ibanRule,
  cardRule,
  patternRule('passport', PASSPORT),
  patternRule('expiry', EXPIRY_AFTER_WORD),
  patternRule('expiry', EXPIRY_AFTER_CARD),
  patternRule('cvv', CVV_AFTER_WORD),
  patternRule('cvv', CVV_BEFORE_WORD),
  patternRule('cvv', CVV_AFTER_CARD),
  patternRule('code', CODE_AFTER_WORD),
  patternRule('code', CODE_BEFORE_WORD, (_value, whole) => !NOT_SECRET_CODE_WORDS.test(whole)),
  passwordRule,
  phoneRule,
];
