import { existsSync } from 'node:fs';
import path from 'node:path';
import { SETTINGS_FILE } from '../load/walk-content.js';

/**
 * The content folder a command works on: `--content` when given; else the
 * current folder when it holds `handbook.yaml` (a handbook at the root of its
 * repository, as `okr-handbook init` makes it); else `content/` (the layout
 * of this repository's demo).
 */
export function resolveContentDir(cwd: string, given: string | undefined): string {
  if (given !== undefined) return path.resolve(cwd, given);
  return existsSync(path.join(cwd, SETTINGS_FILE)) ? cwd : path.join(cwd, 'content');
}

/** What `--content` means, in every command's help. */
export const CONTENT_HELP = 'the handbook folder (default: the current folder if it holds handbook.yaml, else content/)';

/** The `--content` line of a command's help, its description starting at `column` like the command's other options. */
export function contentOption(column = 20): string {
  return `${'--content DIR'.padEnd(column)}${CONTENT_HELP}`;
}
