/**
 * Where each clause sits in the whole message as the matcher reads it (` clause one clause two `):
 * a pattern that reads the whole message must not let a negation reach into another clause.
 */

/** Where each clause starts in the padded, space-joined message, and where the last one ends. */
export function clauseBounds(clauses: readonly string[]): number[] {
  const bounds: number[] = [];
  let at = 1;
  for (const text of clauses) {
    bounds.push(at);
    at += text.length + 1;
  }
  bounds.push(at);
  return bounds;
}

/**
 * The message with every clause but the one at `at` blanked out (same length, so positions hold):
 * a negation reaches no further than its clause when a pattern reads the whole message. "cannot
 * link it, name is same as my ID" does not deny that the name is the same.
 */
export function clauseAround(whole: string, bounds: readonly number[], at: number): string {
  let start = 0;
  let end = whole.length;
  for (let i = 0; i < bounds.length; i++) {
    if ((bounds[i] ?? 0) <= at) start = bounds[i] ?? 0;
    else {
      end = bounds[i] ?? whole.length;
      break;
    }
  }
  return ' '.repeat(start) + whole.slice(start, end) + ' '.repeat(Math.max(0, whole.length - end));
}
