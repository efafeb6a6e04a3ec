/** The mean progress of the items that have one; none when none has (never a made-up 0). */
export function meanProgress(items: readonly { progress?: number }[]): number | undefined {
  let sum = 0;
  let count = 0;
  for (const item of items) {
    if (item.progress === undefined) continue;
    sum += item.progress;
    count += 1;
  }
  return count > 0 ? sum / count : undefined;
}
