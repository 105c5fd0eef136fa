/** Nearest strings by edit distance, for "did you mean" hints. */

/**
 * Levenshtein distance, on two rows of the table (URLs are short; no need for more).
 */
export function distance(a: string, b: string) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}

/**
 * The `count` candidates closest to `target`, nearest first (ties in the candidates' order).
 */
export function closest(target: string, candidates: string[], count = 3) {
  return candidates
    .map((candidate) => ({ candidate, d: distance(target, candidate) }))
    .sort((x, y) => x.d - y.d)
    .slice(0, count)
    .map(({ candidate }) => candidate);
}
