import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse } from 'yaml';

/** Every shipped training utterance in intents/: a corpus of plain English support messages. */
export function trainingUtterances(): string[] {
  const dir = fileURLToPath(new URL('../../intents/', import.meta.url));
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'intent' && k !== 'description') walk(x);
  };
  for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) walk(parse(readFileSync(`${dir}${file}`, 'utf8')));
  return out;
}

/** One of `texts` with one to three typos: a deleted, inserted, replaced or swapped character from `alphabet`. */
export function withTypos(texts: readonly string[], alphabet: string): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...texts), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...alphabet)), { minLength: 1, maxLength: 3 }))
    .map(([text, edits]) => {
      const chars = [...text];
      for (const [at, op, ch] of edits) {
        const i = at % Math.max(1, chars.length);
        if (op === 0) chars.splice(i, 1);
        else if (op === 1) chars.splice(i, 0, ch);
        else if (op === 2) chars[i] = ch;
        else if (i + 1 < chars.length) [chars[i], chars[i + 1]] = [chars[i + 1]!, chars[i]!];
      }
      return chars.join('');
    });
}
