/**
 * Edit distance counting a swap of two neighbouring letters as one edit
 * (optimal string alignment), since `titel` for `title` is one slip.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/**
 * The candidate closest to `value`, if it is close enough to be a plausible
 * typo (at most a third of the length, and never more than 3 edits).
 */
export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  const needle = value.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(needle.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - needle.length) > limit) continue;
    const distance = editDistance(needle, candidate.toLowerCase());
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** `did you mean \`x\`?` or an empty string. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const match = closestMatch(value, candidates);
  return match === undefined ? '' : ` Did you mean \`${match}\`?`;
}
