import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import matter from 'gray-matter';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHandbook, type CheckResult } from '../../../src/lib/check-handbook.js';
import type { Diagnostic } from '../../../src/lib/problem.js';
import { BASE_HANDBOOK, checkFiles, edit, located, writeHandbook } from '../../helpers/fixture-handbook.js';

/*
 * A broken or hostile file gets one clear diagnostic with a location, never
 * a crash, and the rest of the handbook is still validated. To show the
 * latter, every case also plants an unrelated problem in another file (the
 * canary) and expects it to be found, and checks that the base handbook's
 * entities all made it into the resolved model.
 */

/** A new file, so breaking it leaves every base entity in place. */
const EXTRA = 'people/ana-ruiz.md';
const OBJECTIVE = 'objectives/2026-q3/retention.md';
const CHECK_IN = 'reviews/2026-q3/week-33.md';
const GLOSSARY = 'glossary/okr-owner.md';

const CANARY = edit(GLOSSARY, 'synonyms: [OKR accountable]\n', 'synonyms: [OKR accountable]\nrelated: [okr-ownr]\n');
const CANARY_FOUND = { rule: 'unresolved-reference', severity: 'error', file: GLOSSARY, line: 5, column: 11 } as const;

type Located = ReturnType<typeof located>[number];

/** The base handbook plus the canary plus `overrides`. */
function check(overrides: Record<string, string | Buffer | null>): Promise<CheckResult> {
  return checkFiles({ ...CANARY, ...overrides });
}

/** Runs `overrides` and expects exactly `expected` besides the canary (all sorted by file, as reported). */
async function expectOnly(overrides: Record<string, string | Buffer | null>, expected: Located[]): Promise<CheckResult> {
  const result = await check(overrides);
  const sorted = [...expected, CANARY_FOUND].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
  expect(located(result.diagnostics)).toEqual(sorted);
  return result;
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

/** Every entity of the base handbook is in the model, resolved. */
function expectBaseModel({ handbook }: CheckResult): void {
  expect(ids(handbook.cycles)).toEqual(['2026-q2', '2026-q3']);
  expect(ids(handbook.teams)).toEqual(['growth']);
  expect(ids(handbook.people)).toEqual(expect.arrayContaining(['lee-wong', 'priya-shah', 'sam-okafor']));
  expect(ids(handbook.objectives)).toEqual(['activation', 'retention']);
  expect(ids(handbook.keyResults)).toEqual(['q2-activation', 'q3-churn', 'q3-retention']);
  expect(ids(handbook.reviews)).toEqual(['2026-q2-retrospective', 'week-33']);
  expect(ids(handbook.glossary)).toEqual(['okr-owner']);
  expect(handbook.keyResults.find((kr) => kr.id === 'q3-retention')!.latestCheckIn?.value).toBe(64);
}

function only(diagnostics: readonly Diagnostic[], file: string): Diagnostic {
  const found = diagnostics.filter((d) => d.file === file);
  expect(found).toHaveLength(1);
  return found[0]!;
}

/** Applies `transform` to every base file and to the canary. */
function everyFile(transform: (text: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries({ ...BASE_HANDBOOK, ...CANARY }).map(([file, text]) => [file, transform(text)]));
}

const temporary: string[] = [];
function temporaryFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'okr-handbook-bad-input-'));
  temporary.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of temporary.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('byte-order marks', () => {
  const BOM = '\uFEFF';

  it('reads a handbook whose every file starts with a BOM', async () => {
    const result = await expectOnly(everyFile((text) => BOM + text), []);
    expectBaseModel(result);
    expect(result.handbook.settings.title).toBe('Test Handbook');
    expect(result.handbook.cycles[0]!.title).toBe('2026 Q2');
  });

  it('locates an error in a BOM file as if the BOM were not there', async () => {
    const result = await expectOnly({ 'cycles/2026-q4.md': `${BOM}---\ntitle: 2026 Q4\nstart: 2026-10-01\nend: 2026-12-31\nstatus: activ\n---\n` }, [
      { rule: 'schema', severity: 'error', file: 'cycles/2026-q4.md', line: 5, column: 9 },
    ]);
    expectBaseModel(result);
  });

  it('locates a YAML syntax error in a BOM file', async () => {
    const result = await expectOnly({ [EXTRA]: `${BOM}---\nname: Ana Ruiz\n\trole: Designer\n---\n` }, [
      { rule: 'yaml-syntax', severity: 'error', file: EXTRA, line: 3, column: 1 },
    ]);
    expectBaseModel(result);
  });
});

describe('CRLF line endings', () => {
  const crlf = (text: string) => text.replace(/\n/g, '\r\n');

  it('reads a handbook written with CRLF, with no carriage returns left in values', async () => {
    const result = await expectOnly(everyFile(crlf), []);
    expectBaseModel(result);
    const { handbook } = result;
    const texts = [
      handbook.settings.title,
      ...handbook.cycles.flatMap((cycle) => [cycle.title, cycle.start, cycle.end, cycle.status]),
      ...handbook.people.flatMap((person) => [person.name, person.role ?? '']),
      ...handbook.keyResults.flatMap((kr) => [kr.title, kr.metric?.unit ?? '', ...kr.initiatives.map((initiative) => initiative.title)]),
    ];
    expect(texts.filter((text) => text.includes('\r'))).toEqual([]);
    expect(handbook.cycles.find((cycle) => cycle.id === '2026-q2')!.status).toBe('closed');
  });

  it('locates a rule problem in a CRLF file', async () => {
    const result = await expectOnly({ [OBJECTIVE]: crlf(edit(OBJECTIVE, 'owner: sam-okafor', 'owner: growth')[OBJECTIVE]!) }, [
      { rule: 'owner-individual', severity: 'error', file: OBJECTIVE, line: 20, column: 12 },
    ]);
    expect(ids(result.handbook.people)).toEqual(['lee-wong', 'priya-shah', 'sam-okafor']);
  });

  it('locates a schema problem in a CRLF file', async () => {
    const result = await expectOnly({ 'cycles/2026-q4.md': crlf('---\ntitle: 2026 Q4\nstart: 2026-10-01\nend: 2026-12-31\nstatus: activ\n---\n') }, [
      { rule: 'schema', severity: 'error', file: 'cycles/2026-q4.md', line: 5, column: 9 },
    ]);
    expectBaseModel(result);
  });

  it('locates a YAML syntax error in a CRLF file', async () => {
    const result = await expectOnly({ [EXTRA]: crlf('---\nname: Ana Ruiz\nrole: Designer\nname: Ana\n---\n') }, [
      { rule: 'yaml-syntax', severity: 'error', file: EXTRA, line: 4, column: 1 },
    ]);
    expectBaseModel(result);
  });

  it('reports CRLF front matter that is never closed', async () => {
    const result = await expectOnly({ [EXTRA]: crlf('---\nname: Ana Ruiz\nrole: Designer\n') }, [
      { rule: 'yaml-syntax', severity: 'error', file: EXTRA, line: 1, column: 1 },
    ]);
    expectBaseModel(result);
  });
});

describe('files without usable front matter', () => {
  it('reports an empty file at 1:1', async () => {
    const result = await expectOnly({ [EXTRA]: '' }, [{ rule: 'schema', severity: 'error', file: EXTRA, line: 1, column: 1 }]);
    expect(only(result.diagnostics, EXTRA).message).toMatch(/empty/);
    expect(only(result.diagnostics, EXTRA).hint).toMatch(/---/);
    expectBaseModel(result);
    expect(ids(result.handbook.people)).not.toContain('ana-ruiz');
  });

  it('reports a file of blank lines as empty', async () => {
    const result = await expectOnly({ [EXTRA]: '\n  \n\n' }, [{ rule: 'schema', severity: 'error', file: EXTRA, line: 1, column: 1 }]);
    expect(only(result.diagnostics, EXTRA).message).toMatch(/empty/);
  });

  it('reports a file with no front matter at 1:1', async () => {
    const result = await expectOnly({ [EXTRA]: '# Ana Ruiz\n\nDesigner on the growth team.\n' }, [
      { rule: 'schema', severity: 'error', file: EXTRA, line: 1, column: 1 },
    ]);
    expect(only(result.diagnostics, EXTRA).message).toMatch(/no front matter/);
    expectBaseModel(result);
  });

  it('reports front matter that is never closed at 1:1', async () => {
    const result = await expectOnly({ [EXTRA]: '---\nname: Ana Ruiz\nrole: Designer\n\nA body that never got its closing line.\n' }, [
      { rule: 'yaml-syntax', severity: 'error', file: EXTRA, line: 1, column: 1 },
    ]);
    expect(only(result.diagnostics, EXTRA).message).toMatch(/never closed/);
    expect(only(result.diagnostics, EXTRA).hint).toMatch(/---/);
    expectBaseModel(result);
  });

  it('reports empty front matter', async () => {
    const result = await expectOnly({ [EXTRA]: '---\n---\nJust a body.\n' }, [{ rule: 'schema', severity: 'error', file: EXTRA, line: 1, column: 1 }]);
    expect(only(result.diagnostics, EXTRA).message).toMatch(/mapping/);
  });

  it('reports front matter that is a list on its first line', async () => {
    const result = await expectOnly({ [EXTRA]: '---\n- name: Ana Ruiz\n---\n' }, [{ rule: 'schema', severity: 'error', file: EXTRA, line: 2, column: 1 }]);
    expect(only(result.diagnostics, EXTRA).message).toMatch(/mapping.*list/);
  });

  it('reports a file that is not text at all', async () => {
    const result = await expectOnly({ [EXTRA]: Buffer.from([0x00, 0xff, 0xfe, 0x0a, 0x00, 0x01]) }, [
      { rule: 'encoding', severity: 'error', file: EXTRA, line: 1, column: 1 },
    ]);
    expectBaseModel(result);
  });
});

describe('prototype pollution', () => {
  it.each([
    ['a flow mapping', '---\nname: Ana Ruiz\n__proto__: { polluted: true }\n---\n', 3, 1],
    ['a block mapping', '---\nname: Ana Ruiz\n__proto__:\n  polluted: true\n---\n', 3, 1],
    // An anchor sends the file to the `yaml` parser instead of js-yaml.
    ['a file read by the full parser', '---\nname: &name Ana Ruiz\nrole: *name\n__proto__:\n  polluted: true\n---\n', 4, 1],
  ])('reports `__proto__` in %s as an unknown field, on its key, and pollutes nothing', async (_name, text, line, column) => {
    const result = await expectOnly({ [EXTRA]: text }, [{ rule: 'schema', severity: 'error', file: EXTRA, line, column }]);
    expect(only(result.diagnostics, EXTRA).message).toContain('`__proto__`');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expectBaseModel(result);
  });

  it('reports `__proto__` inside a key result on its key, and pollutes nothing', async () => {
    const result = await expectOnly(edit(OBJECTIVE, '    owner: sam-okafor\n', '    owner: sam-okafor\n    __proto__: { polluted: true }\n'), [
      { rule: 'schema', severity: 'error', file: OBJECTIVE, line: 21, column: 5 },
    ]);
    expect(only(result.diagnostics, OBJECTIVE).message).toContain('`__proto__`');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports `constructor.prototype` as an unknown field, and pollutes nothing', async () => {
    const result = await expectOnly({ [EXTRA]: '---\nname: Ana Ruiz\nconstructor:\n  prototype:\n    polluted: true\n---\n' }, [
      { rule: 'schema', severity: 'error', file: EXTRA, line: 3, column: 1 },
    ]);
    expect(only(result.diagnostics, EXTRA).message).toContain('`constructor`');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('front matter in other languages is refused and never evaluated', () => {
  /** Front matter whose evaluation would leave a file behind. */
  const payload = (language: string, marker: string) =>
    `---${language}\n{ name: (require('fs').writeFileSync(${JSON.stringify(marker)}, 'evaluated'), 'Ana Ruiz') }\n---\nBody.\n`;

  it('the payload is live: gray-matter on its defaults would run it', () => {
    // Without this control, a payload that could never run would make the tests below pass for nothing.
    const marker = path.join(temporaryFolder(), 'control');
    matter(payload('js', marker));
    expect(existsSync(marker)).toBe(true);
  });

  it.each(['js', 'javascript'])('refuses ---%s at the language name and writes no file', async (language) => {
    const marker = path.join(temporaryFolder(), 'marker');
    const result = await expectOnly({ [EXTRA]: payload(language, marker) }, [
      { rule: 'front-matter-language', severity: 'error', file: EXTRA, line: 1, column: 4 },
    ]);
    expect(existsSync(marker)).toBe(false);
    const diagnostic = only(result.diagnostics, EXTRA);
    expect(diagnostic.message).toContain(`\`${language}\``);
    expect(diagnostic.message).toMatch(/not evaluated/);
    expect(diagnostic.hint).toMatch(/YAML/);
    expectBaseModel(result);
  });

  it.each([
    ['json', '---json\n{ "name": "Ana Ruiz" }\n---\n'],
    ['toml', '---toml\nname = "Ana Ruiz"\n---\n'],
    ['coffee', '---coffee\nname: "Ana Ruiz"\n---\n'],
  ])('refuses ---%s at the language name', async (language, text) => {
    const result = await expectOnly({ [EXTRA]: text }, [{ rule: 'front-matter-language', severity: 'error', file: EXTRA, line: 1, column: 4 }]);
    expect(only(result.diagnostics, EXTRA).message).toContain(`\`${language}\``);
    expectBaseModel(result);
  });

  it('refuses +++ TOML front matter at 1:1', async () => {
    const result = await expectOnly({ [EXTRA]: '+++\nname = "Ana Ruiz"\n+++\nBody.\n' }, [
      { rule: 'front-matter-language', severity: 'error', file: EXTRA, line: 1, column: 1 },
    ]);
    expect(only(result.diagnostics, EXTRA).message).toMatch(/TOML/);
    expectBaseModel(result);
  });

  it('accepts ---yaml as YAML', async () => {
    const result = await expectOnly({ [EXTRA]: '---yaml\nname: Ana Ruiz\n---\n' }, []);
    expect(result.handbook.people.find((person) => person.id === 'ana-ruiz')?.name).toBe('Ana Ruiz');
  });
});

describe('YAML that does not parse', () => {
  it('reports a tab used for indentation on its line', async () => {
    const result = await expectOnly({ [EXTRA]: '---\nname: Ana Ruiz\n\trole: Designer\n---\n' }, [
      { rule: 'yaml-syntax', severity: 'error', file: EXTRA, line: 3, column: 1 },
    ]);
    expect(only(result.diagnostics, EXTRA).hint).toMatch(/spaces/);
    expectBaseModel(result);
  });

  it('reports a duplicated key where the repeat stands', async () => {
    const result = await expectOnly({ [EXTRA]: '---\nname: Ana Ruiz\nrole: Designer\nname: Ana\n---\n' }, [
      { rule: 'yaml-syntax', severity: 'error', file: EXTRA, line: 4, column: 1 },
    ]);
    expect(only(result.diagnostics, EXTRA).hint).toMatch(/once/);
    expectBaseModel(result);
  });

  it('refuses an alias bomb quickly, at its first alias', async () => {
    const levels = 'abcdefghi';
    let text = '---\nname: Ana Ruiz\n';
    text += `a: &a [${Array(9).fill('"lol"').join(', ')}]\n`;
    for (let i = 1; i < levels.length; i++) {
      text += `${levels[i]}: &${levels[i]} [${Array(9).fill(`*${levels[i - 1]}`).join(', ')}]\n`;
    }
    text += '---\n';
    const started = performance.now();
    const result = await expectOnly({ [EXTRA]: text }, [{ rule: 'yaml-syntax', severity: 'error', file: EXTRA, line: 4, column: 8 }]);
    // Nine levels of nine expand to 9^9 (387 million) strings; refusing must not expand them.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(only(result.diagnostics, EXTRA).message).toMatch(/alias/i);
    expectBaseModel(result);
  });

  it('accepts a few ordinary anchors and aliases', async () => {
    const result = await expectOnly({ [EXTRA]: '---\nname: &name Ana Ruiz\nrole: *name\n---\n' }, []);
    expect(result.handbook.people.find((person) => person.id === 'ana-ruiz')?.role).toBe('Ana Ruiz');
  });

  it('refuses aliases that repeat a large value many times, before expanding them', async () => {
    // 2 000 initiatives repeated by 99 aliases would be 200 000 initiatives: seconds of checking, and more for the build.
    const initiatives = Array.from({ length: 2_000 }, (_, i) => `{ title: i${i}, owner: lee-wong }`).join(', ');
    const aliases = '  - *kr\n'.repeat(99);
    const text = `---\ntitle: Repeat\ncycle: 2026-q3\nowner: priya-shah\naccepted: 2026-06-26\nkeyResults:\n  - &kr { id: r, title: R, owner: lee-wong, accepted: 2026-06-26, initiatives: [${initiatives}] }\n${aliases}---\n`;
    const started = performance.now();
    const file = 'objectives/2026-q3/repeat.md';
    const result = await expectOnly({ [file]: text }, [{ rule: 'yaml-syntax', severity: 'error', file, line: 8, column: 5 }]);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(only(result.diagnostics, file).message).toMatch(/alias/i);
    expectBaseModel(result);
  });

  it.each([
    ['a list holding itself', '---\nname: Ana Ruiz\nrole: &r [*r]\n---\n', 3, 11],
    ['a mapping holding itself', '---\nname: Ana Ruiz\nrole: &r\n  again: *r\n---\n', 4, 10],
    ['a key holding itself', '---\nname: Ana Ruiz\n? &k [*k]\n: x\n---\n', 3, 7],
  ])('refuses an alias inside the value its anchor marks (%s) on the alias, without a crash', async (_name, text, line, column) => {
    const result = await expectOnly({ [EXTRA]: text }, [{ rule: 'yaml-syntax', severity: 'error', file: EXTRA, line, column }]);
    const { message, hint } = only(result.diagnostics, EXTRA);
    expect(message).toMatch(/alias `\*[rk]` refers to a value that contains it/);
    expect(hint).toMatch(/write the value out/);
    expectBaseModel(result);
  });

  it('refuses an alias whose anchor comes after it, or nowhere, on the alias', async () => {
    const result = await expectOnly({ [EXTRA]: '---\nname: Ana Ruiz\nrole: *job\nteam: &job growth\n---\n' }, [
      { rule: 'yaml-syntax', severity: 'error', file: EXTRA, line: 3, column: 7 },
    ]);
    expect(only(result.diagnostics, EXTRA).message).toBe('The alias `*job` refers to no anchor `&job` before it.');
    expectBaseModel(result);
  });

  it('reads an alias used as a key as the text it repeats', async () => {
    // `*t :` stands for `team:`, as the `yaml` package reads it.
    const result = await expectOnly({ [EXTRA]: '---\nname: Ana Ruiz\nrole: &t team\n*t : growth\n---\n' }, []);
    expect(result.handbook.people.find((person) => person.id === 'ana-ruiz')).toMatchObject({ role: 'team', team: { id: 'growth' } });
    expectBaseModel(result);
  });

  it.each([
    ['a value as key, anchored as a value', '---\nname: &n Ana Ruiz\n*n : x\n---\n', 'Ana Ruiz'],
    ['a list as key', '---\nname: Ana Ruiz\nk: &k [a]\n*k : x\n---\n', '*k'],
    ['an alias inside a key', '---\nname: Ana Ruiz\nk: &k role\n[*k, b]: x\n---\n', '[ *k, b ]'],
  ])('reports an unknown alias key (%s) on the alias', async (_name, text, field) => {
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.endsWith(': x')) + 1;
    const result = await check({ [EXTRA]: text });
    const unknown = result.diagnostics.filter((d) => d.file === EXTRA && d.message === `Unknown field \`${field}\`.`);
    expect(located(unknown)).toEqual([{ rule: 'schema', severity: 'error', file: EXTRA, line, column: 1 }]);
    expect(located(result.diagnostics)).toContainEqual(CANARY_FOUND);
    expectBaseModel(result);
  });

  it('refuses thousands of nested brackets without overflowing the stack', async () => {
    const result = await expectOnly({ [EXTRA]: `---\nname: Ana Ruiz\nrole: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n---\n` }, [
      { rule: 'yaml-syntax', severity: 'error', file: EXTRA, line: 2, column: 1 },
    ]);
    expect(only(result.diagnostics, EXTRA).message).toMatch(/deeply/);
    expectBaseModel(result);
  });
});

describe('YAML 1.2 core semantics', () => {
  const Q4 = 'cycles/2026-q4.md';
  const q4 = (status: string) => `---\ntitle: 2026 Q4\nstart: 2026-10-01\nend: 2026-12-31\nstatus: ${status}\n---\n`;

  it('keeps `status: no` the text "no", reported as such', async () => {
    const result = await expectOnly({ [Q4]: q4('no') }, [{ rule: 'schema', severity: 'error', file: Q4, line: 5, column: 9 }]);
    const { message } = only(result.diagnostics, Q4);
    expect(message).toContain('`no`');
    expect(message).not.toMatch(/false|boolean/);
    expectBaseModel(result);
  });

  it('keeps an unquoted date a string', async () => {
    const result = await expectOnly({ [Q4]: q4('planning') }, []);
    const cycle = result.handbook.cycles.find((c) => c.id === '2026-q3')!;
    expect(typeof cycle.start).toBe('string');
    expect(cycle.start).toBe('2026-07-01');
    expect(cycle.end).toBe('2026-09-30');
    expect(result.handbook.cycles.find((c) => c.id === '2026-q4')!.start).toBe('2026-10-01');
  });

  it('refuses a date with a time as an instant, on the value', async () => {
    const result = await expectOnly({ [Q4]: q4('planning').replace('start: 2026-10-01', 'start: 2026-10-01T00:00:00Z') }, [
      { rule: 'schema', severity: 'error', file: Q4, line: 3, column: 8 },
    ]);
    expectBaseModel(result);
  });

  it.each([
    ['0012', 12],
    ['0o14', 12],
    ['0x1F', 31],
    ['.5e2', 50],
  ])('reads the check-in value `%s` as the number %d', async (written, value) => {
    const result = await expectOnly(edit(CHECK_IN, 'value: 64', `value: ${written}`), []);
    const keyResult = result.handbook.keyResults.find((kr) => kr.id === 'q3-retention')!;
    expect(keyResult.latestCheckIn?.value).toBe(value);
    expect(keyResult.currentValue).toBe(value);
  });

  it.each(['0b11', '1_000', '12:30'])('refuses `%s` where a number is expected, on the value', async (written) => {
    const result = await expectOnly(edit(CHECK_IN, 'value: 64', `value: ${written}`), [
      { rule: 'schema', severity: 'error', file: CHECK_IN, line: 8, column: 12 },
    ]);
    const { message } = only(result.diagnostics, CHECK_IN);
    expect(message).toContain(`\`${written}\``);
    expect(message).toMatch(/number/);
  });

  it.each(['.nan', '.inf', '-.inf'])('refuses `%s` as a confidence', async (written) => {
    await expectOnly(edit(CHECK_IN, 'confidence: 0.5', `confidence: ${written}`), [
      { rule: 'schema', severity: 'error', file: CHECK_IN, line: 10, column: 17 },
    ]);
  });
});

describe('files that are not content', () => {
  it('warns about a file that is not Markdown in a kind folder', async () => {
    const result = await expectOnly({ 'people/notes.txt': 'remember to add Ana', 'objectives/2026-q3/plan.pdf': Buffer.from('%PDF-1.4') }, [
      { rule: 'stray-file', severity: 'warn', file: 'objectives/2026-q3/plan.pdf', line: 1, column: 1 },
      { rule: 'stray-file', severity: 'warn', file: 'people/notes.txt', line: 1, column: 1 },
    ]);
    expect(only(result.diagnostics, 'people/notes.txt').message).toContain('people/notes.txt');
    expectBaseModel(result);
  });

  it('skips hidden files quietly, wherever they are', async () => {
    const junk = Buffer.from([0x00, 0x00, 0x00, 0x01, 0x42, 0x75, 0x64, 0x31]);
    const result = await expectOnly(
      {
        '.DS_Store': junk,
        'people/.DS_Store': junk,
        'objectives/2026-q3/.DS_Store': junk,
        'people/.draft.md': '---\nnot: valid: yaml\n',
        '.git/config': '[core]\n',
      },
      [],
    );
    expectBaseModel(result);
  });

  it('warns about a link out of the content folder and does not read its target', async () => {
    const outside = temporaryFolder();
    const target = path.join(outside, 'secret.md');
    writeFileSync(target, '---\nname: Secret Person\nleaked: true\n---\n');
    const contentDir = writeHandbook(CANARY);
    symlinkSync(target, path.join(contentDir, 'people', 'secret.md'));
    const result = await checkHandbook({ contentDir, today: '2026-08-20' });
    expect(located(result.diagnostics)).toEqual([CANARY_FOUND, { rule: 'stray-file', severity: 'warn', file: 'people/secret.md', line: 1, column: 1 }]);
    expect(only(result.diagnostics, 'people/secret.md').message).toMatch(/outside the content folder/);
    expect(JSON.stringify(result.diagnostics)).not.toMatch(/leaked|Secret Person/);
    expect(ids(result.handbook.people)).not.toContain('secret');
    expectBaseModel(result);
  });

  it('warns about a linked folder out of the content folder inside a kind folder', async () => {
    const outside = temporaryFolder();
    writeFileSync(path.join(outside, 'elsewhere.md'), BASE_HANDBOOK['objectives/2026-q2/activation.md']!);
    const contentDir = writeHandbook(CANARY);
    symlinkSync(outside, path.join(contentDir, 'objectives', 'linked'));
    const result = await checkHandbook({ contentDir, today: '2026-08-20' });
    expect(located(result.diagnostics)).toEqual([CANARY_FOUND, { rule: 'stray-file', severity: 'warn', file: 'objectives/linked', line: 1, column: 1 }]);
    expectBaseModel(result);
  });

  it('warns about a kind folder that is a link out of the content folder', async () => {
    const outside = temporaryFolder();
    mkdirSync(path.join(outside, 'people'));
    for (const file of ['lee-wong.md', 'priya-shah.md', 'sam-okafor.md']) writeFileSync(path.join(outside, 'people', file), BASE_HANDBOOK[`people/${file}`]!);
    const contentDir = writeHandbook(CANARY);
    rmSync(path.join(contentDir, 'people'), { recursive: true });
    symlinkSync(path.join(outside, 'people'), path.join(contentDir, 'people'));
    const result = await checkHandbook({ contentDir, today: '2026-08-20' });
    expect(located(result.diagnostics).filter((d) => d.rule === 'stray-file')).toEqual([
      { rule: 'stray-file', severity: 'warn', file: 'people/', line: 1, column: 1 },
    ]);
  });

  it('warns about a misspelt kind folder with a did-you-mean, and reads nothing in it', async () => {
    // Read, this copy would be a duplicate of `activation`.
    const result = await expectOnly({ 'objectivs/activation.md': BASE_HANDBOOK['objectives/2026-q2/activation.md']! }, [
      { rule: 'stray-file', severity: 'warn', file: 'objectivs/', line: 1, column: 1 },
    ]);
    const diagnostic = only(result.diagnostics, 'objectivs/');
    expect(diagnostic.message).toContain('`objectivs/`');
    expect(diagnostic.hint).toBe('Did you mean `objectives`?');
    expectBaseModel(result);
  });

  it('warns about MDX outside the glossary and does not read it', async () => {
    const result = await expectOnly(
      {
        'people/ana-ruiz.mdx': '---\nname: Ana Ruiz\n---\nimport X from "./x.js"\n\n<X />\n',
        'objectives/2026-q3/extra.mdx': '---\ntitle: Broken\n---\n',
      },
      [
        { rule: 'stray-file', severity: 'warn', file: 'objectives/2026-q3/extra.mdx', line: 1, column: 1 },
        { rule: 'stray-file', severity: 'warn', file: 'people/ana-ruiz.mdx', line: 1, column: 1 },
      ],
    );
    expect(only(result.diagnostics, 'people/ana-ruiz.mdx').message).toMatch(/MDX/);
    expect(ids(result.handbook.people)).not.toContain('ana-ruiz');
    expectBaseModel(result);
  });

  it('reads MDX in the glossary', async () => {
    const result = await expectOnly({ 'glossary/sponsor.mdx': '---\nterm: Sponsor\nsummary: The executive who settles trade-offs.\n---\n<Aside>Hi</Aside>\n' }, []);
    expect(result.handbook.glossary.find((term) => term.id === 'sponsor')?.format).toBe('mdx');
  });
});

describe('what an MDX body imports stays inside the content folder', () => {
  const IMPORTER = 'glossary/importer.mdx';
  /** A term whose body imports `source` on line 5, with its name from column 18. */
  const importer = (source: string, how = 'import text from') => `---\nterm: Importer\nsummary: Imports a file.\n---\n${how} '${source}';\n\n{text}\n`;
  const at = (column: number) => ({ rule: 'mdx-import', severity: 'error', file: IMPORTER, line: 5, column }) as const;

  it('refuses an import of a linked MDX file that check did not read, on the name', async () => {
    const outside = temporaryFolder();
    writeFileSync(path.join(outside, 'secret.mdx'), '---\nterm: Secret\nsummary: Leaked.\n---\nSecret body.\n');
    const contentDir = writeHandbook({ ...CANARY, [IMPORTER]: importer('./outside.mdx') });
    symlinkSync(path.join(outside, 'secret.mdx'), path.join(contentDir, 'glossary', 'outside.mdx'));
    const result = await checkHandbook({ contentDir, today: '2026-08-20' });
    expect(located(result.diagnostics)).toEqual([
      at(18),
      CANARY_FOUND,
      { rule: 'stray-file', severity: 'warn', file: 'glossary/outside.mdx', line: 1, column: 1 },
    ]);
    expect(only(result.diagnostics, IMPORTER).message).toBe(
      'The MDX body imports `glossary/outside.mdx`, which check did not read (see its `stray-file` or other warning); the build would read it into the site.',
    );
    expect(JSON.stringify(result.diagnostics)).not.toMatch(/Leaked|Secret body/);
    // The term stays in the model: the problem is what it imports.
    expect(ids(result.handbook.glossary)).toEqual(['importer', 'okr-owner']);
  });

  it.each([
    ['a relative path leading out', '../../secret.txt?raw', 'import text from', 18],
    ['an absolute path', '/etc/passwd?raw', 'import text from', 18],
    ['a file: URL', 'file:///etc/passwd', 'import text from', 18],
    ['a re-export', '../../components.js', 'export * from', 15],
    ['a package path with `..`', 'some-package/../../../etc/passwd', 'import text from', 18],
  ])('refuses %s, on the name', async (_name, source, how, column) => {
    const result = await expectOnly({ [IMPORTER]: importer(source, how) }, [at(column)]);
    expect(only(result.diagnostics, IMPORTER).message).toContain(source);
    // The term stays in the model: the problem is what it imports.
    expect(ids(result.handbook.glossary)).toEqual(['importer', 'okr-owner']);
  });

  it('refuses a dynamic import of a literal path leading out, on the name', async () => {
    const text = "---\nterm: Importer\nsummary: Imports a file.\n---\nexport const text = (await import('../../secret.txt?raw')).default;\n\n{text}\n";
    await expectOnly({ [IMPORTER]: text }, [at(35)]);
  });

  it('accepts imports of packages and of files inside the content folder', async () => {
    const text = "---\nterm: Importer\nsummary: Imports a file.\n---\nimport { Aside } from 'some-package/components';\nimport data from '../people/lee-wong.md?raw';\nimport Other from './sponsor.mdx';\n\n<Aside>{data}</Aside>\n";
    const sponsor = '---\nterm: Sponsor\nsummary: The executive who settles trade-offs.\n---\nHi.\n';
    await expectOnly({ [IMPORTER]: text, 'glossary/sponsor.mdx': sponsor }, []);
  });
});

describe('one file, two parsers: the location does not depend on which parser read it', () => {
  // An anchor anywhere in the front matter sends the file to the `yaml` parser instead of js-yaml.
  const fast = '---\nname: Ana Ruiz\nrole: Designer\n~: x\n---\n';
  const full = '---\nname: &name Ana Ruiz\nrole: Designer\n~: x\n---\n';

  it('reports an unknown null key on its key, whichever parser reads the file', async () => {
    for (const text of [fast, full]) {
      const result = await expectOnly({ [EXTRA]: text }, [{ rule: 'schema', severity: 'error', file: EXTRA, line: 4, column: 1 }]);
      expect(only(result.diagnostics, EXTRA).message).toMatch(/empty \(null\) name/);
    }
  });

  it('reports an unknown flow-collection key on its key', async () => {
    await expectOnly({ [EXTRA]: '---\nname: Ana Ruiz\nrole: Designer\n[a, b]: x\n---\n' }, [
      { rule: 'schema', severity: 'error', file: EXTRA, line: 4, column: 1 },
    ]);
  });
});

describe('a file of many unknown keys', () => {
  /** A person file with `count` unknown keys after its two fields. */
  function manyKeys(count: number): string {
    const lines = ['---', 'name: Ana Ruiz', 'role: Designer'];
    for (let i = 0; i < count; i++) lines.push(`k${i}: v`);
    return `${lines.join('\n')}\n---\n`;
  }

  /** The first 20 unknown keys, on lines 4 to 23, then one diagnostic counting the rest from line 24 on. */
  function expectCapped(result: CheckResult, count: number): void {
    const shown = result.diagnostics.filter((d) => d.file === EXTRA);
    expect(shown).toHaveLength(21);
    expect(shown.slice(0, 20).map((d) => d.line)).toEqual(Array.from({ length: 20 }, (_, i) => i + 4));
    expect(shown[0]!.message).toBe('Unknown field `k0`.');
    expect(shown[20]).toMatchObject({ rule: 'schema', severity: 'error', line: 24, column: 1 });
    expect(shown[20]!.message).toContain(`${count - 20} more \`schema\` problems`);
    // The summary counts every problem found, shown or not (and the canary).
    expect(result.summary.errors).toBe(count + 1);
    expect(located(result.diagnostics)).toContainEqual(CANARY_FOUND);
    expectBaseModel(result);
  }

  it('reports 50 000 unknown keys: the first 20, then how many more', async () => {
    expectCapped(await check({ [EXTRA]: manyKeys(50_000) }), 50_000);
  }, 120_000);

  it('reports 130 000 unknown keys without overflowing the stack', async () => {
    // 1.3 MB: over the default size limit, which is raised so that the file is parsed.
    const settings = `${BASE_HANDBOOK['handbook.yaml']}maxFileSize: 4194304\n`;
    expectCapped(await check({ [EXTRA]: manyKeys(130_000), 'handbook.yaml': settings }), 130_000);
  }, 240_000);

  it('caps each rule on its own, and shows a rule with few problems in full', async () => {
    // 25 unknown keys, and 3 list owners in key results (owner-single).
    const result = await check({
      [EXTRA]: manyKeys(25),
      ...edit(OBJECTIVE, 'owner: priya-shah\n', 'owner: [priya-shah]\n'),
    });
    const rules = result.diagnostics.filter((d) => d.file === EXTRA).map((d) => d.rule);
    expect(rules).toEqual(Array(21).fill('schema'));
    expect(result.diagnostics.filter((d) => d.file === EXTRA).at(-1)!.message).toMatch(/^5 more `schema` problems/);
    expect(result.diagnostics.filter((d) => d.file === OBJECTIVE).map((d) => d.rule)).toEqual(['owner-single']);
    expect(result.summary.errors).toBe(25 + 1 + 1);
  });
});

describe('a syntax error in handbook.yaml is the one problem', () => {
  /** A day long after `asOf`: a check-in measured from it would be stale. */
  const LATER = '2027-06-01';

  async function checkSettings(settings: string): Promise<CheckResult> {
    return checkHandbook({ contentDir: writeHandbook({ ...CANARY, 'handbook.yaml': settings }), today: LATER });
  }

  it('reports an unclosed quote once: no missing fields, no time-based warnings measured from today', async () => {
    const result = await checkSettings('title: "Test Handbook\norganization: Testco\nasOf: 2026-08-20\n');
    // Where the quote opens, not where the parser gave up looking for its end.
    expect(located(result.diagnostics)).toEqual([CANARY_FOUND, { rule: 'yaml-syntax', severity: 'error', file: 'handbook.yaml', line: 1, column: 8 }]);
    expectBaseModel(result);
  });

  it('judges the fields written before the error, and measures time from their `asOf`', async () => {
    const result = await checkSettings('title: Test Handbook\nasOf: 2026-08-20\norganization: [Testco\n');
    expect(located(result.diagnostics)).toEqual([CANARY_FOUND, { rule: 'yaml-syntax', severity: 'error', file: 'handbook.yaml', line: 4, column: 1 }]);
    expect(result.handbook.settings).toMatchObject({ title: 'Test Handbook', asOf: '2026-08-20' });
  });

  it('still reports a wrong field that could be read', async () => {
    const result = await checkSettings('title: Test Handbook\nasOf: 2026-8-20\norganization: [Testco\n');
    expect(located(result.diagnostics)).toEqual([
      CANARY_FOUND,
      { rule: 'schema', severity: 'error', file: 'handbook.yaml', line: 2, column: 7 },
      { rule: 'yaml-syntax', severity: 'error', file: 'handbook.yaml', line: 4, column: 1 },
    ]);
  });

  it('reads around thousands of nested brackets without overflowing the stack', async () => {
    const result = await checkSettings(`title: Test Handbook\nasOf: 2026-08-20\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    expect(located(result.diagnostics)).toEqual([CANARY_FOUND, { rule: 'yaml-syntax', severity: 'error', file: 'handbook.yaml', line: 1, column: 1 }]);
    expect(result.handbook.settings).toMatchObject({ title: 'Test Handbook', asOf: '2026-08-20' });
  });

  it('reports an alias inside its own value once, and reads the other fields', async () => {
    const result = await checkSettings('title: Test Handbook\norganization: Testco\nasOf: 2026-08-20\nrules: &r { owner-load: *r }\n');
    expect(located(result.diagnostics)).toEqual([CANARY_FOUND, { rule: 'yaml-syntax', severity: 'error', file: 'handbook.yaml', line: 4, column: 25 }]);
    expect(result.handbook.settings).toMatchObject({ title: 'Test Handbook', organization: 'Testco', asOf: '2026-08-20' });
  });

  it('without a syntax error, still reports missing fields', async () => {
    const result = await checkSettings('asOf: 2026-08-20\n');
    expect(result.diagnostics.filter((d) => d.file === 'handbook.yaml').map((d) => d.message)).toEqual([
      'Required field `title` is missing.',
      'Required field `organization` is missing.',
    ]);
  });
});

describe('the confidence scale in handbook.yaml', () => {
  const settings = (scale: string) => ({ 'handbook.yaml': `${BASE_HANDBOOK['handbook.yaml']}confidence: ${scale}\n` });

  it('refuses ends whose distance no number holds (-1e308 to 1e308) on each value, and charts keep the default scale', async () => {
    const result = await expectOnly(settings('{ min: -1e308, max: 1e308 }'), [
      { rule: 'schema', severity: 'error', file: 'handbook.yaml', line: 4, column: 20 },
      { rule: 'schema', severity: 'error', file: 'handbook.yaml', line: 4, column: 33 },
    ]);
    const [low, high] = result.diagnostics.filter((d) => d.file === 'handbook.yaml');
    expect(low).toMatchObject({ message: '`confidence.min` must be at least -1000000, not -1e+308.', hint: 'Write a number no less than -1000000.' });
    expect(high).toMatchObject({ message: '`confidence.max` must be at most 1000000, not 1e+308.', hint: 'Write a number no greater than 1000000.' });
    expect(result.handbook.settings.confidence).toEqual({ min: 0, max: 1 });
    expectBaseModel(result);
  });

  it.each([
    ['.inf', 'infinity (`.inf`)'],
    ['-.inf', 'minus infinity (`-.inf`)'],
    ['.nan', 'NaN'],
  ])('refuses %s as an end, saying what it is', async (end, shown) => {
    const result = await expectOnly(settings(`{ min: ${end}, max: 1 }`), [{ rule: 'schema', severity: 'error', file: 'handbook.yaml', line: 4, column: 20 }]);
    expect(only(result.diagnostics, 'handbook.yaml').message).toBe(`\`confidence.min\` must be a number, not ${shown}.`);
    expectBaseModel(result);
  });

  it('refuses `min` above `max` with a hint that says which is which', async () => {
    const result = await expectOnly(settings('{ min: 1, max: 0 }'), [{ rule: 'schema', severity: 'error', file: 'handbook.yaml', line: 4, column: 13 }]);
    expect(only(result.diagnostics, 'handbook.yaml').hint).toBe('Write the lowest confidence as `min` and the highest as `max`, e.g. `{ min: 0, max: 1 }`.');
  });

  it('accepts a scale at the limits', async () => {
    const result = await expectOnly(settings('{ min: -1000000, max: 1000000 }'), []);
    expect(result.handbook.settings.confidence).toEqual({ min: -1_000_000, max: 1_000_000 });
  });
});

describe('values shown in messages', () => {
  it('shows a mapping in an owner list as text, never `[object Object]`', async () => {
    const result = await expectOnly(edit(OBJECTIVE, 'owner: priya-shah\n', 'owner: [{ a: b }]\n'), [
      { rule: 'owner-single', severity: 'error', file: OBJECTIVE, line: 5, column: 8 },
    ]);
    const diagnostic = only(result.diagnostics, OBJECTIVE);
    expect(`${diagnostic.message} ${diagnostic.hint}`).not.toContain('[object');
    expect(diagnostic.hint).toBe("Write one person's id on its own: `owner: priya-shah`.");
  });

  it('names the people of a list of several, and what is not text as short text', async () => {
    const result = await expectOnly(edit(OBJECTIVE, 'owner: priya-shah\n', 'owner: [priya-shah, { a: b }, [c]]\n'), [
      { rule: 'owner-single', severity: 'error', file: OBJECTIVE, line: 5, column: 8 },
    ]);
    expect(only(result.diagnostics, OBJECTIVE).message).toContain('names 3 people (priya-shah, {a: b}, [c])');
  });

  it('shortens a long unknown owner in the message', async () => {
    const result = await expectOnly(edit(OBJECTIVE, 'owner: priya-shah\n', `owner: ${'x'.repeat(5_000)}\n`), [
      { rule: 'unresolved-reference', severity: 'error', file: OBJECTIVE, line: 5, column: 8 },
    ]);
    expect(only(result.diagnostics, OBJECTIVE).message.length).toBeLessThan(200);
  });
});

describe('YAML tags other than the core ones', () => {
  it.each([
    ['a local tag', 'role: !foo Designer\n', 2, 7],
    ['a JavaScript function tag', 'role: !!js/function "function () {}"\n', 2, 7],
    ['a YAML 1.1 type', 'role: !!binary aGVsbG8=\n', 2, 7],
  ])('reports %s on the tag and reads the rest of the file', async (_name, line, tagLine, column) => {
    const result = await expectOnly({ [EXTRA]: `---\n${line}name: Ana Ruiz\n---\n` }, [
      { rule: 'yaml-syntax', severity: 'error', file: EXTRA, line: tagLine, column },
    ]);
    const diagnostic = only(result.diagnostics, EXTRA);
    expect(diagnostic.message).toMatch(/^Unknown YAML tag `!/);
    expect(diagnostic.hint).toMatch(/Remove `!.*`, or quote/);
    // The rest is validated: the person is in the model.
    expect(result.handbook.people.find((person) => person.id === 'ana-ruiz')?.name).toBe('Ana Ruiz');
  });

  it('reports a tag on a mapping, and still validates the mapping', async () => {
    const result = await expectOnly({ [EXTRA]: '---\nrole: !foo { a: b }\nname: Ana Ruiz\n---\n' }, [
      { rule: 'yaml-syntax', severity: 'error', file: EXTRA, line: 2, column: 7 },
      { rule: 'schema', severity: 'error', file: EXTRA, line: 2, column: 12 },
    ]);
    expect(result.diagnostics.find((d) => d.rule === 'schema' && d.file === EXTRA)!.message).toBe('`role` must be text, not the mapping `{a: b}`.');
  });

  it('accepts the core tags and the non-specific one', async () => {
    await expectOnly({ [EXTRA]: '---\nname: !!str Ana Ruiz\nrole: ! Designer\n---\n' }, []);
  });

  it('reports an unknown tag in handbook.yaml on its line, and reads the rest', async () => {
    const result = await expectOnly({ 'handbook.yaml': 'title: Test Handbook\norganization: !corp Testco\nasOf: 2026-08-20\n' }, [
      { rule: 'yaml-syntax', severity: 'error', file: 'handbook.yaml', line: 2, column: 15 },
    ]);
    expect(result.handbook.settings.organization).toBe('Testco');
  });
});
