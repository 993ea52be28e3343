/** Yes/no questions about a fact: they ask whether it holds, they do not state it. */
const AUXILIARY = new Set(['is', 'was', 'are', 'were', 'has', 'have', 'had', 'did', 'does', 'do']);
const DETERMINER = new Set(['the', 'my', 'our', 'this', 'that', 'it', 'a', 'an', 'all', 'any']);

/**
 * "Is the money gone or not?": a yes/no question that opens with the match, after only its
 * auxiliary and an article, asks whether the fact holds; it does not state it.
 */
export function askedWhether(padded: string, hit: { index: number }): boolean {
  const before = padded.slice(0, hit.index).trim().split(' ').filter((w) => w !== '');
  return before.length >= 1 && before.length <= 3 && AUXILIARY.has(before[0] ?? '') && before.slice(1).every((w) => DETERMINER.has(w));
}
