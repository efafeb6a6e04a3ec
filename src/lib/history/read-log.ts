/** One commit of the history, as the ledger shows it. */
export interface CommitInfo {
  hash: string;
  /** Git's abbreviation (`%h`), unique in the repository when it was read. */
  shortHash: string;
  /** The day the commit was made (committer date, in the committer's time zone), `YYYY-MM-DD`. */
  date: string;
  /** The first line of its message. */
  subject: string;
}

/** A file's content at one commit. */
export interface FileVersion {
  commit: CommitInfo;
  /** The blob holding the file's text at that commit. */
  blob: string;
}

/**
 * The arguments of the one `git log` pass over the folder `folder`
 * (relative to the repository's root); the paths it gives are relative to
 * that folder. The folder limits the changes shown (`--relative`), not the
 * commits walked (a pathspec): with a pathspec, git compares each commit's
 * trees twice, once to decide whether to show the commit and once for the
 * changes, which made the pass almost twice as slow. A commit that changes
 * nothing in the folder is listed without changes.
 */
export function logArguments(folder: string): string[] {
  return [
    // No pager, no colour, no signature checks: plain data, whatever the user's configuration says.
    '--no-pager', '-c', 'log.showSignature=false', 'log',
    // The branch as it landed: a merged pull request is its merge commit, compared with the branch it was merged into.
    '--first-parent', '-m',
    // Renames (a file moved to another cycle's folder) are followed.
    // Blob ids come abbreviated as commit ids do (`%h`): unique in the repository, and `cat-file` reads them.
    '-M', '--raw', '-z', '--no-color', '--no-ext-diff', '--no-textconv',
    '--format=%H%x00%h%x00%cI%x00%s%x00',
    // A path prefix, not a pathspec: nothing in it is magic. The slash keeps `objectives-old/` out.
    `--relative=${folder}/`,
    '--end-of-options', 'HEAD', '--',
  ];
}

/**
 * Parses the output of {@link logArguments} (newest commit first) into each
 * file's versions, oldest first, keyed by the file's path at the newest
 * commit. A file renamed or moved keeps its versions under its new path;
 * so does one deleted and added again under the same name in another
 * folder in the same commit (a move git did not see as a rename, because
 * the file changed too much). Deleted files are left out.
 */
export function parseLog(output: string): Map<string, FileVersion[]> {
  const commits = parseCommits(output);
  const live = new Map<string, FileVersion[]>();
  // Oldest first, so that each change applies to the files as they then were.
  for (let c = commits.length - 1; c >= 0; c--) {
    const { commit, changes } = commits[c]!;
    const deleted = new Map<string, FileVersion[]>();
    for (const change of changes) {
      if (change.status === 'D') {
        const versions = live.get(change.path);
        live.delete(change.path);
        if (versions) deleted.set(baseName(change.path), versions);
      }
    }
    for (const change of changes) {
      if (change.status === 'D') continue;
      let versions: FileVersion[] | undefined;
      if (change.status === 'R' && change.from !== undefined) {
        versions = live.get(change.from);
        live.delete(change.from);
      } else if (change.status === 'A') {
        versions = deleted.get(baseName(change.path));
        deleted.delete(baseName(change.path));
      } else {
        versions = live.get(change.path);
      }
      versions ??= [];
      // A symbolic link or a submodule has no text of its own to read.
      if (change.regular) versions.push({ commit, blob: change.blob });
      live.set(change.path, versions);
    }
  }
  return live;
}

interface Change {
  status: string;
  path: string;
  /** The path before a rename or copy. */
  from?: string;
  /** The blob after the change. */
  blob: string;
  /** A regular file (mode 100644 or 100755). */
  regular: boolean;
}

function baseName(file: string): string {
  return file.slice(file.lastIndexOf('/') + 1);
}

/**
 * `<hash> NUL <short> NUL <date> NUL <subject> NUL NUL`, then per changed
 * file `[LF]:<modes> <blobs> <status> NUL <path> NUL [<path> NUL]`.
 * Fields are read by position, so a subject or a path may hold anything
 * but a NUL.
 */
function parseCommits(output: string): { commit: CommitInfo; changes: Change[] }[] {
  const tokens = output.split('\0');
  const commits: { commit: CommitInfo; changes: Change[] }[] = [];
  let current: { commit: CommitInfo; changes: Change[] } | undefined;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i++]!.replace(/^\n/, '');
    if (token === '') continue;
    if (token.startsWith(':')) {
      const [, newMode = '', , blob = '', status = ''] = token.slice(1).split(' ');
      const letter = status.charAt(0);
      const first = tokens[i++] ?? '';
      const second = letter === 'R' || letter === 'C' ? tokens[i++] : undefined;
      current?.changes.push({
        status: letter,
        path: second ?? first,
        ...(second !== undefined && { from: first }),
        blob,
        regular: newMode === '100644' || newMode === '100755',
      });
      continue;
    }
    const [shortHash = '', date = '', subject = ''] = tokens.slice(i, i + 3);
    i += 3;
    current = { commit: { hash: token, shortHash, date: date.slice(0, 10), subject }, changes: [] };
    commits.push(current);
  }
  return commits;
}
