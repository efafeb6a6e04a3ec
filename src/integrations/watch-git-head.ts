import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { runGit } from '../lib/history/run-git.js';

/** How long to wait after git touches its folder before asking which commit HEAD is: a commit writes several files. */
const SETTLE_MS = 300;

/**
 * Calls `onCommit` when the repository holding `contentDir` moves to another
 * commit (a commit, a merge, a checkout, a pull). Cheap: it watches git's
 * own folder and `logs/` (no recursion), and on a change asks git once
 * which commit HEAD is. Outside git it watches nothing. Returns a function
 * that stops watching.
 */
export async function watchGitHead(contentDir: string, onCommit: () => void): Promise<() => void> {
  const where = await runGit(contentDir, ['rev-parse', '--absolute-git-dir']).catch(() => undefined);
  if (!where || where.status !== 0) return () => {};
  const gitDir = where.stdout.trim();
  const head = async () => (await runGit(contentDir, ['rev-parse', '--verify', '--quiet', 'HEAD']).catch(() => undefined))?.stdout.trim();
  let last = await head();
  let timer: NodeJS.Timeout | undefined;
  const changed = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const now = await head();
      if (now === last) return;
      last = now;
      onCommit();
    }, SETTLE_MS);
  };
  const watchers: FSWatcher[] = [];
  for (const folder of [gitDir, path.join(gitDir, 'logs')]) {
    try {
      const watcher = watch(folder, { persistent: false }, changed);
      watcher.on('error', () => watcher.close());
      watchers.push(watcher);
    } catch {
      // No `logs/` folder (reflogs turned off): git's own folder still sees HEAD, the index and COMMIT_EDITMSG change.
    }
  }
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
