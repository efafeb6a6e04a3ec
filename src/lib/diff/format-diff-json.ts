import { escapeJsonControl } from '../format/escape-control.js';
import type { HandbookDiff } from './diff-handbooks.js';

/** The diff as one JSON object, in the shape of {@link HandbookDiff} (documented in docs/cli.md); control characters as `\u` escapes. */
export function formatDiffJson(diff: HandbookDiff): string {
  return `${escapeJsonControl(JSON.stringify(diff, null, 2))}\n`;
}
