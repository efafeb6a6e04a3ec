import { runCommand } from '../../helpers/run-command.js';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkHandbook } from '../../../src/lib/check-handbook.js';
import { runNewCommand } from '../../../src/lib/cli/new-command.js';
import type { Asker } from '../../../src/lib/scaffold/inputs.js';
import { BASE_HANDBOOK, edit, writeHandbook } from '../../helpers/fixture-handbook.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TODAY = '2026-08-20';

/** Runs `npm run new` in-process against `dir`, as from the folder that holds it. */
async function runNew(dir: string, args: string[], asker?: Asker) {
  return runNewCommand([...args, '--content', dir], { cwd: path.dirname(dir), color: false, today: TODAY, ...(asker && { asker }) });
}

/** Every file of a handbook with its text, to prove nothing was written. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files[path.relative(dir, file)] = readFileSync(file, 'utf8');
    }
  }
  return files;
}

async function diagnosticsOf(dir: string, file?: string) {
  const { diagnostics } = await checkHandbook({ contentDir: dir, today: TODAY });
  return diagnostics.filter((d) => file === undefined || d.file === file).map(({ rule, severity, line, column }) => ({ rule, severity, line, column }));
}

/** An asker that gives scripted answers and records what it was told. */
function scripted(...answers: string[]): Asker & { questions: string[]; told: string[] } {
  const questions: string[] = [];
  const told: string[] = [];
  return {
    questions,
    told,
    async ask(question) {
      questions.push(question);
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`unexpected question ${question}`);
      return answer;
    },
    tell: (message) => void told.push(message),
  };
}

describe('new person', () => {
  it('writes a person whose id comes from the name, and it validates', async () => {
    const dir = writeHandbook();
    const result = await runNew(dir, ['person', '--name', 'Ana Díaz', '--role', 'Data Engineer', '--team', 'growth', '--manager', 'priya-shah']);
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(result.stdout).toContain(`Created ${path.basename(dir)}/people/ana-diaz.md`);
    expect(result.stdout).toContain('1 file checked: no problems');
    expect(readFileSync(path.join(dir, 'people/ana-diaz.md'), 'utf8')).toBe('---\nname: Ana Díaz\nrole: Data Engineer\nteam: growth\nmanager: priya-shah\n---\n');
    expect(await diagnosticsOf(dir)).toEqual([]);
  });

  it('refuses an id that is taken, and writes nothing', async () => {
    const dir = writeHandbook();
    const before = snapshot(dir);
    const result = await runNew(dir, ['person', '--name', 'Lee Wong']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('There is already a person `lee-wong` (people/lee-wong.md); choose another id.');
    expect(result.stderr).toContain('Nothing was written.');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a malformed id with the id it could be', async () => {
    const dir = writeHandbook();
    const before = snapshot(dir);
    const result = await runNew(dir, ['person', '--name', 'Ana Díaz', '--id', 'Ana_Diaz']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain('`--id`: `Ana_Diaz` is not a valid id: use 1-64 characters of a-z, 0-9 and `-`, starting with a letter or digit. Perhaps `ana-diaz`?');
    expect(snapshot(dir)).toEqual(before);
  });

  it('without a terminal, a missing value is a usage error naming the flag', async () => {
    const dir = writeHandbook();
    const before = snapshot(dir);
    const result = await runNew(dir, ['person', '--role', 'Analyst']);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('Missing `--name`: there is no terminal to ask for it.');
    expect(result.stderr).toContain('Usage: okr-handbook new person');
    expect(snapshot(dir)).toEqual(before);
  });

  it('on a terminal, asks for what is missing and asks again after a bad answer', async () => {
    const dir = writeHandbook();
    // A blank name, then a name; the id offered is taken, then one is malformed, then a good one.
    const asker = scripted('', 'Lee Wong', '', 'Lee_W', 'lw');
    const result = await runNew(dir, ['person', '--manager', 'priya-shah'], asker);
    expect(result.exitCode).toBe(0);
    expect(readFileSync(path.join(dir, 'people/lw.md'), 'utf8')).toBe('---\nname: Lee Wong\nmanager: priya-shah\n---\n');
    expect(asker.questions).toEqual(['Full name: ', 'Full name: ', 'Id of the person [lee-wong]: ', 'Id of the person [lee-wong]: ', 'Id of the person [lee-wong]: ']);
    expect(asker.told).toEqual([
      '  An answer is needed here.',
      '  There is already a person `lee-wong` (people/lee-wong.md); choose another id.',
      '  `Lee_W` is not a valid id: use 1-64 characters of a-z, 0-9 and `-`, starting with a letter or digit. Perhaps `lee-w`?',
    ]);
  });

  it('on a terminal, a bad flag is still an error rather than a question', async () => {
    const dir = writeHandbook();
    const asker = scripted();
    const result = await runNew(dir, ['person', '--name', 'Ana', '--id', 'ana', '--manager', 'growth'], asker);
    expect(result.exitCode).toBe(1);
    expect(asker.questions).toEqual([]);
  });

  it('--no-input never asks, even on a terminal', async () => {
    const dir = writeHandbook();
    const asker = scripted();
    const result = await runNew(dir, ['person', '--no-input'], asker);
    expect(result.exitCode).toBe(2);
    expect(asker.questions).toEqual([]);
  });
});

describe('owners are checked to be one person', () => {
  const objective = (owner: string) => ['objective', '--title', 'Grow', '--owner', owner, '--kr-title', 'More'];

  it.each([
    ['priya-sha', '`--owner`: There is no person `priya-sha`. Did you mean `priya-shah`?'],
    ['Lee Wong', '`--owner`: There is no person `Lee Wong`. Did you mean `lee-wong`?'],
    ['growth', '`--owner`: `growth` is a team; a team can contribute but the owner must be one person. Name one person from it, e.g. its lead `priya-shah`.'],
    ['priya-shah and lee-wong', 'The owner is one person, not several (`priya-shah`, `lee-wong`); pick the one who carries it.'],
    ['tbd', '"tbd" names no one in particular'],
    ['zed', 'There is no person `zed`. Add them first with `npm run new -- person --name "…"`.'],
  ])('refuses `%s`', async (owner, message) => {
    const dir = writeHandbook();
    const before = snapshot(dir);
    const result = await runNew(dir, objective(owner));
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toContain(message);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a person who has left', async () => {
    const dir = writeHandbook(edit('people/sam-okafor.md', 'role: CTO\n', 'role: CTO\nleft: 2026-08-01\n'));
    const result = await runNew(dir, objective('sam-okafor'));
    expect(result.stderr).toContain('`sam-okafor` left on 2026-08-01; name someone who is staying.');
  });

  it('checks a facilitator, a sponsor and a manager the same way', async () => {
    const dir = writeHandbook();
    expect((await runNew(dir, ['review', '--facilitator', 'growth'])).stderr).toContain('`growth` is a team; a team can contribute but the facilitator must be one person.');
    expect((await runNew(dir, [...objective('lee-wong'), '--sponsor', 'sam-okafr'])).stderr).toContain('Did you mean `sam-okafor`?');
    expect((await runNew(dir, ['person', '--name', 'Ana', '--manager', 'everyone'])).exitCode).toBe(1);
  });
});

describe('new objective', () => {
  const args = ['objective', '--title', 'Win the mid-market', '--owner', 'lee-wong', '--team', 'growth', '--kr-title', 'Sign 10 mid-market accounts', '--baseline', '2', '--target', '10'];

  it('with --accepted (the owner runs it), validates with no error', async () => {
    const dir = writeHandbook();
    const result = await runNew(dir, [...args, '--accepted', 'today']);
    expect(result.exitCode).toBe(0);
    expect(readFileSync(path.join(dir, 'objectives/2026-q3/win-the-mid-market.md'), 'utf8')).toBe(`---
title: Win the mid-market
cycle: 2026-q3
team: growth
owner: lee-wong
accepted: 2026-08-20
keyResults:
  - id: sign-10-mid-market-accounts
    title: Sign 10 mid-market accounts
    owner: lee-wong
    accepted: 2026-08-20
    metric: { baseline: 2, target: 10 }
---
`);
    // The new key result has no check-in yet: a warning, not an error.
    expect(await diagnosticsOf(dir)).toEqual([{ rule: 'confidence-stale', severity: 'warn', line: 8, column: 9 }]);
  });

  it('without --accepted, leaves it blank with a comment: owner-accepted on those lines is the only error', async () => {
    const dir = writeHandbook();
    const result = await runNew(dir, [...args, '--kr-owner', 'priya-shah']);
    expect(result.exitCode).toBe(0);
    const file = 'objectives/2026-q3/win-the-mid-market.md';
    const text = readFileSync(path.join(dir, file), 'utf8');
    expect(text).toContain('\naccepted: # for lee-wong to fill in: the day they accept, YYYY-MM-DD; until then npm run check reports owner-accepted\n');
    expect(text).toContain('\n    owner: priya-shah\n    accepted: # for priya-shah to fill in:');
    const errors = (await diagnosticsOf(dir)).filter((d) => d.severity === 'error');
    expect(errors).toEqual([
      { rule: 'owner-accepted', severity: 'error', line: 6, column: 1 },
      { rule: 'owner-accepted', severity: 'error', line: 11, column: 5 },
    ]);
    expect(result.stdout).toContain('6:1  error  Objective `win-the-mid-market` has no `accepted` date');
  });

  it('--accepted covers the first key result only when its owner is the same person', async () => {
    const dir = writeHandbook();
    await runNew(dir, [...args, '--accepted', '2026-08-19', '--kr-owner', 'priya-shah']);
    const errors = (await diagnosticsOf(dir)).filter((d) => d.severity === 'error');
    expect(errors).toEqual([{ rule: 'owner-accepted', severity: 'error', line: 11, column: 5 }]);
  });

  it('writes a title with YAML-special characters so that it reads back unchanged', async () => {
    const dir = writeHandbook();
    const title = `Win: "big" #1 — it's [all] {ours} & more`;
    const krTitle = '- yes: 50% #';
    const result = await runNew(dir, ['objective', '--id', 'win', '--title', title, '--owner', 'lee-wong', '--kr-title', krTitle, '--kr-id', 'win-kr', '--accepted', 'today']);
    expect(result.exitCode).toBe(0);
    const { handbook, diagnostics } = await checkHandbook({ contentDir: dir, today: TODAY });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const objective = handbook.objectives.find((o) => o.id === 'win');
    expect(objective?.title).toBe(title);
    expect(objective?.keyResults[0]?.title).toBe(krTitle);
  });

  it('refuses a key-result id used anywhere in the handbook, and an unknown cycle', async () => {
    const dir = writeHandbook();
    const taken = await runNew(dir, [...args, '--kr-id', 'q2-activation']);
    expect(taken.stderr).toContain('There is already a key result `q2-activation` (objectives/2026-q2/activation.md)');
    const cycle = await runNew(dir, [...args, '--cycle', '2026-Q3']);
    expect(cycle.stderr).toContain('`--cycle`: There is no cycle `2026-Q3`. Did you mean `2026-q3`?');
  });

  it('files the objective flat when the handbook does not file by cycle', async () => {
    const dir = writeHandbook({
      'objectives/2026-q2/activation.md': null,
      'objectives/activation.md': BASE_HANDBOOK['objectives/2026-q2/activation.md']!,
      'objectives/2026-q3/retention.md': null,
      'objectives/retention.md': BASE_HANDBOOK['objectives/2026-q3/retention.md']!,
    });
    expect((await runNew(dir, args)).stdout).toContain('/objectives/win-the-mid-market.md');
  });
});

describe('new kr', () => {
  const OBJECTIVE = `---
# Growth's objective for Q3. Keep the key results short.
title: 'Keep the customers we win' # quoted on purpose
cycle: 2026-q3
owner: priya-shah
accepted: 2026-06-26
keyResults:
  - id: q3-retention
    title: "Raise 90-day retention from 60% to 70%"
    owner: lee-wong # took it over from Sam
    accepted: 2026-06-26
    metric: { baseline: 60, target: 70, unit: "%" }

  # Churn is tracked monthly.
  - id: q3-churn
    title: Cut churn from 5% to 3%
    owner: sam-okafor
    accepted: 2026-06-27
---
Why it matters.

---
A horizontal rule in the body, and  trailing spaces.  
`;
  const FILE = 'objectives/2026-q3/retention.md';

  it('adds the key result and leaves every other byte of the file as it was', async () => {
    const dir = writeHandbook({ [FILE]: OBJECTIVE });
    const result = await runNew(dir, ['kr', '--objective', 'retention', '--title', 'Lift NPS: from 30 to 45', '--id', 'q3-nps', '--owner', 'lee-wong', '--baseline', '30', '--target', '45']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`Updated ${path.basename(dir)}/${FILE}`);
    const end = OBJECTIVE.indexOf('---\nWhy');
    const inserted = `  - id: q3-nps
    title: "Lift NPS: from 30 to 45"
    owner: lee-wong
    accepted: # for lee-wong to fill in: the day they accept, YYYY-MM-DD; until then npm run check reports owner-accepted
    metric: { baseline: 30, target: 45 }
`;
    expect(readFileSync(path.join(dir, FILE), 'utf8')).toBe(OBJECTIVE.slice(0, end) + inserted + OBJECTIVE.slice(end));
    expect((await diagnosticsOf(dir, FILE)).filter((d) => d.severity === 'error')).toEqual([{ rule: 'owner-accepted', severity: 'error', line: 22, column: 5 }]);
  });

  it('keeps CRLF line endings', async () => {
    const dir = writeHandbook({ [FILE]: OBJECTIVE.replace(/\n/g, '\r\n') });
    await runNew(dir, ['kr', '--objective', 'retention', '--title', 'Lift NPS', '--owner', 'lee-wong', '--accepted', '2026-07-01']);
    const text = readFileSync(path.join(dir, FILE), 'utf8');
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text).toContain('\r\n  - id: lift-nps\r\n    title: Lift NPS\r\n    owner: lee-wong\r\n    accepted: 2026-07-01\r\n---\r\nWhy');
  });

  it('turns an empty `keyResults: []` into a block list (the yaml package moves its comment), and says so', async () => {
    const dir = writeHandbook({ 'objectives/2026-q3/umbrella.md': '---\ntitle: Umbrella\ncycle: 2026-q3\nowner: priya-shah\naccepted: 2026-06-26\nkeyResults: [] # none yet\n---\nBody.\n' });
    const result = await runNew(dir, ['kr', '--objective', 'umbrella', '--title', 'First', '--owner', 'priya-shah', '--accepted', '2026-06-26']);
    expect(result.stdout).toContain('The yaml package also rewrote other lines of the front matter');
    expect(readFileSync(path.join(dir, 'objectives/2026-q3/umbrella.md'), 'utf8')).toBe(
      '---\ntitle: Umbrella\ncycle: 2026-q3\nowner: priya-shah\naccepted: 2026-06-26\nkeyResults:\n  - id: first\n    title: First\n    owner: priya-shah\n    accepted: 2026-06-26\n  # none yet\n---\nBody.\n',
    );
  });

  it('refuses an unknown objective, a taken id and half a metric, writing nothing', async () => {
    const dir = writeHandbook();
    const before = snapshot(dir);
    const base = ['kr', '--title', 'Lift NPS', '--owner', 'lee-wong'];
    expect((await runNew(dir, [...base, '--objective', 'retension'])).stderr).toContain('There is no objective `retension`. Did you mean `retention`?');
    expect((await runNew(dir, [...base, '--objective', 'retention', '--id', 'q3-churn'])).stderr).toContain('There is already a key result `q3-churn`');
    const half = await runNew(dir, [...base, '--objective', 'retention', '--baseline', '3']);
    expect(half.exitCode).toBe(2);
    expect(half.stderr).toContain('Give both `--baseline` and `--target`, or neither.');
    expect(snapshot(dir)).toEqual(before);
  });
});

describe('new review', () => {
  it('a check-in lists every key result of the active cycle, blank, with its last confidence and value as comments', async () => {
    const dir = writeHandbook();
    const result = await runNew(dir, ['review', '--facilitator', 'priya-shah', '--date', '2026-08-24']);
    expect(result.exitCode).toBe(0);
    const file = 'reviews/2026-q3/2026-08-24-check-in.md';
    expect(readFileSync(path.join(dir, file), 'utf8')).toBe(`---
# Check-in of 2026 Q3. Fill in each key result's confidence (from 0 to 1) and value, level or done with
# the owners in the meeting; the comments show the last ones. Add a note where something changed,
# and remove the key results that were not discussed: \`npm run check\` points at every blank update.

date: 2026-08-24
kind: check-in
facilitator: priya-shah
updates:
  - kr: q3-retention # Raise 90-day retention from 60% to 70% (lee-wong)
    confidence: # last 0.6 on 2026-08-17
    value: # last 64, target 70
  - kr: q3-churn # Cut churn from 5% to 3% (sam-okafor)
    confidence: # last 0.5 on 2026-08-17
---
`);
    // Left untouched, it fails the check on each update: it cannot pass for a fresh check-in.
    const { diagnostics } = await checkHandbook({ contentDir: dir, today: TODAY });
    expect(diagnostics.filter((d) => d.file === file).map(({ rule, severity, line, column, message }) => ({ rule, severity, line, column, message }))).toEqual([
      { rule: 'schema', severity: 'error', line: 11, column: 5, message: 'The first update, `q3-retention`, is not filled in: its `confidence` and `value` are blank.' },
      { rule: 'schema', severity: 'error', line: 14, column: 5, message: 'The second update, `q3-churn`, is not filled in: its `confidence` is blank.' },
    ]);
    const filled = readFileSync(path.join(dir, file), 'utf8')
      .replace('confidence: # last 0.6 on 2026-08-17', 'confidence: 0.7')
      .replace('value: # last 64, target 70', 'value: 66')
      .replace('confidence: # last 0.5 on 2026-08-17', 'confidence: 0.4');
    writeFileSync(path.join(dir, file), filled);
    expect(await diagnosticsOf(dir)).toEqual([]);
  });

  it('a key result with no check-in yet says so, and shows its baseline and target for the value', async () => {
    const dir = writeHandbook();
    await runNew(dir, ['kr', '--objective', 'retention', '--title', 'Lift NPS', '--owner', 'lee-wong', '--accepted', 'today', '--baseline', '30', '--target', '45']);
    await runNew(dir, ['review', '--facilitator', 'priya-shah', '--id', 'week-35']);
    const file = 'reviews/2026-q3/week-35.md';
    expect(readFileSync(path.join(dir, file), 'utf8')).toContain(
      '  - kr: lift-nps # Lift NPS (lee-wong)\n    confidence: # no check-in yet\n    value: # baseline 30, target 45\n',
    );
    expect(await diagnosticsOf(dir, file)).toEqual([
      { rule: 'schema', severity: 'error', line: 11, column: 5 },
      { rule: 'schema', severity: 'error', line: 14, column: 5 },
      { rule: 'schema', severity: 'error', line: 16, column: 5 },
    ]);
  });

  it('a retrospective leaves each score blank for the facilitator, one diagnostic per score', async () => {
    const dir = writeHandbook();
    const result = await runNew(dir, ['review', '--kind', 'retrospective', '--facilitator', 'priya-shah', '--date', '2026-09-30']);
    expect(result.exitCode).toBe(0);
    const file = 'reviews/2026-q3/2026-q3-retrospective.md';
    const text = readFileSync(path.join(dir, file), 'utf8');
    expect(text).toContain('  - kr: q3-retention # Raise 90-day retention from 60% to 70% (lee-wong)\n    score: # 0.0-1.0; last confidence 0.6, value 64 (from 60 towards 70)\n');
    expect(await diagnosticsOf(dir, file)).toEqual([
      { rule: 'schema', severity: 'error', line: 10, column: 5 },
      { rule: 'schema', severity: 'error', line: 12, column: 5 },
    ]);
  });

  it('refuses a review id that is taken', async () => {
    const dir = writeHandbook();
    const result = await runNew(dir, ['review', '--facilitator', 'priya-shah', '--id', 'week-33']);
    expect(result.stderr).toContain('There is already a review `week-33` (reviews/2026-q3/week-33.md)');
  });
});

describe('new cycle, team and term', () => {
  it('each writes a file that validates', async () => {
    const dir = writeHandbook();
    expect((await runNew(dir, ['cycle', '--title', '2026 Q4', '--start', '2026-10-01', '--end', '2026-12-31'])).exitCode).toBe(0);
    expect((await runNew(dir, ['team', '--name', 'Data Platform', '--lead', 'sam-okafor', '--parent', 'growth'])).exitCode).toBe(0);
    expect((await runNew(dir, ['term', '--term', 'Sponsor', '--summary', 'The executive who settles trade-offs: not the owner.', '--synonyms', 'Executive sponsor, Exec', '--related', 'okr-owner'])).exitCode).toBe(0);
    expect(readFileSync(path.join(dir, 'cycles/2026-q4.md'), 'utf8')).toBe('---\ntitle: 2026 Q4\nstart: 2026-10-01\nend: 2026-12-31\nstatus: planning\n---\n');
    expect(readFileSync(path.join(dir, 'glossary/sponsor.md'), 'utf8')).toBe(
      '---\nterm: Sponsor\nsummary: "The executive who settles trade-offs: not the owner."\nsynonyms:\n  - Executive sponsor\n  - Exec\nrelated:\n  - okr-owner\n---\n',
    );
    expect(await diagnosticsOf(dir)).toEqual([]);
  });

  it('refuses a cycle that ends before it starts and an unknown related term', async () => {
    const dir = writeHandbook();
    expect((await runNew(dir, ['cycle', '--title', 'Q4', '--start', '2026-10-01', '--end', '2026-09-01'])).stderr).toContain('would end (2026-09-01) before it starts');
    expect((await runNew(dir, ['term', '--term', 'X', '--summary', 'Y.', '--related', 'okr-ownr'])).stderr).toContain('Did you mean `okr-owner`?');
  });
});

describe('as a new user would', () => {
  it('creates a person, an objective and a check-in, and the handbook validates once the owner fills in the confidence', async () => {
    const dir = writeHandbook({}, { 'handbook.yaml': BASE_HANDBOOK['handbook.yaml']!, 'cycles/2026-q3.md': BASE_HANDBOOK['cycles/2026-q3.md']! });
    expect((await runNew(dir, ['person', '--name', 'Lee Wong', '--role', 'Product Manager'])).exitCode).toBe(0);
    expect((await runNew(dir, ['objective', '--title', 'Make onboarding work', '--owner', 'lee-wong', '--accepted', 'today', '--kr-title', 'Day-7 activation from 32% to 55%', '--kr-id', 'd7-activation', '--baseline', '32', '--target', '55', '--unit', '%'])).exitCode).toBe(0);
    const review = await runNew(dir, ['review', '--facilitator', 'lee-wong']);
    expect(review.exitCode).toBe(0);
    expect(review.stdout).toContain('The first update, `d7-activation`, is not filled in: its `confidence` and `value` are blank.');
    const file = path.join(dir, 'reviews/2026-08-20-check-in.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/confidence: #.*/, 'confidence: 0.6').replace(/value: #.*/, 'value: 35'));
    expect(await diagnosticsOf(dir)).toEqual([]);
  });
});

describe('npm run new (the real command)', () => {
  function spawnNew(...args: string[]) {
    return runCommand(['new', ...args], { env: { INIT_CWD: ROOT } });
  }

  it('writes a file, prints its path and what the check says about it', () => {
    const dir = writeHandbook();
    const { status, stdout } = spawnNew('objective', '--content', dir, '--date', TODAY, '--title', 'Grow', '--owner', 'lee-wong', '--kr-title', 'More');
    expect(status).toBe(0);
    expect(stdout).toContain(`Created ${path.relative(ROOT, path.join(dir, 'objectives/2026-q3/grow.md'))}`);
    expect(stdout).toContain('owner-accepted');
    expect(stdout).toContain('✖ 2 errors, 1 warning in 1 file checked.');
  });

  it('does not wait for input when stdin is not a terminal: a missing value is a usage error', () => {
    const dir = writeHandbook();
    const { status, stderr } = spawnNew('kr', '--content', dir, '--title', 'More');
    expect(status).toBe(2);
    expect(stderr).toContain('Missing `--objective`, `--owner`: there is no terminal to ask for them.');
  });

  it('--help lists the kinds, and each kind its options', () => {
    expect(spawnNew('--help').stdout).toContain('  review     a check-in or a retrospective');
    expect(spawnNew('kr', '--help').stdout).toContain('--objective ID');
    const unknown = spawnNew('objectve');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('There is no kind `objectve`. Did you mean `objective`?');
  });
});

describe('the kind of a new key result', () => {
  const kr = ['kr', '--objective', 'retention', '--owner', 'lee-wong', '--accepted', '2026-07-01'];

  it('writes levels from the --level flags, and a milestone from --kind milestone, each valid', async () => {
    const dir = writeHandbook();
    expect((await runNew(dir, [...kr, '--title', 'Single sign-on', '--id', 'q3-sso', '--level-commit', 'One pilot account', '--level-target', 'Five accounts', '--level-stretch', 'SCIM too'])).exitCode).toBe(0);
    expect((await runNew(dir, [...kr, '--title', 'SOC 2 report', '--id', 'q3-soc2', '--kind', 'milestone'])).exitCode).toBe(0);
    const text = readFileSync(path.join(dir, 'objectives/2026-q3/retention.md'), 'utf8');
    expect(text).toContain('    levels:\n      commit: One pilot account\n      target: Five accounts\n      stretch: SCIM too\n');
    expect(text).toContain('  - id: q3-soc2\n    title: SOC 2 report\n    owner: lee-wong\n    accepted: 2026-07-01\n    milestone: true\n');
    // New key results have no check-in yet: warnings only.
    expect((await diagnosticsOf(dir)).filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('a check-in leaves a level and a not-done milestone blank, the last level as a comment, and checks them', async () => {
    const dir = writeHandbook();
    await runNew(dir, [...kr, '--title', 'Single sign-on', '--id', 'q3-sso', '--level-commit', 'Pilot', '--level-target', 'Five', '--level-stretch', 'SCIM']);
    await runNew(dir, [...kr, '--title', 'SOC 2 report', '--id', 'q3-soc2', '--kind', 'milestone']);
    const first = 'reviews/2026-q3/week-35.md';
    expect((await runNew(dir, ['review', '--facilitator', 'priya-shah', '--id', 'week-35', '--date', '2026-08-24'])).exitCode).toBe(0);
    const blank = readFileSync(path.join(dir, first), 'utf8');
    expect(blank).toContain('  - kr: q3-sso # Single sign-on (lee-wong)\n    confidence: # no check-in yet\n    level: # no level yet; fail, commit, target or stretch\n');
    expect(blank).toContain('  - kr: q3-soc2 # SOC 2 report (lee-wong)\n    confidence: # no check-in yet\n    done: # not done yet; true once it is done\n');
    const messages = (await checkHandbook({ contentDir: dir, today: TODAY })).diagnostics.filter((d) => d.file === first).map((d) => d.message);
    expect(messages).toContain('The third update, `q3-sso`, is not filled in: its `confidence` and `level` are blank.');
    expect(messages).toContain('The fourth update, `q3-soc2`, is not filled in: its `confidence` and `done` are blank.');
    writeFileSync(
      path.join(dir, first),
      blank
        .replace(/confidence: # [^\n]*/g, 'confidence: 0.6')
        .replace(/value: # [^\n]*/, 'value: 65')
        .replace(/level: # [^\n]*/, 'level: commit')
        .replace(/done: # [^\n]*/, 'done: true'),
    );
    expect((await diagnosticsOf(dir, first))).toEqual([]);
    // The next check-in asks for the level again (the last one as a comment, not copied); a done milestone is not asked again.
    const second = 'reviews/2026-q3/week-36.md';
    expect((await runNew(dir, ['review', '--facilitator', 'priya-shah', '--id', 'week-36', '--date', '2026-08-25'])).exitCode).toBe(0);
    const next = readFileSync(path.join(dir, second), 'utf8');
    expect(next).toContain('    level: # last commit; fail, commit, target or stretch\n');
    expect(next).toContain('  - kr: q3-soc2 # SOC 2 report (lee-wong)\n    confidence: # last 0.6 on 2026-08-24; done on 2026-08-24\n');
    expect(next).not.toContain('done:');
  });

  it('asks for each level at a terminal with --kind levels', async () => {
    const dir = writeHandbook();
    const asker = scripted('Pilot live', 'Five live', 'All live');
    expect((await runNew(dir, [...kr, '--title', 'SSO', '--id', 'q3-sso', '--kind', 'levels'], asker)).exitCode).toBe(0);
    expect(asker.questions).toEqual(['Commit level: what is promised: ', 'Target level: what is aimed for: ', 'Stretch level: what would be outstanding: ']);
    expect(readFileSync(path.join(dir, 'objectives/2026-q3/retention.md'), 'utf8')).toContain('      commit: Pilot live\n      target: Five live\n      stretch: All live\n');
  });

  it('refuses two kinds at once, writing nothing', async () => {
    const dir = writeHandbook();
    const before = snapshot(dir);
    const both = await runNew(dir, [...kr, '--title', 'SSO', '--baseline', '0', '--target', '5', '--level-commit', 'Pilot']);
    expect(both.exitCode).toBe(2);
    expect(both.stderr).toContain('A key result is measured one way');
    const milestoneWithMetric = await runNew(dir, ['objective', '--title', 'X', '--owner', 'lee-wong', '--kr-title', 'Y', '--kind', 'milestone', '--baseline', '1', '--target', '2']);
    expect(milestoneWithMetric.exitCode).toBe(2);
    expect(snapshot(dir)).toEqual(before);
  });
});
