import { PLACEHOLDERS, type SecretRule } from './secret-kinds.js';

/**
 * Phone numbers: with a '+' or '00' prefix; after a phone word ("call me on 4155552671", "my number
 * is …", "whatsapp …"); or in a shape only phone numbers have, with or without a '+': US/Canada
 * (415) 555-2671 and 1-415-555-2671, national numbers with a trunk 0 (UK 07700 900123, DE 030
 * 12345678, FR 06 12 34 56 78), Chinese mobiles 13800138000.
 */
// One digit per repeat, with up to two separators before it: unambiguous, so linear.
const PHONE_CANDIDATE = /(?<![\p{L}\p{N}_+])(?:\+|00)?\(?\d(?:[ ().\-\u2010-\u2015]{0,2}\d){0,24}\)?/gu;
const PHONE_WORDS =
  /\b(?:phone|mobile|cell|cellphone|tel|telephone|call|text|sms|whatsapp|wechat|line|viber|telegram|contact|reach|ring|my\s{1,3}(?:new\s{1,3}|mobile\s{1,3}|cell\s{1,3}|contact\s{1,3})?number|tel[eé]fono|m[oó]vil|celular|t[eé]l[eé]phone|portable|handy|telefon|handynummer|telefone|cellulare|numero|número|num[eé]ro)\b|电话|手机|телефон/iu;
const PHONE_ID_WORDS = /\b(?:orders?|tracking|transactions?|trade|invoice|ref|reference|id|amount|total|price)\b/i;
// "50000.00", "1.250.000": amounts a person quotes next to "sms" or "text".
const AMOUNT_LIKE = /^\d{1,3}(?:\.\d{3})+$|^\d+\.\d{1,2}$/;
const DATE_LIKE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
const PHONE_SHAPES = [
  /^(?:1[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}$/, // (415) 555-2671, 415.555.2671, 1-415-555-2671
  /^0\d{2,4}[ .-]?\d{3,4}[ .-]?\d{3,4}$/, // 07700 900123, 020 7946 0958, 030 12345678
  /^0\d(?:[ .-]\d{2}){4}$/, // 06 12 34 56 78
  /^1[3-9]\d[ -]?\d{4}[ -]?\d{4}$/, // 13800138000, 138 0013 8000
];

export const phoneRule: SecretRule = {
  kind: 'phone',
  apply(text, found) {
    return text.replace(PHONE_CANDIDATE, (candidate: string, offset: number) => {
      const digits = candidate.replace(/\D/g, '').length;
      if (digits < 7 || digits > 15 || DATE_LIKE.test(candidate)) return candidate;
      const prefixed = /^(?:\+|00)/.test(candidate) && digits >= 8;
      if (!prefixed && AMOUNT_LIKE.test(candidate)) return candidate;
      const before = text.slice(Math.max(0, offset - 40), offset);
      const word = before.search(PHONE_WORDS);
      const worded = word >= 0 && !PHONE_ID_WORDS.test(before.slice(word));
      const shaped = PHONE_SHAPES.some((shape) => shape.test(candidate.trim()));
      if (!prefixed && !worded && !shaped) return candidate;
      found();
      return PLACEHOLDERS.phone;
    });
  },
};
