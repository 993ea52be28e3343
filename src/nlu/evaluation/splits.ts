import { seededRandom } from '../../learn/softmax-regression.js';

/** Groups row indices by a key (label when present), shuffled deterministically within each group. */
function shuffledGroups<T>(rows: readonly T[], key: (row: T) => string, seed: number): number[][] {
  const groups = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const k = key(row);
    const list = groups.get(k) ?? [];
    list.push(i);
    groups.set(k, list);
  });
  const random = seededRandom(seed);
  return [...groups.keys()].sort().map((k) => {
    const list = groups.get(k) ?? [];
    for (let i = list.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [list[i], list[j]] = [list[j] ?? 0, list[i] ?? 0];
    }
    return list;
  });
}

/** Stratified k folds: every fold gets its share of every group; returns the test indices per fold. */
export function stratifiedFolds<T>(rows: readonly T[], k: number, key: (row: T) => string, seed = 13): number[][] {
  const folds: number[][] = Array.from({ length: k }, () => []);
  let next = 0;
  // Dealing round-robin, continuing across groups, keeps fold sizes within one of each other.
  for (const group of shuffledGroups(rows, key, seed)) {
    for (const index of group) {
      folds[next % k]?.push(index);
      next += 1;
    }
  }
  return folds;
}

/** A stratified train/test split: `testFraction` of every group goes to test. */
export function stratifiedSplit<T>(rows: readonly T[], testFraction: number, key: (row: T) => string, seed = 13): { train: T[]; test: T[] } {
  const train: T[] = [];
  const test: T[] = [];
  for (const group of shuffledGroups(rows, key, seed)) {
    const cut = Math.round(group.length * testFraction);
    group.forEach((index, position) => {
      const row = rows[index];
      if (row !== undefined) (position < cut ? test : train).push(row);
    });
  }
  return { train, test };
}
