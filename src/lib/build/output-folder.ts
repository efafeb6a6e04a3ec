import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { KINDS } from '../load/walk-content.js';
import { BUILD_MARKER, readBuildMarker } from './build-marker.js';

/*
 * Publishing replaces the output folder, so `--out` must never be a folder
 * whose loss would hurt: the handbook itself, the project, the folder the
 * user works in, their home, the disk. `judgeOutputFolder` decides from paths
 * and what the folder holds, touching nothing; `inspectOutputFolder` gathers
 * those from the file system.
 */

/** Where things are, as real paths (links resolved), so a link cannot pass for another folder. */
export interface OutputFolderPlaces {
  out: string;
  content: string;
  /** The okr-handbook project: its package.json, sources and .git. */
  project: string;
  /** The folders the user ran the build from (INIT_CWD, the process's own). */
  workingDirs: readonly string[];
  home: string;
}

/** What is at the output path now. */
export type OutputFolderState =
  | { kind: 'missing' }
  | { kind: 'file' }
  | { kind: 'folder'; empty: boolean; hasMarker: boolean };

export type RefusalReason = 'file-system-root' | 'home' | 'content' | 'contains-content' | 'inside-content' | 'project' | 'working-dir' | 'not-a-folder' | 'unknown-folder';

export interface OutputFolderRefusal {
  reason: RefusalReason;
  /** What is wrong, naming the folder. */
  message: string;
  /** How to fix it. */
  hint: string;
}

/** True when `inner` is `outer` or lies inside it. */
export function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/**
 * Why the build must not publish into `places.out`, or undefined when it may.
 * `force` overrides only a non-empty folder that holds no build marker.
 */
export function judgeOutputFolder(places: OutputFolderPlaces, state: OutputFolderState, { force = false } = {}): OutputFolderRefusal | undefined {
  const { out, content, project, workingDirs, home } = places;
  const elsewhere = 'Choose a new or empty folder of its own, such as `dist/` in the project.';
  if (path.parse(out).root === out) {
    return { reason: 'file-system-root', message: `${out} is the root of the file system.`, hint: elsewhere };
  }
  if (isWithin(home, out)) {
    return { reason: 'home', message: `${out} is ${out === home ? 'your home folder' : `a folder holding your home folder ${home}`}.`, hint: elsewhere };
  }
  if (out === content) {
    return { reason: 'content', message: `${out} is the content folder: the site would replace the handbook.`, hint: `${elsewhere} The site goes beside the handbook, never into it.` };
  }
  if (isWithin(content, out)) {
    return { reason: 'contains-content', message: `${out} holds the content folder ${content}: the site would replace the handbook.`, hint: elsewhere };
  }
  // A handbook at its repository's root builds into a folder at its top, as `dist/`: check passes over a folder holding a built site.
  if (isWithin(out, content) && !isSiteFolderOfRootHandbook(out, content)) {
    return { reason: 'inside-content', message: `${out} is inside the content folder ${content}: the site's files would become part of the handbook.`, hint: `${elsewhere} The site goes beside the handbook, never into it.` };
  }
  if (isWithin(project, out)) {
    return { reason: 'project', message: `${out} ${out === project ? 'is' : 'holds'} the okr-handbook project${out === project ? '' : ` ${project}`}: the site would replace its package.json, sources and .git.`, hint: elsewhere };
  }
  const workingDir = workingDirs.find((dir) => isWithin(dir, out));
  if (workingDir !== undefined) {
    return { reason: 'working-dir', message: `${out} ${out === workingDir ? 'is' : 'holds'} the folder you ran the build from${out === workingDir ? '' : `, ${workingDir}`}: the site would replace it.`, hint: elsewhere };
  }
  if (state.kind === 'file') {
    return { reason: 'not-a-folder', message: `${out} is a file, not a folder.`, hint: elsewhere };
  }
  if (state.kind === 'folder' && !state.empty && !state.hasMarker && !force) {
    return {
      reason: 'unknown-folder',
      message: `${out} is not empty and holds no ${BUILD_MARKER}, so it is not a site this tool built: publishing would replace its files.`,
      hint: `${elsewhere} If it holds a site an older okr-handbook built, delete it once. Or pass --force to build into it anyway: files the build does not write are kept.`,
    };
  }
  return undefined;
}

/** A folder directly in the content folder that is not a kind folder nor hidden: where a handbook at its repository's root puts its site. */
function isSiteFolderOfRootHandbook(out: string, content: string): boolean {
  const name = path.basename(out);
  return path.dirname(out) === content && !(name in KINDS) && !name.startsWith('.');
}

/** A path's real path: the part that exists with its links resolved, the rest appended. */
export function realPath(target: string): string {
  const absolute = path.resolve(target);
  const missing: string[] = [];
  let existing = absolute;
  for (;;) {
    try {
      return path.join(realpathSync.native(existing), ...missing);
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return absolute;
      missing.unshift(path.basename(existing));
      existing = parent;
    }
  }
}

/** What is at `dir`, read without following it anywhere but into the folder itself. */
export function outputFolderState(dir: string): OutputFolderState {
  let stats;
  try {
    stats = statSync(dir);
  } catch {
    return { kind: 'missing' };
  }
  if (!stats.isDirectory()) return { kind: 'file' };
  const entries = readdirSync(dir);
  return { kind: 'folder', empty: entries.length === 0, hasMarker: entries.includes(BUILD_MARKER) && readBuildMarker(dir) !== undefined };
}

export interface OutputFolderPaths {
  out: string;
  content: string;
  project: string;
  workingDirs: readonly string[];
  home: string;
}

/** Resolves the paths and looks at the output folder, for {@link judgeOutputFolder}. */
export function inspectOutputFolder(paths: OutputFolderPaths): { places: OutputFolderPlaces; state: OutputFolderState } {
  const out = realPath(paths.out);
  return {
    places: {
      out,
      content: realPath(paths.content),
      project: realPath(paths.project),
      workingDirs: [...new Set(paths.workingDirs.map(realPath))],
      home: realPath(paths.home),
    },
    state: outputFolderState(out),
  };
}

/** Why the build must not publish into `paths.out`, judged from the file system as it is now. */
export function checkOutputFolder(paths: OutputFolderPaths, options: { force?: boolean } = {}): OutputFolderRefusal | undefined {
  const { places, state } = inspectOutputFolder(paths);
  return judgeOutputFolder(places, state, options);
}
