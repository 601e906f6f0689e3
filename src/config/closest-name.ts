// Finds the known name nearest to a mistyped one, for "did you mean" hints.

/** Edit distance at or under which a candidate counts as a likely typo: about a third of the name. */
const TYPO_DISTANCE = { minimum: 1, divisor: 3 } as const;

/**
 * Returns the candidate closest to `name` by edit distance, if it is close enough to be a plausible typo
 * (at most a third of the name's length, at least one edit); otherwise `undefined`.
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(TYPO_DISTANCE.minimum, Math.floor(name.length / TYPO_DISTANCE.divisor));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance with one rolling row. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_unused, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
