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
 * Called once per unknown key or reference, so it must stay cheap: distances
 * are only computed as far as the limit (see `distanceWithin`).
 */
export function closestMatch(value: string, candidates: Iterable<string>): string | undefined {
  const needle = value.toLowerCase();
  const limit = Math.min(3, Math.max(1, Math.floor(needle.length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - needle.length) > limit) continue;
    const lower = candidate.toLowerCase();
    const within = Math.min(limit, bestDistance);
    if (missingCharacters(needle, lower, within) > within) continue;
    const distance = distanceWithin(needle, lower, within);
    if (distance < bestDistance || (distance === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/**
 * How many characters of `a` do not occur in `b` at all, counted up to
 * `limit + 1`. Each needs an edit of its own, so this is a lower bound of
 * the distance, far cheaper to find: `k1234` is no typo of `name`.
 */
function missingCharacters(a: string, b: string, limit: number): number {
  let missing = 0;
  for (let i = 0; i < a.length && missing <= limit; i++) if (b.indexOf(a[i]!) === -1) missing++;
  return missing;
}

/** Rows reused by `distanceWithin`; grown when a longer word comes. */
let rowBuffers = [new Int32Array(16), new Int32Array(16), new Int32Array(16)] as const;

/**
 * `editDistance(a, b)` when it is at most `limit`, else `Infinity`: the same
 * recurrence on three reused rows, abandoned as soon as a whole row exceeds
 * the limit.
 */
function distanceWithin(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return Infinity;
  if (rowBuffers[0].length <= b.length) {
    const size = b.length + 1;
    rowBuffers = [new Int32Array(size), new Int32Array(size), new Int32Array(size)];
  }
  let [beforePrevious, previous, row] = rowBuffers;
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        best = Math.min(best, beforePrevious[j - 2]! + 1);
      }
      row[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > limit) return Infinity;
    const spare = beforePrevious;
    beforePrevious = previous;
    previous = row;
    row = spare;
  }
  const distance = previous[b.length]!;
  return distance <= limit ? distance : Infinity;
}

/** `did you mean \`x\`?` or an empty string. */
export function didYouMean(value: string, candidates: Iterable<string>): string {
  const match = closestMatch(value, candidates);
  return match === undefined ? '' : ` Did you mean \`${match}\`?`;
}
