import type { LearnedFactRow, LearnedFactSettings } from '../../../src/nlu/learned-facts/train.js';
import { DEFAULT_LEARNED_FACT_SETTINGS } from '../../../src/nlu/learned-facts/train.js';

/** Small labelled rows: "code never came" states verify.code_not_received; "international is on" its card fact. */
export function toyRows(): LearnedFactRow[] {
  const rows: LearnedFactRow[] = [];
  const code = ['the code never came', 'sms code never came to my phone', 'my code never came today', 'code never came after waiting', 'still the code never came', 'the verification code never came', 'otp code never came', 'code never came again', 'why the code never came', 'the code never came sadly'];
  const enabled = ['international payments are on', 'my bank says international payments are on', 'international payments are on already', 'i checked international payments are on', 'international payments are on for sure', 'yes international payments are on', 'international payments are on now', 'the bank put international payments are on', 'international payments are on since monday', 'told me international payments are on'];
  const other = ['how do i pay a supplier', 'what are the fees', 'hello there', 'is my card accepted', 'where do i find the settings', 'thank you so much', 'can i use a debit card', 'how long does a refund take', 'what is the limit', 'the page is slow'];
  for (const text of code) rows.push({ text, facts: [{ name: 'verify.code_not_received', negated: false }] });
  for (const text of enabled) rows.push({ text, facts: [{ name: 'card.international_enabled', negated: false }] });
  for (const text of other) rows.push({ text, facts: [] });
  // Too rare to learn: left to the patterns.
  rows.push({ text: 'my card is a unionpay one', facts: [{ name: 'card.unsupported_network', negated: false }] });
  return rows;
}

export const TOY_SETTINGS: LearnedFactSettings = { ...DEFAULT_LEARNED_FACT_SETTINGS, epochs: 40, l2: 0.1, prune: 0.001 };
