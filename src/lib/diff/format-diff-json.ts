import type { HandbookDiff } from './diff-handbooks.js';

/** The diff as one JSON object, in the shape of {@link HandbookDiff} (documented in the README). */
export function formatDiffJson(diff: HandbookDiff): string {
  return `${JSON.stringify(diff, null, 2)}\n`;
}
