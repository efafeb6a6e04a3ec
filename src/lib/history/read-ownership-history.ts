import { createHash } from 'node:crypto';
import { historyCacheFile, readCachedHistory, writeCachedHistory } from './history-cache.js';
import { logArguments, parseLog, type CommitInfo } from './read-log.js';
import { readBlobs } from './read-blobs.js';
import { frontMatterOf, ownersKey } from './owners-key.js';
import { readOwners, type OwnersSnapshot } from './read-owners.js';
import { firstLine, HistoryUnavailable, runGit } from './run-git.js';

/** One committed version of an objective file: who owned what in it. */
export interface OwnedVersion {
  commit: CommitInfo;
  owners: OwnersSnapshot;
}

export type OwnershipHistory =
  | {
      available: true;
      /** The commit the history was read at; undefined before the first commit. */
      head: string | undefined;
      /** Each objective file's versions, oldest first, by its path relative to the content folder (`objectives/2026-q3/x.md`). */
      files: Map<string, OwnedVersion[]>;
    }
  | {
      available: false;
      /** Why, and what to do about it: said once on the build's output. */
      notice: string;
    };

const NO_HISTORY = 'the pages show no ownership history';

/**
 * Reads the history of every objective file in the content folder's git
 * repository: one `git log` over the objectives folder, then one
 * `git cat-file --batch` for the past versions, each read with the loader
 * `check` uses. Outside git, in a shallow clone, without git, or when git
 * fails, the history is unavailable with a notice saying why: nothing fails.
 * With `cacheDir`, the history read at a commit is kept there, and read
 * from there while `HEAD` is that commit (a second build, `dev`).
 */
export async function readOwnershipHistory(contentDir: string, options: { cacheDir?: string } = {}): Promise<OwnershipHistory> {
  try {
    return await readHistory(contentDir, options.cacheDir);
  } catch (error) {
    // The history is an extra: whatever goes wrong reading it, the handbook still builds.
    const reason = error instanceof HistoryUnavailable ? error.message : `the history could not be read (${error instanceof Error ? error.message : String(error)})`;
    return { available: false, notice: `${capitalize(reason)}, so ${NO_HISTORY}.` };
  }
}

async function readHistory(contentDir: string, cacheDir: string | undefined): Promise<OwnershipHistory> {
  const where = await runGit(contentDir, ['rev-parse', '--show-toplevel', '--show-prefix', '--is-shallow-repository']);
  if (where.status !== 0) {
    if (/not a git repository/i.test(where.stderr)) return { available: false, notice: `The content folder is not in a git repository, so ${NO_HISTORY}.` };
    throw new HistoryUnavailable(`git could not find the repository (${firstLine(where.stderr)})`);
  }
  const [root = '', prefix = '', shallow = ''] = where.stdout.split('\n');
  if (shallow.trim() === 'true') {
    return {
      available: false,
      notice: `This is a shallow clone, so ${NO_HISTORY}. Fetch the whole history with \`git fetch --unshallow\` (in a GitHub Actions workflow, check out with \`fetch-depth: 0\`).`,
    };
  }
  const head = await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  // A repository without a commit yet: nothing is committed, every owner is new.
  if (head.status !== 0) return { available: true, head: undefined, files: new Map() };
  const headId = head.stdout.trim();
  const cacheFile = cacheDir === undefined ? undefined : historyCacheFile(cacheDir, root, prefix);
  const cached = cacheFile && (await readCachedHistory(cacheFile, headId));
  if (cached) return { available: true, head: headId, files: cached };

  const log = await runGit(root, logArguments(`${prefix}objectives`));
  if (log.status !== 0) throw new HistoryUnavailable(`\`git log\` failed (${firstLine(log.stderr)})`);
  // Paths relative to the objectives folder.
  const chains = parseLog(log.stdout);

  const blobs = new Set<string>();
  for (const [file, versions] of chains) {
    if (!isMarkdown(file)) continue;
    for (const version of versions) blobs.add(version.blob);
  }
  const owners = await readVersions(root, [...blobs]);

  const files = new Map<string, OwnedVersion[]>();
  for (const [file, versions] of chains) {
    if (!isMarkdown(file)) continue;
    const read: OwnedVersion[] = [];
    for (const version of versions) {
      // A version that could not be read (broken YAML, not UTF-8) is skipped.
      const snapshot = owners.get(version.blob);
      if (snapshot) read.push({ commit: version.commit, owners: snapshot });
    }
    files.set(`objectives/${file}`, read);
  }
  if (cacheFile) await writeCachedHistory(cacheFile, headId, files);
  return { available: true, head: headId, files };
}

function isMarkdown(file: string): boolean {
  return file.toLowerCase().endsWith('.md');
}

/**
 * The owners in each blob. Most commits to an objective file change its
 * body, a title or a metric, not its owners. A version whose front matter is
 * the same text as one already seen is not looked at again (a hash of it is
 * all it costs); one with the same {@link ownersKey} as one already read is
 * not parsed again.
 */
async function readVersions(root: string, ids: string[]): Promise<Map<string, OwnersSnapshot | undefined>> {
  const byBlob = new Map<string, OwnersSnapshot | undefined>();
  const byFrontMatter = new Map<string, OwnersSnapshot | undefined>();
  const byKey = new Map<string, OwnersSnapshot | undefined>();
  const remember = <K>(map: Map<K, OwnersSnapshot | undefined>, key: K, read: () => OwnersSnapshot | undefined) => {
    if (map.has(key)) return map.get(key);
    const snapshot = read();
    map.set(key, snapshot);
    return snapshot;
  };
  await readBlobs(root, ids, (id, text) => {
    const frontMatter = frontMatterOf(text);
    const hash = createHash('sha1').update(frontMatter).digest('base64');
    byBlob.set(
      id,
      remember(byFrontMatter, hash, () => remember(byKey, ownersKey(frontMatter), () => readOwners(text))),
    );
  });
  return byBlob;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
