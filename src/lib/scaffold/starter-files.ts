import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** A file `init` writes: where, relative to the new repository's root, `/`-separated, and its text. */
export interface StarterFile {
  file: string;
  text: string;
}

/**
 * Top-level entries of `starter/` that are written with a leading dot.
 * They are kept without it in the package because `npm pack` leaves out
 * every `.gitignore`, and a `.github/` or `.vscode/` inside okr-handbook's
 * own repository would be mistaken for its own settings.
 */
const DOTTED = new Set(['gitignore', 'github', 'vscode']);

/** Where a file of `starter/` goes in the new repository: `github/workflows/x.yml` -> `.github/workflows/x.yml`. */
export function starterDestination(relative: string): string {
  const [first, ...rest] = relative.split('/');
  return [DOTTED.has(first!) ? `.${first}` : first!, ...rest].join('/');
}

/** Every file of `starterDir` (okr-handbook's `starter/`), as it is written into a new repository. */
export function readStarterFiles(starterDir: string): StarterFile[] {
  return readdirSync(starterDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const absolute = path.join(entry.parentPath, entry.name);
      const relative = path.relative(starterDir, absolute).split(path.sep).join('/');
      return { file: starterDestination(relative), text: readFileSync(absolute, 'utf8') };
    })
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}
