import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit, writeHandbook } from '../../helpers/fixture-handbook.js';
import { runCommand } from '../../helpers/run-command.js';

const OBJECTIVE = 'objectives/2026-q3/retention.md';

/** Spawns the real command, as a user or CI would run it. */
function runCheck(...args: string[]) {
  return runCommand(['check', ...args]);
}

const broken = () => writeHandbook({ ...edit(OBJECTIVE, 'owner: priya-shah', 'owner: growth'), 'people/notes.txt': 'to do' });

describe('npm run check', () => {
  it('prints a clean summary and exits 0 on a valid handbook', () => {
    const { status, stdout } = runCheck('--content', writeHandbook());
    expect(status).toBe(0);
    expect(stdout).toContain('12 files checked: no problems');
  });

  it('pretty: each problem starts with path:line:column from the current folder, shows the line with a caret and the fix, exits 1 on errors', () => {
    const dir = broken();
    const { status, stdout } = runCommand(['check', '--content', path.basename(dir)], { cwd: path.dirname(dir) });
    expect(status).toBe(1);
    // As a compiler prints it, so a terminal or an editor opens the file at the line.
    expect(stdout.startsWith(`${path.basename(dir)}/${OBJECTIVE}:5:8  error  `)).toBe(true);
    expect(stdout).toContain(`${path.basename(dir)}/people/notes.txt:1:1  warning  `);
    expect(stdout).toContain('    5 | owner: growth\n      |        ^');
    expect(stdout).toContain('fix: Name one person from it, e.g. its lead `priya-shah`');
    expect(stdout).toContain('1 error, 1 warning in 12 files checked.');
    expect(stdout).not.toContain('\u001b['); // no colour when not on a terminal
  });

  it('pretty: paths start at the current folder, also inside the content folder', () => {
    const dir = broken();
    const { stdout } = runCommand(['check'], { cwd: dir });
    expect(stdout.startsWith(`${OBJECTIVE}:5:8  error  `)).toBe(true);
  });

  it('json: prints exactly the documented shape', () => {
    const { status, stdout } = runCheck('--content', broken(), '--format', 'json');
    expect(status).toBe(1);
    const output = JSON.parse(stdout);
    expect(Object.keys(output)).toEqual(['diagnostics', 'summary']);
    // The stray file is reported but not counted: it was not read.
    expect(output.summary).toEqual({ files: 12, errors: 1, warnings: 1 });
    expect(output.diagnostics.map((d: Record<string, unknown>) => Object.keys(d))).toEqual([
      ['file', 'line', 'column', 'rule', 'severity', 'message'],
      ['file', 'line', 'column', 'rule', 'severity', 'message'],
    ]);
    expect(output.diagnostics[0]).toMatchObject({ file: OBJECTIVE, line: 5, column: 8, rule: 'owner-individual', severity: 'error' });
    expect(output.diagnostics[1]).toMatchObject({ file: 'people/notes.txt', line: 1, column: 1, rule: 'stray-file', severity: 'warn' });
  });

  it('github: prints one workflow annotation per diagnostic', () => {
    const dir = broken();
    const { status, stdout } = runCheck('--content', dir, '--format', 'github');
    expect(status).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    // The temp folder is in no repository, so the path is absolute.
    expect(lines[0]).toMatch(new RegExp(`^::error file=${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/${OBJECTIVE},line=5,col=8,title=owner-individual::`));
    expect(lines[1]).toMatch(/^::warning file=.*people\/notes\.txt,line=1,col=1,title=stray-file::/);
  });

  it('github: paths are relative to the repository root for content inside it, wherever the command runs', () => {
    // A repository of its own with the broken handbook two folders down, checked from the folder between.
    const repo = mkdtempSync(path.join(tmpdir(), 'okr-handbook-check-repo-'));
    cpSync(broken(), path.join(repo, 'handbook/okrs'), { recursive: true });
    spawnSync('git', ['init', '-q'], { cwd: repo });
    const { status, stdout } = runCommand(['check', '--content', 'okrs', '--format', 'github'], { cwd: path.join(repo, 'handbook') });
    rmSync(repo, { recursive: true, force: true });
    expect(status).toBe(1);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=handbook\/okrs\/objectives\/2026-q3\/retention\.md,line=5,col=8,title=owner-individual::/);
    expect(lines[1]).toMatch(/^::warning file=handbook\/okrs\/people\/notes\.txt,line=1,col=1,title=stray-file::/);
  });

  it('github: prints nothing for a clean handbook', () => {
    const { status, stdout } = runCheck('--content', writeHandbook(), '--format', 'github', '--max-warnings', '0');
    expect(status).toBe(0);
    expect(stdout).toBe('');
  });

  it('--max-warnings fails a handbook with more warnings than allowed', () => {
    const dir = writeHandbook({ 'people/notes.txt': 'to do' });
    expect(runCheck('--content', dir).status).toBe(0);
    expect(runCheck('--content', dir, '--max-warnings', '1').status).toBe(0);
    const strict = runCheck('--content', dir, '--max-warnings', '0');
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain('1 warning exceeds --max-warnings 0.');
  });

  it.each([
    [['--format', 'xml'], 'Unknown format `xml`'],
    [['--bogus'], 'Unknown option `--bogus`'],
    [['--max-warnings', 'many'], '`--max-warnings` takes a whole number'],
    [['--content'], '`--content` needs a value'],
    [['--content', '/nonexistent/handbook'], 'does not exist'],
  ])('exits 2 with the usage for %j', (args, message) => {
    const { status, stderr, stdout } = runCheck(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toContain('Usage: okr-handbook check');
  });

  it('--help prints the usage and exits 0', () => {
    const { status, stdout } = runCheck('--help');
    expect(status).toBe(0);
    expect(stdout).toContain('--max-warnings N');
  });

});
