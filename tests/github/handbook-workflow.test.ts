import { runCommand } from '../helpers/run-command.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/build-fixture.js';
import { BASE_HANDBOOK } from '../helpers/fixture-handbook.js';
import { npmRun, type Job } from '../helpers/workflow.js';


const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/handbook.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
};
const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;


const pullRequest = Object.values(workflow.jobs).find((job) => job.if?.includes("'pull_request'"))!;
const publish = Object.values(workflow.jobs).find((job) => job.if?.includes("'push'"))!;
const stepRunning = (job: Job, script: string) => job.steps.find((step) => npmRun(step)?.script === script);

describe('.github/workflows/handbook.yml', () => {
  it('runs on pull requests and on pushes to main', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(pullRequest).toBeDefined();
    expect(publish).toBeDefined();
  });

  it('only calls npm scripts this project has', () => {
    const called = Object.values(workflow.jobs).flatMap((job) => job.steps.map(npmRun).filter((run) => run !== undefined));
    expect(called.length).toBeGreaterThanOrEqual(4);
    for (const { script } of called) expect(Object.keys(scripts)).toContain(script);
  });

  it('on a pull request: installs, checks with annotations, diffs ownership even after a failed check, comments, builds', () => {
    const runs = pullRequest.steps.map((step) => step.run ?? '');
    const order = [/^npm ci$/m, /npm run check /, /npm run --silent diff /, /gh pr comment /, /npm run build$/m].map((what) => runs.findIndex((run) => what.test(run)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    expect(npmRun(stepRunning(pullRequest, 'check')!)!.args).toEqual(['--format', 'github']);
    const diff = stepRunning(pullRequest, 'diff')!;
    expect(diff.if).toContain('!cancelled()');
    expect(diff.run).toContain('--silent'); // npm's banner would end up in the comment
    const output = /> (\S+)/.exec(diff.run!)![1]!;
    const comment = pullRequest.steps.find((step) => step.run?.includes('gh pr comment'))!;
    expect(comment.run).toContain(`--body-file ${output}`);
    expect(pullRequest.permissions?.['pull-requests']).toBe('write');
    // The diff reads the base branch with git, so the checkout needs history.
    expect(pullRequest.steps.find((step) => step.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
  });

  it('on main: builds and uploads the folder the build writes', () => {
    expect(stepRunning(publish, 'build')).toBeDefined();
    const upload = publish.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'))!;
    expect(upload.with?.path).toBe('dist/'); // `npm run build` writes dist/ by default
  });

  it("the check step's command puts each problem on its file and line, in the syntax GitHub documents", () => {
    // A repository with the handbook in content/, one error and one warning in it.
    const repo = mkdtempSync(path.join(tmpdir(), 'okr-handbook-workflow-'));
    const files: Record<string, string> = {
      ...BASE_HANDBOOK,
      'objectives/2026-q3/retention.md': BASE_HANDBOOK['objectives/2026-q3/retention.md']!.replace('owner: priya-shah', 'owner: growth'),
      'people/notes.txt': 'not a person\n',
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(repo, 'content', file)), { recursive: true });
      writeFileSync(path.join(repo, 'content', file), text);
    }
    execFileSync('git', ['init', '-q'], { cwd: repo });

    // The workflow runs `npm run check` from the repository root.
    const { args } = npmRun(stepRunning(pullRequest, 'check')!)!;
    const result = runCommand(['check', ...args], { cwd: repo });
    expect(result.status).toBe(1); // the step fails on errors

    // https://docs.github.com/actions/reference/workflows-and-actions/workflow-commands:
    // ::error file={name},line={line},col={col},title={title}::{message}
    const lines = result.stdout.trimEnd().split('\n');
    const annotations = lines.map((line) => /^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),title=([^,:]+)::(.+)$/.exec(line));
    expect(annotations.every(Boolean)).toBe(true);
    const byRule = new Map(annotations.map((match) => [match![5]!, match!]));

    const owner = byRule.get('owner-individual')!;
    expect(owner[1]).toBe('error');
    expect(owner[2]).toBe('content/objectives/2026-q3/retention.md'); // relative to the repository root
    const text = readFileSync(path.join(repo, owner[2]!), 'utf8').split('\n');
    expect(text[Number(owner[3]) - 1]!.slice(Number(owner[4]) - 1)).toBe('growth');
    expect(owner[6]).toContain('%0A'); // the hint on its own line, newline escaped

    const stray = byRule.get('stray-file')!;
    expect([stray[1], stray[2]]).toEqual(['warning', 'content/people/notes.txt']);
  });
});
