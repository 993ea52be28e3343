import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Typical things people type, in our own words; the turn benchmarks cycle through them. */
export const CONVERSATION_SCRIPT = [
  'hi',
  'my card was declined when paying on alibaba',
  'it says insufficient funds',
  'no that did not help',
  'how much are the fees for a foreign card?',
  'ok thanks',
  'how do I link my visa card',
  'it is a mastercard',
  'what is the tour pass',
  'my verification code never arrived',
  'cancel',
  'bye',
];

const devFile = fileURLToPath(new URL('../../shared/data/banking77-dev.jsonl', import.meta.url));

/** Utterances for classification timing: the dev file when present (measuring only), else the script. */
export function classificationWorkload(limit = 3000): { texts: string[]; source: string } {
  if (existsSync(devFile)) {
    const texts = readFileSync(devFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .slice(0, limit)
      .map((l) => (JSON.parse(l) as { text: string }).text);
    return { texts, source: 'banking77-dev.jsonl' };
  }
  const texts = Array.from({ length: limit }, (_, i) => CONVERSATION_SCRIPT[i % CONVERSATION_SCRIPT.length] ?? '');
  return { texts, source: 'built-in script' };
}
