import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Git could not be run, or refused: a usage-level failure with a message for the user. */
export class GitError extends Error {}

/** Large enough for a handbook of tens of thousands of files in one `cat-file --batch` answer. */
const MAX_OUTPUT = 2 * 1024 * 1024 * 1024 - 1;

interface GitRun {
  status: number;
  stdout: Buffer;
  stderr: string;
}

/** Runs git without a shell; a missing git binary is a {@link GitError}. */
function runGit(cwd: string, args: readonly string[], input?: string): GitRun {
  const result = spawnSync('git', args, { cwd, input, maxBuffer: MAX_OUTPUT, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  if (result.error) {
    const code = (result.error as NodeJS.ErrnoException).code;
    throw new GitError(code === 'ENOENT' ? 'Git is not installed or not on the PATH; the diff reads the handbook with git.' : `Git could not be run: ${result.error.message}`);
  }
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr.toString('utf8').trim() };
}

/** The top folder of the repository that holds `cwd`. */
export function findRepositoryRoot(cwd: string): string {
  const run = runGit(cwd, ['rev-parse', '--show-toplevel']);
  if (run.status !== 0) throw new GitError(`\`${cwd}\` is not inside a git repository (${run.stderr || 'git rev-parse failed'}).`);
  return run.stdout.toString('utf8').trim();
}

/** The commit a ref names (a branch, tag, `HEAD~1`, a hash); an unknown ref is a {@link GitError} naming it. */
export function resolveCommit(root: string, ref: string): string {
  // `--end-of-options` keeps a ref such as `--all` from being read as an option.
  const run = runGit(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`]);
  if (run.status !== 0) {
    const shallow = runGit(root, ['rev-parse', '--is-shallow-repository']).stdout.toString('utf8').trim() === 'true';
    const hint = shallow ? ' This clone is shallow: fetch the history first (in a workflow, check out with `fetch-depth: 0`).' : '';
    throw new GitError(`\`${ref}\` is not a commit, branch or tag of this repository.${hint}`);
  }
  return run.stdout.toString('utf8').trim();
}

interface TreeEntry {
  mode: string;
  type: string;
  object: string;
  path: string;
}

/**
 * Writes the files under `contentPath` (relative to the repository root,
 * `/`-separated, `''` for the root itself) as they are at `commit` into
 * `target`, without touching the working tree. Returns false when the
 * folder does not exist at that commit.
 *
 * Reads the tree with `ls-tree` and the files with one `cat-file --batch`
 * rather than `git archive`, which would honour `export-ignore` and drop
 * files silently.
 */
export function exportContent(root: string, commit: string, contentPath: string, target: string): boolean {
  const treeish = `${commit}:${contentPath}`;
  const type = runGit(root, ['cat-file', '-t', treeish]);
  if (type.status !== 0 || type.stdout.toString('utf8').trim() !== 'tree') return false;

  const listing = runGit(root, ['ls-tree', '-r', '-z', treeish]);
  if (listing.status !== 0) throw new GitError(`git could not list \`${contentPath || '.'}\` at ${commit.slice(0, 12)}: ${listing.stderr}`);
  const entries = parseTree(listing.stdout.toString('utf8')).filter((entry) => entry.type === 'blob' && isSafePath(entry.path));
  mkdirSync(target, { recursive: true });
  if (entries.length === 0) return true;

  const batch = runGit(root, ['cat-file', '--batch'], entries.map((entry) => `${entry.object}\n`).join(''));
  if (batch.status !== 0) throw new GitError(`git could not read the files of \`${contentPath || '.'}\` at ${commit.slice(0, 12)}: ${batch.stderr}`);
  const contents = parseBatch(batch.stdout);
  entries.forEach((entry, index) => {
    const content = contents[index];
    if (content === undefined) throw new GitError(`git gave no content for \`${entry.path}\` at ${commit.slice(0, 12)}.`);
    const file = path.join(target, ...entry.path.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    // A symbolic link is written as one, so `check`'s rules about links apply to it as they would in a checkout.
    if (entry.mode === '120000') symlinkSync(content.toString('utf8'), file);
    else writeFileSync(file, content);
  });
  return true;
}

/** `<mode> SP <type> SP <object> TAB <path> NUL`, repeated. */
function parseTree(text: string): TreeEntry[] {
  const entries: TreeEntry[] = [];
  for (const record of text.split('\0')) {
    if (record === '') continue;
    const tab = record.indexOf('\t');
    const [mode = '', type = '', object = ''] = record.slice(0, tab).split(' ');
    entries.push({ mode, type, object, path: record.slice(tab + 1) });
  }
  return entries;
}

/** Git refuses such paths in trees; checked anyway, since they are written to disk. */
function isSafePath(file: string): boolean {
  return file.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..') && !path.isAbsolute(file);
}

/** `<object> SP <type> SP <size> LF <content> LF`, repeated, in the order asked. */
function parseBatch(output: Buffer): Buffer[] {
  const contents: Buffer[] = [];
  let offset = 0;
  while (offset < output.length) {
    const newline = output.indexOf(0x0a, offset);
    if (newline < 0) break;
    const header = output.subarray(offset, newline).toString('utf8').split(' ');
    if (header[1] === 'missing' || header.length < 3) throw new GitError(`git could not find object ${header[0]}.`);
    const size = Number(header[2]);
    contents.push(output.subarray(newline + 1, newline + 1 + size));
    offset = newline + 1 + size + 1;
  }
  return contents;
}
