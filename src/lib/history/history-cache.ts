import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CommitInfo } from './read-log.js';
import type { OwnedVersion } from './read-ownership-history.js';
import type { OwnerField, OwnersSnapshot } from './read-owners.js';

/** Raised whenever what is cached, or how it is read, changes: an older cache is then not used. */
const FORMAT = 1;
/** Cached histories kept, newest first: one per content folder built on this machine lately. */
const KEEP = 8;

/**
 * The history as read at one commit, stored compactly: each commit and
 * each distinct owners snapshot once, each version as a pair of indexes.
 */
interface Stored {
  format: number;
  head: string;
  commits: [hash: string, shortHash: string, date: string, subject: string][];
  owners: [objective: OwnerField, keyResults: [id: string, field: OwnerField][]][];
  files: [file: string, versions: [commit: number, owners: number][]][];
}

/**
 * Where the ownership history of the content folder `prefix` of the
 * repository `root` is cached: one file per content folder, in the build's
 * cache folder (`node_modules/.cache/okr-handbook/ownership-history/`).
 */
export function historyCacheFile(cacheDir: string, root: string, prefix: string): string {
  const name = createHash('sha1').update(`${root}\0${prefix}`).digest('hex').slice(0, 16);
  return path.join(cacheDir, 'ownership-history', `${name}.json`);
}

/**
 * The files' versions as cached when the history was read at `head`;
 * undefined when nothing usable is cached. A commit id names its whole
 * history, so a history read at the same `HEAD` is the same history.
 */
export async function readCachedHistory(file: string, head: string): Promise<Map<string, OwnedVersion[]> | undefined> {
  let stored: Stored;
  try {
    stored = JSON.parse(await fs.readFile(file, 'utf8')) as Stored;
  } catch {
    return undefined;
  }
  if (stored?.format !== FORMAT || stored.head !== head) return undefined;
  try {
    const commits = stored.commits.map(([hash, shortHash, date, subject]): CommitInfo => ({ hash, shortHash, date, subject }));
    const owners = stored.owners.map(([objective, keyResults]): OwnersSnapshot => ({ objective, keyResults: new Map(keyResults) }));
    const files = new Map<string, OwnedVersion[]>();
    for (const [name, versions] of stored.files) {
      files.set(
        name,
        versions.map(([commit, snapshot]) => {
          const version = { commit: commits[commit]!, owners: owners[snapshot]! };
          if (!version.commit || !version.owners) throw new Error('a version names a commit or owners not stored');
          return version;
        }),
      );
    }
    return files;
  } catch {
    // Damaged (cut short, edited by hand): read the history from git again.
    return undefined;
  }
}

/**
 * Caches the files' versions as read at `head`, then keeps only the
 * {@link KEEP} most recently written histories. A cache that cannot be
 * written is not an error: the next build reads the history from git.
 */
export async function writeCachedHistory(file: string, head: string, files: ReadonlyMap<string, readonly OwnedVersion[]>): Promise<void> {
  const commitIndex = new Map<CommitInfo, number>();
  const ownersIndex = new Map<OwnersSnapshot, number>();
  const stored: Stored = { format: FORMAT, head, commits: [], owners: [], files: [] };
  for (const [name, versions] of files) {
    const pairs: [number, number][] = [];
    for (const { commit, owners } of versions) {
      let c = commitIndex.get(commit);
      if (c === undefined) {
        c = stored.commits.push([commit.hash, commit.shortHash, commit.date, commit.subject]) - 1;
        commitIndex.set(commit, c);
      }
      // Versions with the same owners share one snapshot object (see readVersions), so most are stored once.
      let o = ownersIndex.get(owners);
      if (o === undefined) {
        o = stored.owners.push([owners.objective, [...owners.keyResults]]) - 1;
        ownersIndex.set(owners, o);
      }
      pairs.push([c, o]);
    }
    stored.files.push([name, pairs]);
  }
  const folder = path.dirname(file);
  // Written beside, then renamed: a build reading it meanwhile sees the old file or the new one, never half of one.
  const partial = `${file}.${process.pid}.partial`;
  try {
    await fs.mkdir(folder, { recursive: true });
    await fs.writeFile(partial, JSON.stringify(stored));
    await fs.rename(partial, file);
    await pruneOldest(folder);
  } catch {
    await fs.rm(partial, { force: true }).catch(() => {});
  }
}

async function pruneOldest(folder: string): Promise<void> {
  const names = (await fs.readdir(folder)).filter((name) => name.endsWith('.json'));
  if (names.length <= KEEP) return;
  const dated = await Promise.all(
    names.map(async (name) => ({ name, time: (await fs.stat(path.join(folder, name)).catch(() => undefined))?.mtimeMs ?? 0 })),
  );
  dated.sort((a, b) => b.time - a.time);
  await Promise.all(dated.slice(KEEP).map(({ name }) => fs.rm(path.join(folder, name), { force: true })));
}
