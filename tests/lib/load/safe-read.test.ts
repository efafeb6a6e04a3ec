import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHandbook, type CheckResult } from '../../../src/lib/check-handbook.js';
import { runCheckCommand } from '../../../src/lib/cli/check-command.js';
import type { Diagnostic } from '../../../src/lib/problem.js';
import { BASE_HANDBOOK, edit, located, writeHandbook } from '../../helpers/fixture-handbook.js';

/*
 * Files are read only when they are what they claim: a regular file inside
 * the content folder, within the size limit, in UTF-8. Anything else is one
 * diagnostic, the rest of the handbook still validates (the canary, as in
 * bad-input.test.ts), and nothing of a refused file reaches any output.
 */

const TODAY = '2026-08-20';
const GLOSSARY = 'glossary/okr-owner.md';
const CANARY = edit(GLOSSARY, 'synonyms: [OKR accountable]\n', 'synonyms: [OKR accountable]\nrelated: [okr-ownr]\n');
const CANARY_FOUND = { rule: 'unresolved-reference', severity: 'error', file: GLOSSARY, line: 5, column: 11 } as const;
const EXTRA = 'people/ana-ruiz.md';

/** A string that must never be printed: it stands for what a refused file holds. */
const SECRET = 'SECRET-6c1f2a-root:x:0:0';

type Located = ReturnType<typeof located>[number];

const temporary: string[] = [];
function temporaryFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'okr-handbook-safe-read-'));
  temporary.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of temporary.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A file outside every content folder, holding the secret on its first line (where a code frame at 1:1 would quote it). */
function secretFile(name = 'passwd'): string {
  const file = path.join(temporaryFolder(), name);
  writeFileSync(file, `${SECRET}\ntitle: ${SECRET}\nsecretKey: ${SECRET}\n`);
  return file;
}

function sortByPlace(diagnostics: Located[]): Located[] {
  return [...diagnostics].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
}

/** Checks `contentDir` in every output format, as `npm run check` would print it. */
async function everyFormat(contentDir: string): Promise<string[]> {
  const environment = { cwd: contentDir, color: true };
  return Promise.all(
    ['pretty', 'github', 'json'].map(async (format) => (await runCheckCommand(['--content', contentDir, '--format', format], environment)).stdout),
  );
}

/** Checks, expecting exactly `expected` besides the canary, within `withinMs`. */
async function expectOnly(contentDir: string, expected: Located[], withinMs = 1000): Promise<CheckResult> {
  const started = performance.now();
  const result = await checkHandbook({ contentDir, today: TODAY });
  expect(performance.now() - started).toBeLessThan(withinMs);
  expect(located(result.diagnostics)).toEqual(sortByPlace([...expected, CANARY_FOUND]));
  return result;
}

function only(diagnostics: readonly Diagnostic[], file: string): Diagnostic {
  const found = diagnostics.filter((d) => d.file === file);
  expect(found).toHaveLength(1);
  return found[0]!;
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);
const stray = (file: string): Located => ({ rule: 'stray-file', severity: 'warn', file, line: 1, column: 1 });

describe('entries that are not regular files inside the content folder', () => {
  it('a link to a file outside (ln -s /etc/passwd people/zz.md) is one stray-file, and no format quotes its target', async () => {
    const contentDir = writeHandbook(CANARY);
    symlinkSync(secretFile(), path.join(contentDir, 'people', 'zz.md'));
    const result = await expectOnly(contentDir, [stray('people/zz.md')]);
    expect(only(result.diagnostics, 'people/zz.md').message).toMatch(/outside the content folder; it was not read/);
    for (const output of await everyFormat(contentDir)) {
      expect(output).toContain('people/zz.md');
      expect(output).not.toContain(SECRET);
    }
    expect(result.texts.has('people/zz.md')).toBe(false);
  });

  it('a handbook.yaml linked from outside is one stray-file: not read, not quoted, no schema message about it', async () => {
    const contentDir = writeHandbook({ ...CANARY, 'handbook.yaml': null });
    symlinkSync(secretFile('handbook.yaml'), path.join(contentDir, 'handbook.yaml'));
    const result = await expectOnly(contentDir, [stray('handbook.yaml')]);
    expect(only(result.diagnostics, 'handbook.yaml').message).toMatch(/outside the content folder; it was not read/);
    expect(result.handbook.settings.title).not.toContain(SECRET);
    for (const output of await everyFormat(contentDir)) {
      expect(output).toContain('handbook.yaml');
      expect(output).not.toContain(SECRET);
    }
  });

  it.runIf(existsSync('/dev/zero'))('a link to /dev/zero in a kind folder is one stray-file, in under a second, and nothing reads it', async () => {
    const contentDir = writeHandbook(CANARY);
    symlinkSync('/dev/zero', path.join(contentDir, 'people', 'zz.md'));
    await expectOnly(contentDir, [stray('people/zz.md')]);
    const started = performance.now();
    const outputs = await everyFormat(contentDir);
    expect(performance.now() - started).toBeLessThan(1000);
    for (const output of outputs) expect(output.length).toBeLessThan(10_000);
  });

  it('a named pipe in a kind folder is one stray-file, in under a second, and is never opened', async () => {
    const contentDir = writeHandbook(CANARY);
    execFileSync('mkfifo', [path.join(contentDir, 'people', 'zz.md')]);
    const result = await expectOnly(contentDir, [stray('people/zz.md')]);
    expect(only(result.diagnostics, 'people/zz.md').message).toMatch(/named pipe \(FIFO\), not a regular file; it was not read/);
    const started = performance.now();
    await everyFormat(contentDir);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a link inside the content folder to a named pipe inside it is one stray-file too', async () => {
    const contentDir = writeHandbook(CANARY);
    execFileSync('mkfifo', [path.join(contentDir, 'pipe')]);
    symlinkSync(path.join(contentDir, 'pipe'), path.join(contentDir, 'objectives', 'zz.md'));
    await expectOnly(contentDir, [stray('objectives/zz.md')]);
  });

  it('a handbook.yaml that is a named pipe is one stray-file, in under a second', async () => {
    const contentDir = writeHandbook({ ...CANARY, 'handbook.yaml': null });
    execFileSync('mkfifo', [path.join(contentDir, 'handbook.yaml')]);
    await expectOnly(contentDir, [stray('handbook.yaml')]);
  });

  it('a broken link is one stray-file, and references to its id are not reported as well', async () => {
    const contentDir = writeHandbook({ ...CANARY, ...edit('objectives/2026-q3/retention.md', 'sponsor: sam-okafor', 'sponsor: zz') });
    symlinkSync(path.join(contentDir, 'nowhere.md'), path.join(contentDir, 'people', 'zz.md'));
    const result = await expectOnly(contentDir, [stray('people/zz.md')]);
    expect(only(result.diagnostics, 'people/zz.md').message).toMatch(/broken link/);
  });

  it('a link inside the content folder to a regular file inside it is read as that file', async () => {
    const contentDir = writeHandbook({ ...CANARY, 'people/priya-shah.md': null, 'shared/priya.md': BASE_HANDBOOK['people/priya-shah.md']! });
    symlinkSync(path.join(contentDir, 'shared', 'priya.md'), path.join(contentDir, 'people', 'priya-shah.md'));
    const result = await expectOnly(contentDir, [{ rule: 'stray-file', severity: 'warn', file: 'shared/', line: 1, column: 1 }]);
    expect(ids(result.handbook.people)).toContain('priya-shah');
  });
});

describe('the size limit', () => {
  const BIG_BODY = `${'A paragraph of the body.\n'.repeat(200)}`; // 5 000 bytes

  it('reports a file over `maxFileSize` with file-too-large, does not parse it, and does not report references to it', async () => {
    const contentDir = writeHandbook({
      ...CANARY,
      'handbook.yaml': `${BASE_HANDBOOK['handbook.yaml']}maxFileSize: 4000\n`,
      // Broken front matter: were it parsed, it would be a yaml-syntax error too.
      'people/priya-shah.md': `---\nname: [Priya\n---\n${BIG_BODY}`,
    });
    const result = await expectOnly(contentDir, [{ rule: 'file-too-large', severity: 'error', file: 'people/priya-shah.md', line: 1, column: 1 }]);
    const diagnostic = only(result.diagnostics, 'people/priya-shah.md');
    expect(diagnostic.message).toBe('`people/priya-shah.md` is 5,021 bytes, over the limit of 4,000 bytes; it was not read.');
    expect(diagnostic.hint).toMatch(/raise `maxFileSize` in `handbook.yaml`/);
  });

  it('holds every file to 1 MiB by default', async () => {
    const contentDir = writeHandbook({ ...CANARY, [EXTRA]: `---\nname: Ana Ruiz\n---\n${'x'.repeat(1024 * 1024)}\n` });
    await expectOnly(contentDir, [{ rule: 'file-too-large', severity: 'error', file: EXTRA, line: 1, column: 1 }]);
  });

  it('reads a file of exactly the limit', async () => {
    const head = `---\nname: Ana Ruiz\n---\n`;
    const text = head + 'x'.repeat(1000 - head.length);
    expect(Math.max(...Object.values(BASE_HANDBOOK).map((base) => base.length))).toBeLessThan(1000);
    const contentDir = writeHandbook({ ...CANARY, 'handbook.yaml': `${BASE_HANDBOOK['handbook.yaml']}maxFileSize: ${text.length}\n`, [EXTRA]: text });
    const result = await expectOnly(contentDir, []);
    expect(ids(result.handbook.people)).toContain('ana-ruiz');
  });

  it.each([
    ['0', 'maxFileSize: 0\n'],
    ['above 64 MiB', 'maxFileSize: 67108865\n'],
    ['not a number', 'maxFileSize: 1MB\n'],
  ])('refuses a `maxFileSize` of %s on its line, and keeps the default', async (_, line) => {
    const contentDir = writeHandbook({ ...CANARY, 'handbook.yaml': `${BASE_HANDBOOK['handbook.yaml']}${line}` });
    await expectOnly(contentDir, [{ rule: 'schema', severity: 'error', file: 'handbook.yaml', line: 4, column: 14 }]);
  });

  it('holds handbook.yaml to the default limit, whatever it sets', async () => {
    const padding = `# ${'x'.repeat(1024 * 1024)}\n`;
    const contentDir = writeHandbook({ ...CANARY, 'handbook.yaml': `${BASE_HANDBOOK['handbook.yaml']}maxFileSize: 8000000\n${padding}` });
    const result = await expectOnly(contentDir, [{ rule: 'file-too-large', severity: 'error', file: 'handbook.yaml', line: 1, column: 1 }]);
    expect(only(result.diagnostics, 'handbook.yaml').hint).toMatch(/held to the default limit/);
  });
});

describe('encoding', () => {
  it('reports invalid UTF-8 at its byte, naming the byte offset, and does not parse the file', async () => {
    // "Müller" written in Latin-1: ü is the single byte 0xFC.
    const bytes = Buffer.concat([Buffer.from('---\nname: Ana M'), Buffer.from([0xfc]), Buffer.from('ller\nrole: [broken\n---\n')]);
    const contentDir = writeHandbook({ ...CANARY, [EXTRA]: bytes });
    const result = await expectOnly(contentDir, [{ rule: 'encoding', severity: 'error', file: EXTRA, line: 2, column: 12 }]);
    const diagnostic = only(result.diagnostics, EXTRA);
    expect(diagnostic.message).toBe('The file is not valid UTF-8: byte 0xFC at byte offset 15 is not part of a UTF-8 character.');
    expect(diagnostic.hint).toMatch(/Save the file as UTF-8/);
    expect(ids(result.handbook.people)).not.toContain('ana-ruiz');
  });

  it('counts line and column after a byte-order mark and multi-byte characters, as everywhere else', async () => {
    const bytes = Buffer.concat([Buffer.from('\uFEFF---\nname: Zoë\nrole: Ingé'), Buffer.from([0xe9, 0x28]), Buffer.from('\n---\n')]);
    const contentDir = writeHandbook({ ...CANARY, [EXTRA]: bytes });
    const result = await expectOnly(contentDir, [{ rule: 'encoding', severity: 'error', file: EXTRA, line: 3, column: 11 }]);
    expect(only(result.diagnostics, EXTRA).message).toContain('byte 0xE9 at byte offset 29');
  });

  it('says a UTF-16 file is UTF-16', async () => {
    const contentDir = writeHandbook({ ...CANARY, [EXTRA]: Buffer.from(`\uFEFF---\nname: Ana Ruiz\n---\n`, 'utf16le') });
    const result = await expectOnly(contentDir, [{ rule: 'encoding', severity: 'error', file: EXTRA, line: 1, column: 1 }]);
    expect(only(result.diagnostics, EXTRA).hint).toMatch(/UTF-16/);
  });

  it('reports a NUL byte at its place', async () => {
    const contentDir = writeHandbook({ ...CANARY, [EXTRA]: '---\nname: Ana\u0000Ruiz\n---\n' });
    const result = await expectOnly(contentDir, [{ rule: 'encoding', severity: 'error', file: EXTRA, line: 2, column: 10 }]);
    expect(only(result.diagnostics, EXTRA).message).toBe('The file holds a NUL byte at byte offset 13; a handbook file must be plain text.');
  });

  it('applies to handbook.yaml, whose settings are then not trusted (no time-based rule measures from today)', async () => {
    const bytes = Buffer.concat([Buffer.from('title: Test Handbook\norganization: Testco'), Buffer.from([0xa0]), Buffer.from('\nasOf: 2026-08-20\n')]);
    const contentDir = writeHandbook({ ...CANARY, 'handbook.yaml': bytes });
    const started = performance.now();
    const result = await checkHandbook({ contentDir, today: '2027-01-01' });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(located(result.diagnostics)).toEqual([CANARY_FOUND, { rule: 'encoding', severity: 'error', file: 'handbook.yaml', line: 2, column: 21 }]);
  });

  it('quotes the offending line in the code frame, with the byte shown as U+FFFD and control bytes escaped', async () => {
    const bytes = Buffer.concat([Buffer.from('---\nname: \u001b[2JAna'), Buffer.from([0xff]), Buffer.from('\n---\n')]);
    const contentDir = writeHandbook({ ...CANARY, [EXTRA]: bytes });
    const { stdout } = await runCheckCommand(['--content', contentDir], { cwd: contentDir, color: false });
    expect(stdout).toContain('    2 | name: \\x1B[2JAna\uFFFD\n      |                 ^');
    expect(stdout).not.toContain('\u001b');
  });
});
