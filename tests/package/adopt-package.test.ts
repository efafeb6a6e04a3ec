import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port.js';
import { ROOT } from '../helpers/run-command.js';

/*
 * okr-handbook adopted the way a company would: the package is packed, then
 * installed from the tarball into an empty folder, and every command is run
 * there with `npx`, as the README tells a newcomer to. The install comes from
 * npm's cache where it can (CI's `npm ci` fills it), so this needs the
 * registry only for what the cache lacks.
 */

const packed = mkdtempSync(path.join(tmpdir(), 'okr-handbook-pack-'));
const repo = mkdtempSync(path.join(tmpdir(), 'okr-handbook-adopt-'));
let tarball: string;
let tarballFiles: string[];
let installOutput: string;

/** A clean environment for a user's shell: no npm or vitest variables of this test run. */
function userEnvironment(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of Object.keys(env)) if (/^(npm_|VITEST|INIT_CWD$|NODE_ENV$)/i.test(name)) delete env[name];
  return env;
}

function run(command: string, args: string[], cwd = repo) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: userEnvironment(), maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: `${result.stdout}\n${result.stderr}` };
}

const npx = (...args: string[]) => run('npx', ['--no-install', 'okr-handbook', ...args]);
const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, encoding: 'utf8', env: { ...userEnvironment(), GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@example.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@example.com' } });

/** Every file of a folder, relative, with its size and time, to prove nothing was written there. */
function fingerprint(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const stat = statSync(file, { throwIfNoEntry: false });
      return `${path.relative(dir, file)} ${stat?.size} ${stat?.mtimeMs}`;
    })
    .sort();
}


beforeAll(() => {
  // `npm pack` runs `prepack`, which compiles the command into lib/.
  const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', packed], { cwd: ROOT, encoding: 'utf8', env: userEnvironment() });
  expect(pack.status, pack.stderr).toBe(0);
  const [report] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as [{ filename: string; files: { path: string }[] }];
  tarball = path.join(packed, report.filename);
  tarballFiles = report.files.map((file) => file.path);

  const install = run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball]);
  expect(install.status, install.output).toBe(0);
  installOutput = install.output;
}, 600_000);

afterAll(() => {
  rmSync(packed, { recursive: true, force: true });
  rmSync(repo, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('holds what a user runs, and no tests, benchmarks or screenshots', () => {
    for (const file of ['lib/okr-handbook.mjs', 'lib/build-pages.mjs', 'src/pages/index.astro', 'astro.config.mjs', 'public/schema/objective.json', 'starter/glossary/okr-owner.md', 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) {
      expect(tarballFiles, file).toContain(file);
    }
    expect(tarballFiles.filter((file) => /^(tests|scripts|docs|content|\.github|\.ci)\//.test(file) || /\.png$/.test(file))).toEqual([]);
  });

  it('installs with no install script of its own for the user to approve', () => {
    // npm 11 lists packages whose install scripts are not approved; Astro's esbuild and sharp may be, okr-handbook must not.
    expect(installOutput).not.toMatch(/install-scripts\s+okr-handbook@/);
  });

  it('prints its version, the one in package.json', () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(npx('--version')).toMatchObject({ status: 0, stdout: `${version}\n` });
  });
});

describe('a handbook repository made with okr-handbook init', () => {
  let packageFiles: string[];

  beforeAll(() => {
    packageFiles = fingerprint(path.join(repo, 'node_modules/okr-handbook'));
    const init = npx('init', '--organization', 'Acme', '--name', 'Ada Lovelace');
    expect(init.status, init.output).toBe(0);
  }, 120_000);

  it('keeps the installed dependency and adds the scripts', () => {
    const manifest = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(manifest.dependencies['okr-handbook']).toContain('.tgz');
    expect(manifest.scripts).toMatchObject({ check: 'okr-handbook check', build: 'okr-handbook build' });
  });

  it('checks clean at the repository root, beside node_modules, package.json and .github', () => {
    expect(existsSync(path.join(repo, 'node_modules'))).toBe(true);
    const check = npx('check', '--max-warnings', '0');
    expect(check.status, check.output).toBe(0);
    expect(check.stdout).toContain('checked: no problems');
  }, 60_000);

  it('builds a site with every address of the format, writing nothing into the installed package', () => {
    const build = npx('build', '--base', '/okrs/');
    expect(build.status, build.output).toBe(0);
    const model = JSON.parse(readFileSync(path.join(repo, 'dist/handbook.json'), 'utf8')) as Record<string, { id: string; keyResults?: { id: string }[] }[]>;
    const addresses = ['', 'objectives/', 'people/', 'ownership/', 'cycles/', 'reviews/', 'glossary/', 'teams/'];
    const keyResults = model.objectives!.flatMap((objective) => objective.keyResults ?? []);
    expect(keyResults.length).toBeGreaterThan(0);
    for (const { id } of keyResults) addresses.push(`key-results/${id}/`);
    for (const kind of ['objectives', 'people', 'cycles', 'reviews', 'glossary', 'teams']) {
      expect(model[kind]!.length, kind).toBeGreaterThan(0);
      for (const { id } of model[kind]!) addresses.push(`${kind}/${id}/`);
    }
    for (const address of addresses) expect(existsSync(path.join(repo, 'dist', address, 'index.html')), address).toBe(true);
    expect(existsSync(path.join(repo, 'dist/pagefind/pagefind.js'))).toBe(true);
    expect(readFileSync(path.join(repo, 'dist/index.html'), 'utf8')).toContain('href="/okrs/objectives/"');
    expect(fingerprint(path.join(repo, 'node_modules/okr-handbook'))).toEqual(packageFiles);
  }, 300_000);

  it('previews the built site under the base path it was built with', async () => {
    const port = await freePort();
    const server = spawn('npx', ['--no-install', 'okr-handbook', 'preview', '--port', String(port)], { cwd: repo, env: userEnvironment(), detached: true });
    try {
      let response: Response | undefined;
      for (const end = Date.now() + 30_000; Date.now() < end && response?.status !== 200; await new Promise((resolve) => setTimeout(resolve, 300))) {
        response = await fetch(`http://127.0.0.1:${port}/okrs/people/`).catch(() => undefined);
      }
      expect(response?.status).toBe(200);
      expect(await response!.text()).toContain('Ada Lovelace');
      expect((await fetch(`http://127.0.0.1:${port}/people/`)).status).toBe(404);
    } finally {
      process.kill(-server.pid!, 'SIGTERM');
    }
  }, 60_000);

  it('adds an objective with new, checks it, and diffs two commits', () => {
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-qm', 'Start the handbook');
    const added = npx('new', 'objective', '--title', 'Ship the handbook', '--owner', 'ada-lovelace', '--accepted', '2026-12-01', '--kr-title', 'Teams using it');
    expect(added.status, added.output).toBe(0);
    const check = npx('check');
    expect(check.status, check.output).toBe(0);
    git('add', '-A');
    git('commit', '-qm', 'Add an objective');
    const diff = npx('diff', 'HEAD~1', 'HEAD');
    expect(diff.status, diff.output).toBe(0);
    expect(diff.stdout).toContain('Ship the handbook');
  }, 120_000);

  it('serves this handbook, not the demo, with dev', async () => {
    const port = await freePort();
    const server: ChildProcess = spawn('npx', ['--no-install', 'okr-handbook', 'dev', '--port', String(port), '--host', '127.0.0.1'], { cwd: repo, env: userEnvironment(), detached: true });
    let output = '';
    server.stdout!.on('data', (chunk) => (output += chunk));
    server.stderr!.on('data', (chunk) => (output += chunk));
    try {
      let body = '';
      for (const end = Date.now() + 120_000; Date.now() < end; await new Promise((resolve) => setTimeout(resolve, 500))) {
        const response = await fetch(`http://127.0.0.1:${port}/people/`).catch(() => undefined);
        if (response?.status === 200) {
          body = await response.text();
          break;
        }
      }
      expect(body, output).toContain('Ada Lovelace');
      expect(body).not.toContain('Priya Nair'); // a person of the demo handbook
    } finally {
      // npx starts the command as a child of its own: stop the whole group.
      process.kill(-server.pid!, 'SIGTERM');
    }
    expect(fingerprint(path.join(repo, 'node_modules/okr-handbook'))).toEqual(packageFiles);
  }, 180_000);
});
