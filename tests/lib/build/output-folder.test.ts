import { runCommand } from '../../helpers/run-command.js';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUILD_MARKER, formatBuildMarker } from '../../../src/lib/build/build-marker.js';
import { checkOutputFolder, judgeOutputFolder, type OutputFolderPlaces, type OutputFolderState } from '../../../src/lib/build/output-folder.js';
import { ROOT } from '../../helpers/build-fixture.js';
import { edit, writeHandbook } from '../../helpers/fixture-handbook.js';

const sandboxes: string[] = [];
afterAll(() => {
  for (const dir of sandboxes) rmSync(dir, { recursive: true, force: true });
});

function sandbox(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'okr-handbook-out-'));
  sandboxes.push(dir);
  return dir;
}

/** A made-up machine: nothing here is read, so `/` and the home folder are safe to name. */
const PLACES: OutputFolderPlaces = {
  out: '/srv/sites/okrs',
  content: '/home/ana/work/acme/content',
  project: '/home/ana/tools/okr-handbook',
  workingDirs: ['/home/ana/work/acme'],
  home: '/home/ana',
};
const MISSING: OutputFolderState = { kind: 'missing' };
const UNKNOWN: OutputFolderState = { kind: 'folder', empty: false, hasMarker: false };

const reasonFor = (out: string, state: OutputFolderState = MISSING, force = false) => judgeOutputFolder({ ...PLACES, out }, state, { force })?.reason;

describe('judgeOutputFolder', () => {
  it('accepts a new folder, an empty one and a previous build', () => {
    expect(reasonFor('/srv/sites/okrs')).toBeUndefined();
    expect(reasonFor('/srv/sites/okrs', { kind: 'folder', empty: true, hasMarker: false })).toBeUndefined();
    expect(reasonFor('/srv/sites/okrs', { kind: 'folder', empty: false, hasMarker: true })).toBeUndefined();
    // Inside the project and beside the content folder are the usual places.
    expect(reasonFor('/home/ana/tools/okr-handbook/dist')).toBeUndefined();
    expect(reasonFor('/home/ana/work/acme/site')).toBeUndefined();
    expect(reasonFor('/home/ana/work/acme/content-site')).toBeUndefined();
  });

  it('refuses the content folder, a folder holding it and a folder inside it', () => {
    expect(reasonFor('/home/ana/work/acme/content')).toBe('content');
    expect(reasonFor('/srv/handbook', MISSING)).toBeUndefined();
    expect(judgeOutputFolder({ ...PLACES, out: '/srv/handbook', content: '/srv/handbook/content', workingDirs: [] }, MISSING)?.reason).toBe('contains-content');
    expect(reasonFor('/home/ana/work/acme/content/people/site')).toBe('inside-content');
    expect(reasonFor('/home/ana/work/acme/content/people/site', MISSING, true)).toBe('inside-content');
    expect(reasonFor('/home/ana/work/acme/content/site/inner')).toBe('inside-content');
    expect(reasonFor('/home/ana/work/acme/content/objectives', MISSING)).toBe('inside-content');
    expect(reasonFor('/home/ana/work/acme/content/.site', MISSING)).toBe('inside-content');
  });

  it('lets a handbook at its repository root build into a folder at its top, which check passes over', () => {
    expect(reasonFor('/home/ana/work/acme/content/dist', MISSING)).toBeUndefined();
    expect(reasonFor('/home/ana/work/acme/content/site', MISSING)).toBeUndefined();
  });

  it('refuses the project, the folder the build runs from, and folders holding them', () => {
    expect(reasonFor('/home/ana/tools/okr-handbook')).toBe('project');
    expect(reasonFor('/home/ana/tools')).toBe('project');
    expect(judgeOutputFolder({ ...PLACES, out: '/work', workingDirs: ['/work/docs'] }, MISSING)?.reason).toBe('working-dir');
    expect(judgeOutputFolder({ ...PLACES, out: '/work/docs', workingDirs: ['/work/docs'] }, MISSING)?.reason).toBe('working-dir');
  });

  it('refuses the file-system root and the home folder, even with --force', () => {
    expect(reasonFor('/', UNKNOWN)).toBe('file-system-root');
    expect(reasonFor('/', UNKNOWN, true)).toBe('file-system-root');
    expect(reasonFor('/home/ana', UNKNOWN, true)).toBe('home');
    expect(reasonFor('/home', UNKNOWN, true)).toBe('home');
    expect(judgeOutputFolder({ ...PLACES, out: '/' }, UNKNOWN)?.message).toBe('/ is the root of the file system.');
  });

  it('refuses a non-empty folder without a build marker, unless forced', () => {
    const refusal = judgeOutputFolder(PLACES, UNKNOWN);
    expect(refusal?.reason).toBe('unknown-folder');
    expect(refusal?.message).toContain(BUILD_MARKER);
    expect(refusal?.hint).toContain('--force');
    expect(judgeOutputFolder(PLACES, UNKNOWN, { force: true })).toBeUndefined();
  });

  it('refuses a file, even with --force', () => {
    expect(reasonFor('/srv/sites/okrs', { kind: 'file' }, true)).toBe('not-a-folder');
  });

  it('does not mistake a sibling whose name starts the same for a folder inside', () => {
    expect(reasonFor('/home/ana/work/acme/content2')).toBeUndefined();
    expect(reasonFor('/home/ana/tools/okr-handbook-site')).toBeUndefined();
  });
});

describe('checkOutputFolder on real folders', () => {
  function places() {
    const dir = sandbox();
    const content = path.join(dir, 'content');
    const project = path.join(dir, 'project');
    const home = sandbox();
    for (const folder of [content, project]) mkdirSync(folder);
    writeFileSync(path.join(content, 'handbook.yaml'), 'title: T\n');
    return { dir, paths: { out: path.join(dir, 'site'), content, project, workingDirs: [project], home } };
  }

  it('sees through a link to the content folder, and through a link in the path', () => {
    const { dir, paths } = places();
    symlinkSync(paths.content, path.join(dir, 'link'));
    expect(checkOutputFolder({ ...paths, out: path.join(dir, 'link') })?.reason).toBe('content');
    expect(checkOutputFolder({ ...paths, out: path.join(dir, 'link', 'people', 'site') })?.reason).toBe('inside-content');
    // The folder itself reached through a linked parent folder.
    symlinkSync(dir, path.join(dir, 'again'));
    expect(checkOutputFolder({ ...paths, out: path.join(dir, 'again') })?.reason).toBe('contains-content');
  });

  it('reads whether the folder is empty, unknown or a previous build', () => {
    const { paths } = places();
    expect(checkOutputFolder(paths)).toBeUndefined();
    mkdirSync(paths.out);
    expect(checkOutputFolder(paths)).toBeUndefined();
    writeFileSync(path.join(paths.out, 'notes.txt'), 'mine');
    expect(checkOutputFolder(paths)?.reason).toBe('unknown-folder');
    expect(checkOutputFolder(paths, { force: true })).toBeUndefined();
    // A marker that is not this tool's does not count.
    writeFileSync(path.join(paths.out, BUILD_MARKER), '{"files": "everything"}');
    expect(checkOutputFolder(paths)?.reason).toBe('unknown-folder');
    writeFileSync(path.join(paths.out, BUILD_MARKER), formatBuildMarker(['index.html']));
    expect(checkOutputFolder(paths)).toBeUndefined();
  });
});

/** `okr-handbook build`, with environment variables of the caller's. */
function build(args: string[], { env = {} }: { env?: Record<string, string> } = {}) {
  return runCommand(['build', ...args], { env: { INIT_CWD: ROOT, ...env } });
}

/** Every file and folder under `dir`, files with their text, to show nothing changed. */
function snapshot(dir: string): Record<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  const full = (entry: (typeof entries)[number]) => path.join(entry.parentPath, entry.name);
  return Object.fromEntries(entries.map((entry) => [path.relative(dir, full(entry)), entry.isDirectory() ? '<folder>' : readFileSync(full(entry), 'utf8')]));
}

describe('npm run build refuses an output folder it must not replace', () => {
  /** A valid handbook in `<sandbox>/handbook`, so a parent of it is a sandbox too. */
  function handbookInSandbox() {
    const dir = sandbox();
    const content = path.join(dir, 'handbook');
    cpSync(writeHandbook(), content, { recursive: true });
    return { dir, content };
  }

  it('refuses the content folder and leaves the handbook as it was', () => {
    const { content } = handbookInSandbox();
    const before = snapshot(content);
    const refused = build(['--content', content, '--out', content]);
    expect(refused.status, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('is the content folder');
    expect(refused.stderr).toMatch(/^fix: /m);
    expect(snapshot(content)).toEqual(before);
  });

  it('refuses a parent of the content folder and leaves it as it was', () => {
    const { dir, content } = handbookInSandbox();
    writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    const before = snapshot(dir);
    const refused = build(['--content', content, '--out', dir]);
    expect(refused.status, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('holds the content folder');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a folder inside the content folder', () => {
    const { content } = handbookInSandbox();
    const refused = build(['--content', content, '--out', path.join(content, 'people', 'site')]);
    expect(refused.status, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('inside the content folder');
    expect(existsSync(path.join(content, 'people', 'site'))).toBe(false);
  });

  // The handbooks below have an error: were the guard to let the build through, validation would
  // stop it (exit 1) before anything is published, so these tests cannot harm the folders they name.
  const broken = () => writeHandbook(edit('objectives/2026-q3/retention.md', 'owner: priya-shah', 'owner: growth'));

  it('refuses the project root, before any work', () => {
    const refused = build(['--content', broken(), '--out', ROOT]);
    expect(refused.status, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('okr-handbook project');
    expect(refused.stdout).not.toContain('owner-individual');
    expect(existsSync(path.join(ROOT, 'package.json'))).toBe(true);
  });

  it('refuses the folder the build is run from', () => {
    const dir = sandbox();
    // As `npm run` does it: the process runs in the project, INIT_CWD is where the user typed the command.
    const refused = build(['--content', broken(), '--out', dir], { env: { INIT_CWD: dir } });
    expect(refused.status, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('the folder you ran the build from');
  });

  it('refuses the file-system root, before any work', () => {
    const refused = build(['--content', broken(), '--out', '/']);
    expect(refused.status, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('/ is the root of the file system');
    expect(refused.stdout).not.toContain('owner-individual');
  });

  it('refuses the home folder, even with --force', () => {
    const home = sandbox();
    writeFileSync(path.join(home, '.profile'), 'export A=1\n');
    const refused = build(['--content', broken(), '--out', home, '--force'], { env: { HOME: home } });
    expect(refused.status, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('your home folder');
    expect(readFileSync(path.join(home, '.profile'), 'utf8')).toBe('export A=1\n');
  });

  it('refuses a non-empty folder no build wrote, and says --force builds into it', () => {
    const out = sandbox();
    writeFileSync(path.join(out, 'report.docx'), 'mine');
    const refused = build(['--content', broken(), '--out', out]);
    expect(refused.status, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('--force');
    expect(readdirSync(out)).toEqual(['report.docx']);
    // Forced, the build goes on to validation, which refuses this handbook.
    const forced = build(['--content', broken(), '--out', out, '--force']);
    expect(forced.status, forced.stderr).toBe(1);
    expect(forced.stdout).toContain('owner-individual');
  });
});
