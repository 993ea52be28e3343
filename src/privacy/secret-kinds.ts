import { CARD_PLACEHOLDER } from './card-numbers.js';

/** What the privacy guard reports: kinds only, never values. */
export const SECRET_KINDS = ['card_number', 'cvv', 'expiry', 'code', 'password', 'passport', 'iban', 'email', 'phone'] as const;
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
  iban: '[iban]',
  email: '[email]',
  phone: '[phone number]',
} as const satisfies Record<SecretKind, string>;

/**
 * One detector: rewrites `text`, calling `found` once per secret it replaced. Every detector runs in
 * time linear in the length of the text (test/privacy/rule-timing.test.ts checks it up to 100k
 * characters): its patterns repeat only bounded or unambiguous pieces, so no match attempt backtracks
 * over more than a few dozen characters, and longer scans are done by hand, once.
 */
export interface SecretRule {
  kind: SecretKind;
  apply(text: string, found: () => void): string;
}

// "is" in the languages the language hint knows, for "mi contraseña es …", "le code est …".
const IS_WORDS = String.raw`is|was|are|were|es|era|est|était|ist|war|lautet|é|è`;
export const IS_WORD = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${IS_WORDS})(?![\p{L}\p{N}])`, 'iu');

// Filler a person puts between a keyword and its value: "the code they sent me is: 482913".
// Every alternative consumes at least one character and starts differently, so the bounded repeat
// cannot backtrack badly.
export const JOIN = String.raw`(?:[\s:=#\-–—"'“”‘’(),：]|(?<![\p{L}\p{N}])(?:${IS_WORDS}|of|on|number|no|nr|num|it's|its|it|that|they|sent|me|you|i|got|received|says|reads|shows|the|my|a|here's|here|please|to|be|should|would|for|as|el|la|le|der|die|das|mi|mon|ma|mein|meine|minha|meu|mio|mia)(?![\p{L}\p{N}])){0,24}?`;

/** Builds a rule from one regex; group 1 (when present) is what gets replaced, the rest stays. */
export function patternRule(kind: SecretKind, pattern: RegExp, accept?: (value: string, whole: string) => boolean): SecretRule {
  const placeholder = PLACEHOLDERS[kind];
  return {
    kind,
    apply(text, found) {
      return text.replace(pattern, (whole: string, ...rest: unknown[]) => {
        const value = rest[0];
        if (accept && !accept(typeof value === 'string' ? value : whole, whole)) return whole;
        found();
        if (typeof value !== 'string') return placeholder;
        // Keyword rules end with the value; the "123 is my cvv" rules start with it.
        const at = whole.endsWith(value) ? whole.length - value.length : whole.indexOf(value);
        return whole.slice(0, at) + placeholder + whole.slice(at + value.length);
      });
    },
  };
}
