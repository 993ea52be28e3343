/**
 * Repairs text that went through a wrong encoding on its way to us: UTF-8 read as Windows-1252
 * ("itâ€™s" → "it’s") and the stray "β" some exports leave where a dash or apostrophe was
 * ("app β it's" → "app – it's", "Itβs" → "It's").
 */

// Windows-1252 bytes 0x80–0x9F that map to other code points; the rest of Latin-1 maps to itself.
const CP1252_EXTRA: Record<string, number> = {
  '€': 0x80, '‚': 0x82, 'ƒ': 0x83, '„': 0x84, '…': 0x85, '†': 0x86, '‡': 0x87, 'ˆ': 0x88, '‰': 0x89,
  'Š': 0x8a, '‹': 0x8b, 'Œ': 0x8c, 'Ž': 0x8e, '‘': 0x91, '’': 0x92, '“': 0x93, '”': 0x94, '•': 0x95,
  '–': 0x96, '—': 0x97, '˜': 0x98, '™': 0x99, 'š': 0x9a, '›': 0x9b, 'œ': 0x9c, 'ž': 0x9e, 'Ÿ': 0x9f,
};
const CP1252_CLASS = "\\u0080-\\u00ff€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
/** A lead byte of a 2–4 byte UTF-8 sequence (Â–ô as Latin-1) followed by continuation bytes. */
const MOJIBAKE_RUN = new RegExp(`[\\u00c2-\\u00f4][${CP1252_CLASS}]{1,3}`, 'g');
const decoder = new TextDecoder('utf-8', { fatal: true });

function toCp1252Byte(char: string): number | undefined {
  const extra = CP1252_EXTRA[char];
  if (extra !== undefined) return extra;
  const code = char.charCodeAt(0);
  return code <= 0xff ? code : undefined;
}

function repairUtf8AsCp1252(text: string): string {
  return text.replace(MOJIBAKE_RUN, (run) => {
    // Try the longest prefix that decodes as one valid UTF-8 character.
    for (let len = run.length; len >= 2; len--) {
      const bytes: number[] = [];
      for (const ch of run.slice(0, len)) {
        const b = toCp1252Byte(ch);
        if (b === undefined) return run;
        bytes.push(b);
      }
      try {
        const decoded = decoder.decode(new Uint8Array(bytes));
        if ([...decoded].length === 1) return decoded + run.slice(len);
      } catch {
        // not valid UTF-8 at this length; try shorter
      }
    }
    return run;
  });
}

/** Greek text legitimately uses β; only repair it in text that is otherwise not Greek. */
function looksGreek(text: string): boolean {
  const greek = text.match(/[\u0370-\u03ff]/g)?.length ?? 0;
  const beta = text.match(/β/g)?.length ?? 0;
  return greek - beta > 3;
}

function repairStrayBeta(text: string): string {
  if (!text.includes('β') || looksGreek(text)) return text;
  return text
    .replace(/(\p{L})β(\p{L})/gu, '$1’$2') // inside a word: an apostrophe (Itβs)
    .replace(/\s+β\s+/g, ' – ') // between words: a dash (app β it's)
    .replace(/β/g, '–');
}

export function repairMojibake(text: string): string {
  return repairStrayBeta(repairUtf8AsCp1252(text));
}
