import { existsSync, promises as fs, type Dirent } from 'node:fs';
import path from 'node:path';
import { at, type Problem } from '../problem.js';
import { BUILD_MARKER } from '../build/build-marker.js';
import { didYouMean } from '../suggest.js';
import { describeFileType } from './read-regular-file.js';

/** The kind folders of a handbook, and whether sub-folders may organise them. */
export const KINDS = {
  cycles: { nested: false, mdx: false },
  teams: { nested: false, mdx: false },
  people: { nested: false, mdx: false },
  objectives: { nested: true, mdx: false },
  reviews: { nested: true, mdx: false },
  glossary: { nested: false, mdx: true },
} as const;

export type Kind = keyof typeof KINDS;
export const KIND_NAMES = Object.keys(KINDS) as Kind[];

export const SETTINGS_FILE = 'handbook.yaml';

export interface ContentEntry {
  kind: Kind;
  /** The file name without its extension. */
  id: string;
  /** Relative to the content folder, `/`-separated. */
  file: string;
  absolutePath: string;
  /**
   * Where a link inside the content folder leads: the file to open instead
   * of `absolutePath`, so that a link changed after the walk is not followed
   * (files are opened with `O_NOFOLLOW`).
   */
  target?: string;
  extension: '.md' | '.mdx';
}

export interface ContentListing {
  entries: ContentEntry[];
  /**
   * Content-like files that were found but not read (MDX outside the
   * glossary, a Markdown name that is a pipe or a link leaving the content
   * folder): references to their ids are that file's problem.
   */
  refused: { kind: Kind; id: string }[];
  problems: Problem[];
}

/** Files at the top of the content folder that are expected and not content. */
const QUIET_ROOT_FILES = /^(readme|license|licence|contributing|changelog|security|code_of_conduct|codeowners)(\.[a-z]+)?$/i;

/**
 * Folders at the top of the content folder that belong to the repository a
 * handbook shares, not to the handbook: installed packages and the site's
 * default output folder. Any folder holding a site this tool built is
 * passed over too, whatever its name; so are dot-folders (`.git`, `.github`).
 */
const REPOSITORY_FOLDERS = new Set(['node_modules', 'dist']);

/**
 * Lists the Markdown files of every kind folder. Anything that cannot be
 * content (a PDF in `people/`, a folder `objectivs/`, a link leaving the
 * content folder, a named pipe or device) is reported as `stray-file`, so
 * nothing is dropped silently; hidden files are skipped quietly. Only
 * regular files inside the content folder, after resolving links, are
 * listed, and nothing is opened here. `handbook.yaml` is read-settings.ts's
 * to judge, and so are the files it names for the site (`siteFiles`).
 */
export async function walkContent(contentDir: string, siteFiles: readonly string[] = []): Promise<ContentListing> {
  const root = await fs.realpath(contentDir);
  const entries: ContentEntry[] = [];
  const refused: ContentListing['refused'] = [];
  const problems: Problem[] = [];
  // The files `handbook.yaml` names for the site (a logo, a stylesheet), and the folders holding them, are not stray.
  const named = new Set(siteFiles);
  const siteFolders = new Set(siteFiles.filter((file) => file.includes('/')).map((file) => file.slice(0, file.indexOf('/'))));
  const stray = (file: string, message: string, hint: string) => {
    if (!named.has(file)) problems.push({ rule: 'stray-file', file, anchor: at.file(), message, hint });
  };

  for (const dirent of await fs.readdir(root, { withFileTypes: true })) {
    const name = dirent.name;
    if (name.startsWith('.') || name === SETTINGS_FILE) continue;
    const absolute = path.join(root, name);
    if (dirent.isSymbolicLink() && !(await isInside(absolute, root))) {
      const label = (await fs.stat(absolute).catch(() => undefined))?.isDirectory() ? `${name}/` : name;
      stray(label, `\`${label}\` is a link to a place outside the content folder; it was not read.`, 'Move the folder or file into the content folder instead of linking to it.');
      continue;
    }
    const isDirectory = dirent.isDirectory() || (dirent.isSymbolicLink() && (await isDirectoryInside(absolute, root)));
    if (isDirectory) {
      if (name in KINDS) await walkKind(name as Kind, absolute, name, root, { entries, refused }, stray, new Set());
      else if (REPOSITORY_FOLDERS.has(name) || siteFolders.has(name) || existsSync(path.join(absolute, BUILD_MARKER))) continue;
      else
        stray(
          `${name}/`,
          `The folder \`${name}/\` is not a kind folder, so its files are not part of the handbook.`,
          didYouMean(name, KIND_NAMES).trim() || `Move its files into one of: ${KIND_NAMES.join(', ')}.`,
        );
    } else if (/\.mdx?$/i.test(name) && !QUIET_ROOT_FILES.test(name)) {
      stray(name, `\`${name}\` is outside every kind folder, so it is not part of the handbook.`, `Move it into one of: ${KIND_NAMES.join(', ')}.`);
    }
  }
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  problems.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { entries, refused, problems };
}

type Stray = (file: string, message: string, hint: string) => void;

async function walkKind(
  kind: Kind,
  directory: string,
  relative: string,
  root: string,
  found: Pick<ContentListing, 'entries' | 'refused'>,
  stray: Stray,
  visited: Set<string>,
): Promise<void> {
  const real = await fs.realpath(directory);
  if (visited.has(real)) return; // a link loop: every file was already listed once
  visited.add(real);
  const rules = KINDS[kind];
  const dirents = await fs.readdir(directory, { withFileTypes: true });
  dirents.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const dirent of dirents) {
    const name = dirent.name;
    if (name.startsWith('.')) continue;
    // Not path.join: normalising 30 000 paths that are already normal showed in profiles.
    const absolute = directory.endsWith(path.sep) ? directory + name : directory + path.sep + name;
    const file = `${relative}/${name}`;
    const extension = path.extname(name).toLowerCase();
    const isContentName = extension === '.md' || (extension === '.mdx' && rules.mdx);
    const notRead = (message: string, hint: string) => {
      if (isContentName) found.refused.push({ kind, id: name.slice(0, -extension.length) });
      stray(file, message, hint);
    };
    // Only links need a stat: a plain entry's type is already known.
    let stat: Pick<Dirent, 'isFile' | 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isSymbolicLink'> = dirent;
    let target: string | undefined;
    if (dirent.isSymbolicLink()) {
      target = await fs.realpath(absolute).catch(() => undefined);
      const targetStat = target === undefined ? undefined : await fs.stat(target).catch(() => undefined);
      if (target === undefined || !targetStat) {
        notRead(`\`${file}\` is a broken link; it was not read.`, 'Remove the link or point it at a file inside the content folder.');
        continue;
      }
      if (!isWithin(target, root)) {
        notRead(`\`${file}\` is a link to a place outside the content folder; it was not read.`, 'Copy the file into the content folder instead of linking to it.');
        continue;
      }
      stat = targetStat;
    }
    if (stat.isDirectory()) {
      if (rules.nested) await walkKind(kind, absolute, file, root, found, stray, visited);
      else stray(`${file}/`, `\`${kind}/\` does not use sub-folders, so \`${file}/\` is not read.`, `Move its files directly into \`${kind}/\`.`);
      continue;
    }
    if (!stat.isFile()) {
      notRead(`\`${file}\` is ${describeFileType(stat)}, not a regular file; it was not read.`, 'Only regular files are read: replace it with a Markdown file, or remove it.');
      continue;
    }
    if (isContentName) {
      const entry: ContentEntry = { kind, id: name.slice(0, -extension.length), file, absolutePath: absolute, extension: extension as ContentEntry['extension'] };
      if (target !== undefined) entry.target = target;
      found.entries.push(entry);
    } else if (extension === '.mdx') {
      found.refused.push({ kind, id: name.slice(0, -extension.length) });
      stray(file, `\`${file}\` is MDX, which is only allowed in \`glossary/\`; it was not read.`, 'Rename it to `.md` and remove any JSX or imports.');
    } else {
      stray(file, `\`${file}\` is not a Markdown file, so it is not part of the handbook.`, `Rename it to \`.md\` if it is content, or move it out of \`${kind}/\`.`);
    }
  }
}

async function isInside(absolute: string, root: string): Promise<boolean> {
  const real = await fs.realpath(absolute).catch(() => undefined);
  if (real === undefined) return true; // broken link: reported as such by the caller
  return isWithin(real, root);
}

/** Whether a resolved path is the content folder or inside it. */
export function isWithin(real: string, root: string): boolean {
  return real === root || real.startsWith(root + path.sep);
}

async function isDirectoryInside(absolute: string, root: string): Promise<boolean> {
  if (!(await isInside(absolute, root))) return false;
  return (await fs.stat(absolute).catch(() => undefined))?.isDirectory() ?? false;
}
