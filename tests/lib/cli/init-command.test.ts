import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkHandbook } from '../../../src/lib/check-handbook.js';
import { runInitCommand, type InitEnvironment } from '../../../src/lib/cli/init-command.js';
import type { Asker } from '../../../src/lib/scaffold/inputs.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const OWN_MANIFEST = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { engines: Record<string, string>; allowScripts: Record<string, unknown> };
const TODAY = '2026-12-01';
const SUBCOMMANDS = ['check', 'build', 'dev', 'preview', 'new', 'diff'];

/** A new temporary folder holding `name` (not created), so the folder's name is known. */
function folderNamed(name: string): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'okr-handbook-init-')), name);
}

async function runInit(args: string[], cwd: string, environment: Partial<InitEnvironment> = {}) {
  return runInitCommand(args, { cwd, color: false, today: TODAY, version: '1.2.3', gitUserName: () => 'Git User', ...environment });
}

/** Every file under `dir` with its text (node_modules left out), to prove what was or was not written. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.relative(dir, path.join(entry.parentPath, entry.name));
    if (entry.isFile() && !file.startsWith('node_modules')) files[file.split(path.sep).join('/')] = readFileSync(path.join(dir, file), 'utf8');
  }
  return files;
}

/** An asker that gives scripted answers and records the questions; it fails on a question it has no answer for. */
function scripted(...answers: string[]): Asker & { questions: string[] } {
  const questions: string[] = [];
  return {
    questions,
    async ask(question) {
      questions.push(question);
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`unexpected question ${question}`);
      return answer;
    },
    tell: () => undefined,
  };
}

/** `check` on the new repository: no problem at all, though the handbook shares its folder with the repository's files. */
async function expectCleanCheck(dir: string, today = TODAY) {
  const { diagnostics, summary } = await checkHandbook({ contentDir: dir, today });
  expect(diagnostics).toEqual([]);
  expect(summary.files).toBe(11); // handbook.yaml, cycle, team, person, objective, check-in, 5 glossary terms
}

describe('okr-handbook init into an empty folder', () => {
  it('creates a repository whose handbook checks clean, at the root', async () => {
    const dir = folderNamed('acme-okrs');
    const result = await runInit([path.basename(dir)], path.dirname(dir));
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(Object.keys(snapshot(dir)).sort()).toEqual(
      [
        '.github/workflows/handbook.yml',
        '.gitignore',
        '.vscode/settings.json',
        'README.md',
        'cycles/2026-q4.md',
        'glossary/accountability.md',
        'glossary/confidence-score.md',
        'glossary/okr-owner.md',
        'glossary/retrospective.md',
        'glossary/single-threaded-ownership.md',
        'handbook.yaml',
        'objectives/2026-q4/okrs-in-the-open.md',
        'package.json',
        'people/git-user.md',
        'reviews/2026-q4/2026-12-01-check-in.md',
        'teams/leadership.md',
      ].sort(),
    );
    const { diagnostics } = await checkHandbook({ contentDir: dir, today: TODAY });
    expect(diagnostics).toEqual([]);
    // After `npm install`, node_modules/ sits beside the handbook.
    mkdirSync(path.join(dir, 'node_modules/okr-handbook'), { recursive: true });
    await expectCleanCheck(dir);
  });

  it('writes a package.json whose scripts run okr-handbook, depending on this version', async () => {
    const dir = folderNamed('Acme OKRs');
    await runInit([dir], tmpdir());
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(manifest).toEqual({
      name: 'acme-okrs',
      private: true,
      type: 'module',
      scripts: Object.fromEntries(SUBCOMMANDS.map((sub) => [sub, `okr-handbook ${sub}`])),
      dependencies: { 'okr-handbook': '^1.2.3' },
      engines: { node: OWN_MANIFEST.engines.node },
      allowScripts: OWN_MANIFEST.allowScripts,
    });
  });

  it('says what it wrote, then the next steps', async () => {
    const dir = folderNamed('acme');
    const { stdout } = await runInit(['acme'], path.dirname(dir));
    expect(stdout).toContain('created  acme/handbook.yaml');
    expect(stdout).toContain('created  acme/package.json');
    const steps = stdout.slice(stdout.indexOf('Next steps:'));
    expect(steps.indexOf('cd acme')).toBeGreaterThan(0);
    expect(steps.indexOf('npm install')).toBeGreaterThan(steps.indexOf('cd acme'));
    expect(steps.indexOf('npm run check')).toBeGreaterThan(steps.indexOf('npm install'));
    expect(steps.indexOf('npm run dev')).toBeGreaterThan(steps.indexOf('npm run check'));
  });

  it('writes into the current folder by default, creating nothing above it', async () => {
    const dir = folderNamed('handbook');
    mkdirSync(dir);
    const result = await runInit([], dir);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('into this folder');
    expect(result.stdout).not.toContain('cd ');
    expect(readdirSync(path.dirname(dir))).toEqual(['handbook']);
    expect(readFileSync(path.join(dir, 'handbook.yaml'), 'utf8')).toMatch(/^title: Our Company OKR Handbook\norganization: Our Company\n/);
  });

  it.each([
    { today: '2026-12-01', id: '2026-q4', start: '2026-10-01', end: '2026-12-31' },
    { today: '2026-10-01', id: '2026-q4', start: '2026-10-01', end: '2026-12-31' },
    { today: '2026-12-31', id: '2026-q4', start: '2026-10-01', end: '2026-12-31' },
    { today: '2027-01-15', id: '2027-q1', start: '2027-01-01', end: '2027-03-31' },
    { today: '2028-02-29', id: '2028-q1', start: '2028-01-01', end: '2028-03-31' },
    { today: '2026-06-30', id: '2026-q2', start: '2026-04-01', end: '2026-06-30' },
  ])('on $today, the active cycle is $id, $start to $end, and the check is clean', async ({ today, id, start, end }) => {
    const dir = folderNamed('acme');
    expect((await runInit([dir], tmpdir(), { today })).exitCode).toBe(0);
    const title = `${id.slice(0, 4)} Q${id.slice(-1)}`;
    expect(readFileSync(path.join(dir, `cycles/${id}.md`), 'utf8')).toMatch(new RegExp(`^---\ntitle: ${title}\nstart: ${start}\nend: ${end}\nstatus: active\n---\n`));
    const objective = readFileSync(path.join(dir, `objectives/${id}/okrs-in-the-open.md`), 'utf8');
    expect(objective.match(/accepted: (\S+)/g)).toEqual([`accepted: ${today}`, `accepted: ${today}`]);
    expect(readFileSync(path.join(dir, `reviews/${id}/${today}-check-in.md`), 'utf8')).toContain(`date: ${today}\nkind: check-in\n`);
    const { diagnostics } = await checkHandbook({ contentDir: dir, today });
    expect(diagnostics).toEqual([]);
  });
});

describe('a folder that is not empty', () => {
  it('is refused with exit 1, nothing written and nothing asked', async () => {
    const dir = folderNamed('repo');
    mkdirSync(path.join(dir, 'docs'), { recursive: true });
    writeFileSync(path.join(dir, 'notes.md'), 'mine\n');
    const before = snapshot(dir);
    const result = await runInit([], dir, { asker: scripted() });
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('This folder is not empty: it holds `docs`, `notes.md`.');
    expect(result.stderr).toContain('--force');
    expect(result.stderr).toContain('Nothing was written.');
    expect(snapshot(dir)).toEqual(before);
    expect(readdirSync(dir).sort()).toEqual(['docs', 'notes.md']);
  });

  it('is refused when a dot-file init writes is there already, unless --force', async () => {
    const dir = folderNamed('repo');
    mkdirSync(path.join(dir, '.git'), { recursive: true });
    writeFileSync(path.join(dir, '.gitignore'), '*.log\n');
    const before = snapshot(dir);
    const refused = await runInit([], dir);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('`.gitignore` already exists. Run init with --force to keep it and add only the missing files.');
    expect(snapshot(dir)).toEqual(before);

    const forced = await runInit(['--force'], dir);
    expect(forced.exitCode).toBe(0);
    expect(forced.stdout).toContain('kept     .gitignore (it was already there)');
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe('*.log\n');
    expect(forced.stdout).not.toContain('git init'); // it is a repository already
  });

  it('with --force, only the missing files are added; existing ones stay as they were', async () => {
    const dir = folderNamed('repo');
    mkdirSync(path.join(dir, 'glossary'), { recursive: true });
    writeFileSync(path.join(dir, 'README.md'), '# Our README\n');
    writeFileSync(path.join(dir, 'glossary/okr-owner.md'), '---\nterm: OKR owner\nsummary: Ours.\n---\n');
    writeFileSync(path.join(dir, 'LICENSE'), 'ours\n');
    const result = await runInit(['--force'], dir);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('kept     README.md (it was already there)');
    expect(result.stdout).toContain('kept     glossary/okr-owner.md (it was already there)');
    expect(result.stdout).not.toContain('created  README.md');
    const after = snapshot(dir);
    expect(after['README.md']).toBe('# Our README\n');
    expect(after['glossary/okr-owner.md']).toBe('---\nterm: OKR owner\nsummary: Ours.\n---\n');
    expect(after['LICENSE']).toBe('ours\n');
    expect(after['handbook.yaml']).toBeDefined();
    expect(after['glossary/accountability.md']).toBeDefined();
    await expectCleanCheck(dir);
  });

  it('holding only what `npm install okr-handbook` leaves, counts as empty and its package.json is merged', async () => {
    const dir = folderNamed('acme-handbook');
    mkdirSync(path.join(dir, 'node_modules/okr-handbook'), { recursive: true });
    mkdirSync(path.join(dir, '.git'));
    writeFileSync(path.join(dir, 'package-lock.json'), '{}\n');
    const installed = {
      scripts: { check: 'okr-handbook check --max-warnings 0', lint: 'prettier --check .' },
      dependencies: { 'okr-handbook': 'file:../okr-handbook-1.2.3.tgz' },
      engines: { npm: '>=10' },
      allowScripts: { esbuild: false },
    };
    writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(installed, null, 2)}\n`);

    const result = await runInit([], dir);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(manifest.dependencies).toEqual({ 'okr-handbook': 'file:../okr-handbook-1.2.3.tgz' });
    expect(manifest.scripts).toEqual({
      check: 'okr-handbook check --max-warnings 0',
      lint: 'prettier --check .',
      ...Object.fromEntries(SUBCOMMANDS.filter((sub) => sub !== 'check').map((sub) => [sub, `okr-handbook ${sub}`])),
    });
    expect(manifest.engines).toEqual({ npm: '>=10', node: OWN_MANIFEST.engines.node });
    expect(manifest.allowScripts).toEqual({ ...OWN_MANIFEST.allowScripts, esbuild: false });
    expect(manifest).toMatchObject({ name: 'acme-handbook', private: true, type: 'module' });
    expect(readFileSync(path.join(dir, 'package-lock.json'), 'utf8')).toBe('{}\n');

    expect(result.stdout).toContain('updated  package.json');
    expect(result.stdout).toContain('Kept your script `check` (`okr-handbook check --max-warnings 0`); okr-handbook\'s would be `okr-handbook check`.');
    expect(result.stdout).toContain('Kept the dependency `okr-handbook` as `file:../okr-handbook-1.2.3.tgz`.');
    expect(result.stdout).not.toContain('npm install'); // okr-handbook is installed already
    expect(readFileSync(path.join(dir, 'handbook.yaml'), 'utf8')).toContain('organization: Acme\n');
    await expectCleanCheck(dir);
  });

  it('leaves a package.json that is not JSON alone, and writes nothing', async () => {
    const dir = folderNamed('repo');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'package.json'), '{ "dependencies": \n');
    const result = await runInit([], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('package.json is not valid JSON');
    expect(readdirSync(dir)).toEqual(['package.json']);
  });

  it('refuses a file given as the folder', async () => {
    const dir = folderNamed('repo');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'file'), '');
    const result = await runInit(['file'], dir);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('is not a folder');
  });
});

describe('the names', () => {
  it('are not asked for without a terminal: the organisation comes from the folder, the person from git', async () => {
    const dir = folderNamed('globex_okr');
    const result = await runInit([dir], tmpdir(), { gitUserName: () => 'Ana Díaz' });
    expect(result.exitCode).toBe(0);
    expect(readFileSync(path.join(dir, 'handbook.yaml'), 'utf8')).toMatch(/^title: Globex OKR Handbook\norganization: Globex\n/);
    expect(readFileSync(path.join(dir, 'people/ana-diaz.md'), 'utf8')).toBe('---\nname: Ana Díaz\nteam: leadership\n---\n');
  });

  it('fall back to a placeholder person, and say so, when git knows no name', async () => {
    const dir = folderNamed('acme');
    const result = await runInit([dir], tmpdir(), { gitUserName: () => undefined });
    expect(result.exitCode).toBe(0);
    expect(readFileSync(path.join(dir, 'people/your-name.md'), 'utf8')).toContain('name: Your Name\n');
    expect(result.stdout).toContain('The first person is a placeholder, people/your-name.md');
    await expectCleanCheck(dir);
  });

  it('are asked for on a terminal, with the defaults shown; a blank answer takes the default', async () => {
    const dir = folderNamed('acme-okrs');
    const asker = scripted('Globex Corporation', '');
    const result = await runInit([dir], tmpdir(), { asker });
    expect(result.exitCode).toBe(0);
    expect(asker.questions).toEqual(['Organization [Acme]: ', 'Your full name (the first owner) [Git User]: ']);
    expect(readFileSync(path.join(dir, 'handbook.yaml'), 'utf8')).toContain('organization: Globex Corporation\n');
    const objective = readFileSync(path.join(dir, 'objectives/2026-q4/okrs-in-the-open.md'), 'utf8');
    expect(objective).toContain('owner: git-user\n');
    await expectCleanCheck(dir);
  });

  it('are answered by --organization and --name without asking', async () => {
    const dir = folderNamed('acme');
    const asker = scripted();
    const result = await runInit([dir, '--organization', 'Initech', '--name', 'Lee Wong', '--team', 'People Ops'], tmpdir(), { asker });
    expect(result.exitCode).toBe(0);
    expect(asker.questions).toEqual([]);
    expect(readFileSync(path.join(dir, 'handbook.yaml'), 'utf8')).toContain('organization: Initech\n');
    expect(readFileSync(path.join(dir, 'people/lee-wong.md'), 'utf8')).toBe('---\nname: Lee Wong\nteam: people-ops\n---\n');
    expect(readFileSync(path.join(dir, 'teams/people-ops.md'), 'utf8')).toContain('name: People Ops\nlead: lee-wong\n');
    await expectCleanCheck(dir);
  });

  it('ask for an id only when the name gives none, and need --person-id without a terminal', async () => {
    const dir = folderNamed('acme');
    const withoutTerminal = await runInit([dir, '--name', '李雷'], tmpdir());
    expect(withoutTerminal.exitCode).toBe(2);
    expect(withoutTerminal.stderr).toContain('Missing `--person-id`');
    expect(readdirSync(path.dirname(dir))).toEqual([]);

    const asker = scripted('Li Lei', 'li-lei');
    const result = await runInit([dir, '--name', '李雷'], tmpdir(), { asker });
    expect(result.exitCode).toBe(0);
    expect(asker.questions).toEqual(['Organization [Acme]: ', 'Your id (a-z, 0-9 and -): ']);
    expect(readFileSync(path.join(dir, 'people/li-lei.md'), 'utf8')).toContain('name: 李雷\n');
  });

  it('refuse a bad --person-id, writing nothing', async () => {
    const dir = folderNamed('acme');
    const result = await runInit([dir, '--person-id', 'Lee Wong'], tmpdir());
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('`--person-id`: `Lee Wong` is not a valid id');
    expect(readdirSync(path.dirname(dir))).toEqual([]);
  });
});

describe('the command line', () => {
  it('--help lists the options, --force included', async () => {
    const result = await runInit(['--help'], tmpdir());
    expect(result.exitCode).toBe(0);
    for (const option of ['--organization', '--name', '--person-id', '--team', '--force', '--no-input']) expect(result.stdout).toContain(option);
    expect(result.stdout).toContain('an existing file is never replaced');
  });

  it.each([[['--colour']], [['one', 'two']], [['--name']]])('%j is a usage error (exit 2)', async (args) => {
    const dir = folderNamed('acme');
    mkdirSync(dir);
    const result = await runInit(args, dir);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Usage: okr-handbook init');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--no-input asks nothing, even on a terminal', async () => {
    const dir = folderNamed('acme');
    const asker = scripted();
    expect((await runInit([dir, '--no-input'], tmpdir(), { asker })).exitCode).toBe(0);
    expect(asker.questions).toEqual([]);
  });
});
