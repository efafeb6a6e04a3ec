import { runCommand } from '../../helpers/run-command.js';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FixtureRepository } from './git-fixture.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const RETENTION = 'objectives/2026-q3/retention.md';

/** Spawns the real command in `cwd`, as a user would; `INIT_CWD` is what `npm run` sets to the folder it was run from. */
function runDiff(cwd: string, args: string[], initCwd?: string) {
  return runCommand(['diff', ...args], { cwd, env: { INIT_CWD: initCwd } });
}

/** A branch that hands a key result to someone else and gives an objective to a team. */
function changedRepository(): FixtureRepository {
  const repository = FixtureRepository.withHandbook();
  repository
    .edit(RETENTION, 'owner: sam-okafor\n    accepted: 2026-06-27', 'owner: priya-shah\n    accepted: 2026-07-02')
    .edit(RETENTION, 'owner: priya-shah\naccepted', 'owner: growth\naccepted');
  repository.commit('Hand over churn; the growth team owns retention');
  return repository;
}

describe('npm run diff', () => {
  it('markdown: prints the owner changes and the new problem, exits 0', () => {
    const repository = changedRepository();
    const { status, stdout, stderr } = runDiff(repository.dir, ['main', '--content', 'content']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^### Ownership changes\n\nHandbook `content` at `main` \([0-9a-f]{7}\) → `HEAD` \([0-9a-f]{7}\)\.\n/);
    expect(stdout).toContain('| objective | `retention` | “Keep the customers we win” | Priya Shah (`priya-shah`) → `growth` (not a person in the handbook) |');
    expect(stdout).toContain('| key result | `q3-churn` | “Cut churn from 5% to 3%” | Sam Okafor (`sam-okafor`) → Priya Shah (`priya-shah`) | 2026-07-02 |');
    expect(stdout).toContain('#### New validation problems (1)\n\n- `content/objectives/2026-q3/retention.md:5` **error** `owner-individual`: ');
  });

  it('json: from a sub-folder of the repository, as `npm run` passes it in INIT_CWD, with refs given both', () => {
    const repository = changedRepository();
    const contentDir = path.join(repository.dir, 'content');
    const { status, stdout } = runDiff(repository.dir, ['main', 'change', '--content', '.', '--format', 'json'], contentDir);
    expect(status).toBe(0);
    const diff = JSON.parse(stdout);
    expect(Object.keys(diff)).toEqual(['base', 'head', 'content', 'objectives', 'keyResults', 'ownerChanges', 'sponsorChanges', 'confidenceMoves', 'stateMoves', 'problems', 'notCompared']);
    expect(diff.base).toEqual({ ref: 'main', commit: repository.git('rev-parse', 'main'), contentFound: true });
    expect(diff.head).toMatchObject({ ref: 'change', contentFound: true });
    expect(diff.content).toBe('content');
    expect(diff.ownerChanges.map((c: { id: string; from: { id: string }; to: { id: string } }) => `${c.id}: ${c.from.id} → ${c.to.id}`)).toEqual([
      'retention: priya-shah → growth',
      'q3-churn: sam-okafor → priya-shah',
    ]);
    expect(diff.problems.introduced).toMatchObject([{ file: `content/${RETENTION}`, line: 5, rule: 'owner-individual', severity: 'error' }]);
  });

  it("from okr-handbook's own folder, diffs the repository that holds --content, as check does", () => {
    const repository = changedRepository();
    const { status, stdout, stderr } = runDiff(ROOT, ['main', 'change', '--content', path.join(repository.dir, 'content'), '--format', 'json']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(stdout).base.commit).toBe(repository.git('rev-parse', 'main'));
  });

  it('exits 2 naming an unknown ref', () => {
    const repository = changedRepository();
    const { status, stdout, stderr } = runDiff(repository.dir, ['mian']);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('`mian` is not a commit, branch or tag of this repository.');
    expect(stderr).toContain('Usage: okr-handbook diff BASE [HEAD]');
  });
});
