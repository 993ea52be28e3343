/**
 * Splits text into chunks of at most `max` characters, preferring paragraph breaks, then line
 * breaks, then spaces; a run with no space at all is cut hard. Nothing is lost except the
 * whitespace at a cut.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new Error('max must be at least 1');
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = window.lastIndexOf('\n\n');
    if (cut < max / 2) cut = Math.max(cut, window.lastIndexOf('\n'));
    if (cut < max / 2) cut = Math.max(cut, window.lastIndexOf(' '));
    if (cut <= 0) cut = max;
    // Never cut a surrogate pair in half.
    const code = rest.charCodeAt(cut - 1);
    if (cut === max && code >= 0xd800 && code <= 0xdbff) cut -= 1;
    const head = rest.slice(0, cut).trimEnd();
    if (head) chunks.push(head);
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}
