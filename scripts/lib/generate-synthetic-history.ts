// Gives a synthetic handbook (generate-synthetic-handbook.ts) a git history,
// for the ownership ledger's benchmark: `commitsPerObjective` commits touch
// each objective file, written with one `git fast-import` (tens of thousands
// of commits in seconds). The newest commit holds the files exactly as
// generated. Earlier versions differ the way real ones do: most commits edit
// the body or a title, every tenth hands a key result to another owner (who
// accepts in the next commit), and one objective in ten starts in another
// cycle's folder and is moved to its own halfway.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const START = Date.UTC(2025, 0, 6) / 1000;
const STEP_S = 600;

export async function generateSyntheticHistory(repositoryDir: string, contentFolder: string, commitsPerObjective: number): Promise<{ commits: number }> {
  const content = path.join(repositoryDir, contentFolder);
  const files = (readdirSync(content, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => file.endsWith('.md') || file.endsWith('.yaml')).sort();
  const objectives = files.filter((file) => file.startsWith(`objectives${path.sep}`));
  const others = files.filter((file) => !objectives.includes(file));
  const text = new Map(files.map((file) => [file, readFileSync(path.join(content, file), 'utf8')]));
  const repoPath = (file: string) => `${contentFolder}/${file.split(path.sep).join('/')}`;

  git(repositoryDir, 'init', '-q', '-b', 'main');
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: repositoryDir, stdio: ['pipe', 'inherit', 'inherit'] });
  const finished = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? 1)));
  let time = START;
  let commits = 0;
  let buffered: string[] = [];
  let size = 0;
  const write = async (chunk: string) => {
    buffered.push(chunk);
    size += chunk.length;
    if (size < 1 << 20) return;
    const ok = child.stdin.write(buffered.join(''));
    buffered = [];
    size = 0;
    if (!ok) await new Promise((resolve) => child.stdin.once('drain', resolve));
  };
  const data = (value: string) => `data ${Buffer.byteLength(value)}\n${value}\n`;
  const commit = async (message: string, changes: string) => {
    time += STEP_S;
    commits++;
    await write(`commit refs/heads/main\ncommitter Bench <bench@example.com> ${time} +0000\n${data(message)}${changes}`);
  };
  const modify = (file: string, value: string) => `M 100644 inline ${file}\n${data(value)}`;

  // The first commit: every file, objectives at their first version.
  await commit('Start the handbook', [...others.map((file) => modify(repoPath(file), text.get(file)!)), ...objectives.map((file, i) => modify(startPath(file, i), version(text.get(file)!, 0, commitsPerObjective)))].join(''));
  for (let round = 1; round < commitsPerObjective; round++) {
    for (const [i, file] of objectives.entries()) {
      const moveAt = Math.floor(commitsPerObjective / 2);
      const moved = startPath(file, i) !== repoPath(file);
      const value = version(text.get(file)!, round, commitsPerObjective);
      if (moved && round === moveAt) await commit(`Move ${path.basename(file, '.md')} to its cycle`, `D ${startPath(file, i)}\n${modify(repoPath(file), value)}`);
      else await commit(`Update ${path.basename(file, '.md')} (${round})`, modify(moved && round < moveAt ? startPath(file, i) : repoPath(file), value));
    }
  }
  await write('done\n');
  child.stdin.end(buffered.join(''));
  if ((await finished) !== 0) throw new Error('git fast-import failed');
  // The working tree already holds the newest files: only the index is missing.
  git(repositoryDir, 'reset', '-q');
  return { commits };

  /** One objective in ten starts in another cycle's folder. */
  function startPath(file: string, index: number): string {
    if (index % 10 !== 0) return repoPath(file);
    return repoPath(file).replace(/\/objectives\/([^/]+)\//, (_, cycle: string) => `/objectives/${cycle === '2026-q1' ? '2026-q2' : '2026-q1'}/`);
  }
}

/**
 * The file as it was `round` commits in (of `rounds`); the last round is the
 * file itself. Every tenth round before the last fifth hands the first key
 * result to its first initiative's owner, with `accepted` blank; the round after,
 * they accept. Other rounds edit the body (two in three) or the title.
 */
function version(final: string, round: number, rounds: number): string {
  if (round === rounds - 1) return final;
  let text = final;
  const handover = Math.floor(round / 10) % 2 === 1 && round < rounds * 0.8;
  if (handover) {
    // The first initiative's owner: never the key result's own.
    const next = /\n        owner: (\S+)/.exec(text)?.[1];
    const acceptedNow = round % 10 !== 0;
    text = text.replace(/(\n  - id: \S+\n    title: [^\n]*\n    owner: )\S+\n    accepted: \S+/, (_, head: string) => `${head}${next}\n    accepted:${acceptedNow ? ' 2025-12-01' : ''}`);
  }
  if (round % 3 === 2) text = text.replace(/^title: (.*)$/m, (_, title: string) => `title: ${title} (draft ${round})`);
  else text = `${text}\nEdited in round ${round}.\n`;
  return text;
}

function git(cwd: string, ...args: string[]): void {
  const result = spawnSync('git', args, { cwd, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) throw new Error(`git ${args[0]} failed`);
}
