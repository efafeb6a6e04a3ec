import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { npmRun, type Job } from '../../helpers/workflow.js';
import { z } from 'zod';
import { runCheckCommand } from '../../../src/lib/cli/check-command.js';
import { isCalendarDate } from '../../../src/lib/dates.js';
import { parseYaml, readFrontMatter } from '../../../src/lib/load/front-matter.js';
import { quarterOf } from '../../../src/lib/scaffold/current-quarter.js';
import { HANDBOOK_SCRIPTS, planPackageJson } from '../../../src/lib/scaffold/handbook-package-json.js';
import { planInit, packageName, writeInit } from '../../../src/lib/scaffold/init-handbook.js';
import { readOkrHandbookManifest } from '../../../src/lib/package-root.js';
import { generateStarterHandbook } from '../../../src/lib/scaffold/starter-handbook.js';
import { readStarterFiles, starterDestination } from '../../../src/lib/scaffold/starter-files.js';
import { generateJsonSchemas, JSON_SCHEMA_FILE_BY_KIND, SETTINGS_JSON_SCHEMA_FILE } from '../../../src/lib/schema/json-schema.js';
import type { Kind } from '../../../src/lib/load/walk-content.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const manifest = readOkrHandbookManifest();
const starter = readStarterFiles(path.join(ROOT, 'starter'));
const answers = { organization: 'Acme', person: { id: 'lee-wong', name: 'Lee Wong' }, team: { id: 'leadership', name: 'Leadership' }, today: '2026-12-01' };

describe("okr-handbook's own package", () => {
  it('is found above the module, with the engines and allowed install scripts of its package.json', () => {
    const own = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(manifest).toEqual({ root: ROOT, engines: own.engines, allowScripts: own.allowScripts });
  });
});

describe('quarterOf', () => {
  it.each([
    ['2026-12-01', { id: '2026-q4', title: '2026 Q4', start: '2026-10-01', end: '2026-12-31' }],
    ['2027-01-15', { id: '2027-q1', title: '2027 Q1', start: '2027-01-01', end: '2027-03-31' }],
    ['2027-01-01', { id: '2027-q1', title: '2027 Q1', start: '2027-01-01', end: '2027-03-31' }],
    ['2026-04-01', { id: '2026-q2', title: '2026 Q2', start: '2026-04-01', end: '2026-06-30' }],
    ['2026-09-30', { id: '2026-q3', title: '2026 Q3', start: '2026-07-01', end: '2026-09-30' }],
  ])('%s is in %o', (date, quarter) => expect(quarterOf(date)).toEqual(quarter));
});

describe('the static starter files', () => {
  it('are written with a leading dot where the repository needs one, though npm pack would drop .gitignore', () => {
    expect(starterDestination('gitignore')).toBe('.gitignore');
    expect(starterDestination('github/workflows/handbook.yml')).toBe('.github/workflows/handbook.yml');
    expect(starterDestination('glossary/okr-owner.md')).toBe('glossary/okr-owner.md');
    expect(starter.map((file) => file.file)).toEqual(
      expect.arrayContaining(['.gitignore', '.github/workflows/handbook.yml', '.vscode/settings.json', 'README.md', 'glossary/okr-owner.md']),
    );
    expect(existsSync(path.join(ROOT, 'starter/.gitignore'))).toBe(false);
  });

  it('ignore node_modules/ and dist/ in git', () => {
    const ignored = starter.find((file) => file.file === '.gitignore')!.text.split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['node_modules/', 'dist/']));
  });

  it('map the installed settings schema to handbook.yaml for the editor', () => {
    const settings = JSON.parse(starter.find((file) => file.file === '.vscode/settings.json')!.text);
    const mapped = Object.entries(settings['yaml.schemas'] as Record<string, string>);
    expect(mapped).toEqual([['./node_modules/okr-handbook/public/schema/handbook-settings.json', 'handbook.yaml']]);
    // The schema the installed package holds is this repository's public/schema/ file.
    expect(existsSync(path.join(ROOT, mapped[0]![0].replace('./node_modules/okr-handbook/', '')))).toBe(true);
  });
});

/* The editor JSON Schemas, as tests/lib/schema/json-schema.test.ts checks the demo with them. */
const ajv = new Ajv({ allErrors: true, strictTuples: false });
ajv.addFormat('date', isCalendarDate);
ajv.addFormat('email', (value: string) => z.email().safeParse(value).success);
ajv.addFormat('uri', (value: string) => z.url().safeParse(value).success);
const validators = new Map([...generateJsonSchemas()].map(([file, schema]) => [file, ajv.compile(schema)]));

function schemaErrors(file: string, text: string): string[] {
  const settings = file === 'handbook.yaml';
  const parsed = settings ? parseYaml(text) : readFrontMatter(text);
  const data = 'data' in parsed ? parsed.data : undefined;
  expect(data, file).toBeDefined();
  const validate = validators.get(settings ? SETTINGS_JSON_SCHEMA_FILE : JSON_SCHEMA_FILE_BY_KIND[file.split('/')[0] as Kind])!;
  return validate(data) ? [] : (validate.errors ?? []).map((error) => `${file}: ${error.instancePath || '/'} ${error.message}`);
}

describe('the starter handbook', () => {
  const handbookFiles = [...starter.filter((file) => file.file.startsWith('glossary/')), ...generateStarterHandbook(answers)];

  it('passes the editor JSON Schemas, file by file', () => {
    expect(handbookFiles.map((file) => file.file.split('/')[0])).toEqual(
      expect.arrayContaining(['glossary', 'handbook.yaml', 'cycles', 'teams', 'people', 'objectives', 'reviews']),
    );
    expect(handbookFiles.flatMap(({ file, text }) => schemaErrors(file, text))).toEqual([]);
  });

  it('has three to five glossary terms about ownership', () => {
    const terms = handbookFiles.filter((file) => file.file.startsWith('glossary/')).map((file) => path.basename(file.file, '.md'));
    expect(terms.length).toBeGreaterThanOrEqual(3);
    expect(terms.length).toBeLessThanOrEqual(5);
    expect(terms).toEqual(expect.arrayContaining(['okr-owner', 'single-threaded-ownership', 'accountability']));
  });

  it('has a key result whose target counts the weeks left in the cycle', () => {
    const objective = generateStarterHandbook({ ...answers, today: '2026-12-25' }).find((file) => file.file.startsWith('objectives/'))!;
    expect(objective.text).toContain('metric: { baseline: 0, target: 1, unit: check-ins }');
    const early = generateStarterHandbook({ ...answers, today: '2026-10-01' }).find((file) => file.file.startsWith('objectives/'))!;
    expect(early.text).toContain('target: 14,'); // 92 days
  });
});

describe('package.json', () => {
  const settings = { name: 'acme', version: '1.2.3', manifest };

  it('says when an existing one already had everything', () => {
    const complete = planPackageJson(undefined, settings).text;
    const again = planPackageJson(complete, settings);
    expect(again.text).toBe(complete);
    expect(again.notes).toEqual(['It already had everything init adds.', 'Kept the dependency `okr-handbook` as `^1.2.3`.']);
  });

  it('keeps okr-handbook where it is, in devDependencies too', () => {
    const plan = planPackageJson(JSON.stringify({ devDependencies: { 'okr-handbook': '^1.0.0' } }), settings);
    const json = JSON.parse(plan.text);
    expect(json.devDependencies).toEqual({ 'okr-handbook': '^1.0.0' });
    expect(json.dependencies).toEqual({});
  });

  it('is named after the folder, never okr-handbook itself (npm refuses to install a package into its namesake)', () => {
    expect(packageName('Acme OKRs')).toBe('acme-okrs');
    expect(packageName('okr-handbook')).toBe('okr-handbook-content');
    expect(packageName('.')).toBe('okr-handbook-content');
  });
});


describe('the starter workflow, .github/workflows/handbook.yml', () => {
  const workflow = parse(starter.find((file) => file.file === '.github/workflows/handbook.yml')!.text) as { on: Record<string, unknown>; jobs: Record<string, Job> };
  const scripts = JSON.parse(planPackageJson(undefined, { name: 'acme', version: '1.2.3', manifest }).text).scripts as Record<string, string>;
  const pullRequest = Object.values(workflow.jobs).find((job) => job.if?.includes("'pull_request'"))!;
  const publish = Object.values(workflow.jobs).find((job) => job.if?.includes("'push'"))!;

  it('runs on pull requests and on pushes to main', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(pullRequest).toBeDefined();
    expect(publish).toBeDefined();
  });

  it('only calls scripts the generated package.json has, and they run okr-handbook', () => {
    const called = Object.values(workflow.jobs).flatMap((job) => job.steps.map(npmRun).filter((run) => run !== undefined));
    expect(new Set(called.map((run) => run.script))).toEqual(new Set(['check', 'diff', 'build']));
    for (const { script } of called) expect(scripts[script]).toBe(`okr-handbook ${script}`);
    expect(Object.keys(scripts)).toEqual([...HANDBOOK_SCRIPTS]);
  });

  it('on a pull request: installs, checks with annotations, diffs ownership even after a failed check, comments, builds', () => {
    const runs = pullRequest.steps.map((step) => step.run ?? '');
    const order = [/^npm ci$/m, /npm run check /, /npm run --silent diff /, /gh pr comment /, /npm run build$/m].map((what) => runs.findIndex((run) => what.test(run)));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const check = pullRequest.steps.find((step) => npmRun(step)?.script === 'check')!;
    expect(npmRun(check)!.args).toEqual(['--format', 'github']);
    const diff = pullRequest.steps.find((step) => npmRun(step)?.script === 'diff')!;
    expect(diff.if).toContain('!cancelled()');
    expect(diff.run).toContain('"origin/${{ github.base_ref }}" HEAD');
    // The checkout is the handbook: the comment's file goes outside it, or the build's check would report it.
    const output = /> (\S+)/.exec(diff.run!)![1]!;
    expect(output).toContain('$RUNNER_TEMP/');
    expect(pullRequest.steps.find((step) => step.run?.includes('gh pr comment'))!.run).toContain(`--body-file ${output}`);
    expect(pullRequest.permissions?.['pull-requests']).toBe('write');
    expect(pullRequest.steps.find((step) => step.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
  });

  it('on main: builds and uploads dist/, which .gitignore keeps out of git', () => {
    expect(publish.steps.some((step) => npmRun(step)?.script === 'build')).toBe(true);
    const upload = publish.steps.find((step) => step.uses?.startsWith('actions/upload-artifact'))!;
    expect(upload.with?.path).toBe('dist/');
  });

  it("the check step's annotations name files relative to the repository root, where the handbook is", async () => {
    const repo = mkdtempSync(path.join(tmpdir(), 'okr-handbook-starter-'));
    const plan = planInit({ dir: repo, answers, version: '1.2.3', manifest, force: false });
    writeInit(repo, plan);
    execFileSync('git', ['init', '-q'], { cwd: repo });
    const file = 'objectives/2026-q4/okrs-in-the-open.md';
    writeFileSync(path.join(repo, file), readFileSync(path.join(repo, file), 'utf8').replace('owner: lee-wong\naccepted', 'owner: leadership\naccepted'));
    // `npm run check -- --format github` from the root, where the dispatcher finds handbook.yaml.
    const check = pullRequest.steps.find((step) => npmRun(step)?.script === 'check')!;
    const result = await runCheckCommand(['--content', '.', ...npmRun(check)!.args], { cwd: repo, color: false });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^::error file=${file.replace(/[/.]/g, '\\$&')},line=5,col=8,title=owner-individual::`, 'm'));
  });
});
