import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDiffCommand } from '../../../src/lib/cli/diff-command.js';
import type { HandbookDiff } from '../../../src/lib/diff/diff-handbooks.js';
import { BASE_HANDBOOK } from '../../helpers/fixture-handbook.js';
import { FixtureRepository } from './git-fixture.js';

const RETENTION = 'objectives/2026-q3/retention.md';
const WEEK_33 = 'reviews/2026-q3/week-33.md';

async function diff(repository: FixtureRepository, ...args: string[]) {
  return runDiffCommand(args, { cwd: repository.dir, today: '2026-08-20' });
}

/** The diff of `main` → HEAD as JSON and as Markdown. */
async function compare(repository: FixtureRepository): Promise<{ json: HandbookDiff; markdown: string }> {
  const json = await diff(repository, 'main', '--format', 'json');
  const markdown = await diff(repository, 'main');
  expect(json.exitCode).toBe(0);
  expect(markdown.exitCode).toBe(0);
  return { json: JSON.parse(json.stdout) as HandbookDiff, markdown: markdown.stdout };
}

describe('diff: owners', () => {
  it('shows an owner change from one person to another, with the new acceptance', async () => {
    const repository = FixtureRepository.withHandbook();
    repository.edit(RETENTION, 'owner: sam-okafor\n    accepted: 2026-06-27', 'owner: priya-shah\n    accepted: 2026-07-02');
    repository.commit('Priya takes over churn');
    const { json, markdown } = await compare(repository);

    expect(json.ownerChanges).toEqual([
      {
        entity: 'keyResult',
        id: 'q3-churn',
        title: 'Cut churn from 5% to 3%',
        file: `content/${RETENTION}`,
        change: 'owner',
        from: { id: 'sam-okafor', name: 'Sam Okafor' },
        to: { id: 'priya-shah', name: 'Priya Shah' },
        acceptedBefore: '2026-06-27',
        accepted: '2026-07-02',
      },
    ]);
    expect(markdown).toContain(
      '| key result | `q3-churn` | “Cut churn from 5% to 3%” | Sam Okafor (`sam-okafor`) → Priya Shah (`priya-shah`) | 2026-07-02 |',
    );
    expect(json.objectives).toEqual({ added: [], removed: [] });
    expect(json.keyResults).toEqual({ added: [], removed: [], moved: [] });
    expect(json.problems).toEqual({ introduced: [], fixed: 0 });
  });

  it('says when the new owner has not accepted, or when the date is still the previous owner’s', async () => {
    const repository = FixtureRepository.withHandbook();
    repository
      .edit(RETENTION, 'owner: priya-shah\naccepted: 2026-06-26', 'owner: lee-wong\naccepted: 2026-06-26') // objective: date left as it was
      .edit(RETENTION, 'owner: sam-okafor\n    accepted: 2026-06-27', 'owner: priya-shah'); // key result: no date
    repository.commit('New owners');
    const { json, markdown } = await compare(repository);

    expect(json.ownerChanges.map(({ entity, id, from, to, accepted }) => ({ entity, id, from: from?.id, to: to?.id, accepted }))).toEqual([
      { entity: 'objective', id: 'retention', from: 'priya-shah', to: 'lee-wong', accepted: '2026-06-26' },
      { entity: 'keyResult', id: 'q3-churn', from: 'sam-okafor', to: 'priya-shah', accepted: null },
    ]);
    expect(markdown).toContain('Priya Shah (`priya-shah`) → Lee Wong (`lee-wong`) | 2026-06-26, **unchanged from the previous owner**: has the new owner accepted? |');
    expect(markdown).toContain('Sam Okafor (`sam-okafor`) → Priya Shah (`priya-shah`) | **not accepted yet** |');
    // The missing date is also a new problem.
    expect(json.problems.introduced.map((p) => p.rule)).toEqual(['owner-accepted']);
  });

  it('flags an `accepted` date changed or cleared for the same owner', async () => {
    const repository = FixtureRepository.withHandbook();
    repository.edit(RETENTION, 'accepted: 2026-06-26\nsponsor', 'accepted: 2026-07-01\nsponsor');
    repository.commit('Re-accepted');
    const { json, markdown } = await compare(repository);
    expect(json.ownerChanges).toMatchObject([
      { entity: 'objective', id: 'retention', change: 'accepted', from: { id: 'priya-shah' }, to: { id: 'priya-shah' }, acceptedBefore: '2026-06-26', accepted: '2026-07-01' },
    ]);
    expect(markdown).toContain('| objective | `retention` | “Keep the customers we win” | Priya Shah (`priya-shah`) (unchanged) | 2026-06-26 → 2026-07-01 |');
  });

  it('shows an owner that became a team as an owner change and a new problem, not as a removed objective', async () => {
    const repository = FixtureRepository.withHandbook();
    repository.edit(RETENTION, 'owner: priya-shah', 'owner: growth').edit(WEEK_33, 'confidence: 0.6', 'confidence: 0.7');
    repository.commit('The team owns it');
    const { json, markdown } = await compare(repository);

    expect(json.objectives.removed).toEqual([]);
    expect(json.keyResults.removed).toEqual([]);
    expect(json.ownerChanges).toMatchObject([{ entity: 'objective', id: 'retention', from: { id: 'priya-shah', name: 'Priya Shah' }, to: { id: 'growth', name: null } }]);
    expect(json.problems.introduced).toEqual([
      {
        file: `content/${RETENTION}`,
        line: 5,
        column: 8,
        rule: 'owner-individual',
        severity: 'error',
        message: expect.stringContaining('`growth`'),
        hint: expect.stringContaining('priya-shah'),
      },
    ]);
    expect(json.problems.fixed).toBe(0);
    // Its key results' check-ins still count, though the model leaves the objective out until it is fixed.
    expect(json.confidenceMoves).toMatchObject([{ keyResult: 'q3-retention', from: { confidence: 0.6 }, to: { confidence: 0.7 }, direction: 'up' }]);
    expect(markdown).toContain('Priya Shah (`priya-shah`) → `growth` (not a person in the handbook)');
    expect(markdown).toContain('#### New validation problems (1)');
    expect(markdown).toContain('Fix: Name one person from it, e.g. its lead `priya-shah`');
    expect(markdown).toMatch(/^- `content\/objectives\/2026-q3\/retention\.md:5` \*\*error\*\* `owner-individual`: .*`growth`/m);
  });
});

describe('diff: objectives and key results', () => {
  it('lists a removed key result with its objective and owner', async () => {
    const repository = FixtureRepository.withHandbook();
    repository
      .edit(RETENTION, '  - id: q3-churn\n    title: Cut churn from 5% to 3%\n    owner: sam-okafor\n    accepted: 2026-06-27\n', '')
      .edit(WEEK_33, '  - kr: q3-churn\n    confidence: 0.5\n', '');
    repository.commit('Drop the churn key result');
    const { json, markdown } = await compare(repository);

    expect(json.keyResults.removed).toEqual([
      { id: 'q3-churn', title: 'Cut churn from 5% to 3%', objective: 'retention', owner: { id: 'sam-okafor', name: 'Sam Okafor' }, file: `content/${RETENTION}` },
    ]);
    expect(json.keyResults.added).toEqual([]);
    expect(json.ownerChanges).toEqual([]);
    expect(json.problems).toEqual({ introduced: [], fixed: 0 });
    expect(markdown).toContain('#### Key results\n\n- Removed `q3-churn` “Cut churn from 5% to 3%” (objective `retention`, owner Sam Okafor (`sam-okafor`))\n');
  });

  it('lists an added objective with its key results under it, and a key result moved between objectives', async () => {
    const repository = FixtureRepository.withHandbook();
    repository
      .edit(RETENTION, '  - id: q3-churn\n    title: Cut churn from 5% to 3%\n    owner: sam-okafor\n    accepted: 2026-06-27\n', '')
      .write({
        'objectives/2026-q3/churn.md': `---
title: Stop losing small accounts
cycle: 2026-q3
owner: sam-okafor
accepted: 2026-07-03
keyResults:
  - id: q3-churn
    title: Cut churn from 5% to 3%
    owner: sam-okafor
    accepted: 2026-06-27
  - id: q3-support
    title: Answer every ticket within a day
    owner: lee-wong
    accepted: 2026-07-03
---
`,
      });
    repository.commit('Churn gets its own objective');
    const { json, markdown } = await compare(repository);

    expect(json.objectives.added).toEqual([
      { id: 'churn', title: 'Stop losing small accounts', cycle: '2026-q3', owner: { id: 'sam-okafor', name: 'Sam Okafor' }, file: 'content/objectives/2026-q3/churn.md' },
    ]);
    expect(json.keyResults.moved).toEqual([{ id: 'q3-churn', title: 'Cut churn from 5% to 3%', from: 'retention', to: 'churn', file: 'content/objectives/2026-q3/churn.md' }]);
    expect(json.keyResults.added.map((kr) => kr.id)).toEqual(['q3-support']);
    expect(json.keyResults.removed).toEqual([]);
    expect(markdown).toContain(
      '- Added `churn` “Stop losing small accounts” (cycle `2026-q3`, owner Sam Okafor (`sam-okafor`))\n' +
        '  - key result `q3-support` “Answer every ticket within a day” (owner Lee Wong (`lee-wong`))\n',
    );
    expect(markdown).toContain('- Moved `q3-churn` “Cut churn from 5% to 3%” from objective `retention` to `churn`');
  });

  it('treats a content folder that does not exist at BASE as an empty handbook', async () => {
    const repository = new FixtureRepository();
    repository.write({ '../README.md': 'Nothing yet.\n' }).commit('Start');
    repository.git('checkout', '-q', '-b', 'change');
    repository.write({ ...BASE_HANDBOOK }).commit('The handbook');
    const { json, markdown } = await compare(repository);

    expect(json.base.contentFound).toBe(false);
    expect(json.head.contentFound).toBe(true);
    expect(json.objectives.added.map((o) => o.id)).toEqual(['activation', 'retention']);
    expect(json.keyResults.added.map((kr) => kr.id)).toEqual(['q2-activation', 'q3-churn', 'q3-retention']);
    expect(json.ownerChanges).toEqual([]);
    expect(markdown).toContain('where it does not exist yet');
    expect(markdown).toContain('- Added `retention` “Keep the customers we win” (cycle `2026-q3`, owner Priya Shah (`priya-shah`))');
  });

  it('says so when nothing changed', async () => {
    const repository = FixtureRepository.withHandbook();
    repository.write({ 'people/lee-wong.md': '---\nname: Lee Wong\nrole: Senior Product Manager\nteam: growth\nmanager: priya-shah\n---\n' }).commit('Promotion');
    const { markdown } = await compare(repository);
    expect(markdown).toContain('No changes to objectives, key results or ownership.');
    expect(markdown).toContain('No new validation problems.');
    expect(markdown).not.toContain('####');
  });
});

describe('diff: sponsors and confidence', () => {
  it('lists sponsors added, removed and changed', async () => {
    const repository = FixtureRepository.withHandbook();
    repository
      .edit(RETENTION, 'sponsor: sam-okafor\n', '')
      .edit('objectives/2026-q2/activation.md', 'accepted: 2026-03-28\nkeyResults', 'accepted: 2026-03-28\nsponsor: sam-okafor\nkeyResults');
    repository.commit('Sponsors');
    const { json, markdown } = await compare(repository);
    expect(json.sponsorChanges).toEqual([
      { objective: 'activation', title: 'Make new users successful', file: 'content/objectives/2026-q2/activation.md', change: 'added', from: null, to: { id: 'sam-okafor', name: 'Sam Okafor' } },
      { objective: 'retention', title: 'Keep the customers we win', file: `content/${RETENTION}`, change: 'removed', from: { id: 'sam-okafor', name: 'Sam Okafor' }, to: null },
    ]);
    expect(markdown).toContain('#### Sponsors\n\n- Objective `activation` “Make new users successful”: *no sponsor* → Sam Okafor (`sam-okafor`)\n');
    expect(markdown).toContain('- Objective `retention` “Keep the customers we win”: Sam Okafor (`sam-okafor`) → *no sponsor*');

    repository.edit('objectives/2026-q2/activation.md', 'sponsor: sam-okafor', 'sponsor: priya-shah').commit('Another sponsor');
    const changed = JSON.parse((await diff(repository, 'HEAD~1', '--format', 'json')).stdout) as HandbookDiff;
    expect(changed.sponsorChanges).toMatchObject([{ objective: 'activation', change: 'changed', from: { id: 'sam-okafor' }, to: { id: 'priya-shah' } }]);
  });

  it('shows a confidence move from a new check-in, with the reviews that set it', async () => {
    const repository = FixtureRepository.withHandbook();
    repository.write({
      'reviews/2026-q3/week-34.md': `---
date: 2026-08-19
kind: check-in
facilitator: priya-shah
updates:
  - kr: q3-retention
    confidence: 0.4
  - kr: q3-churn
    confidence: 0.5
---
`,
    });
    repository.commit('Week 34');
    const { json, markdown } = await compare(repository);
    // q3-churn was checked in again at the same confidence: not a move.
    expect(json.confidenceMoves).toEqual([
      {
        keyResult: 'q3-retention',
        title: 'Raise 90-day retention from 60% to 70%',
        objective: 'retention',
        from: { confidence: 0.6, review: 'week-33', date: '2026-08-17' },
        to: { confidence: 0.4, review: 'week-34', date: '2026-08-19' },
        direction: 'down',
      },
    ]);
    expect(markdown).toContain('| `q3-retention` “Raise 90-day retention from 60% to 70%” | 0.6 (`week-33`, 2026-08-17) | 0.4 (`week-34`, 2026-08-19) | ↓ |');
    expect(json.ownerChanges).toEqual([]);
  });
});

describe('diff: levels and milestones', () => {
  it('reports a level reached and a milestone done like a confidence move', async () => {
    const kinds = BASE_HANDBOOK[RETENTION]!.replace(
      '    owner: sam-okafor\n    accepted: 2026-06-27\n',
      '    owner: sam-okafor\n    accepted: 2026-06-27\n    levels: { commit: Reasons known, target: A save play live, stretch: Two save plays live }\n',
    );
    const launch = `---
title: Launch the partner programme
cycle: 2026-q3
owner: priya-shah
accepted: 2026-06-26
keyResults:
  - id: q3-partner-launch
    title: Launch the partner programme
    owner: priya-shah
    accepted: 2026-06-26
    milestone: true
---
`;
    const repository = FixtureRepository.withHandbook({
      ...BASE_HANDBOOK,
      [RETENTION]: kinds,
      'objectives/2026-q3/launch.md': launch,
      [WEEK_33]: BASE_HANDBOOK[WEEK_33]!.replace('  - kr: q3-churn\n    confidence: 0.5\n', '  - kr: q3-churn\n    confidence: 0.5\n    level: commit\n  - kr: q3-partner-launch\n    confidence: 0.5\n'),
    });
    repository.write({
      'reviews/2026-q3/week-34.md': `---
date: 2026-08-19
kind: check-in
facilitator: priya-shah
updates:
  - kr: q3-churn
    confidence: 0.5
    level: target
  - kr: q3-partner-launch
    confidence: 1
    done: true
---
`,
    });
    repository.commit('Week 34');
    const result = await diff(repository, 'main', '--format', 'json');
    expect(result.exitCode, result.stderr).toBe(0);
    const json = JSON.parse(result.stdout) as HandbookDiff;
    expect(json.stateMoves).toEqual([
      {
        keyResult: 'q3-churn',
        title: 'Cut churn from 5% to 3%',
        objective: 'retention',
        kind: 'ordinal',
        from: { state: 'commit', review: 'week-33', date: '2026-08-17' },
        to: { state: 'target', review: 'week-34', date: '2026-08-19' },
        direction: 'up',
      },
      {
        keyResult: 'q3-partner-launch',
        title: 'Launch the partner programme',
        objective: 'launch',
        kind: 'milestone',
        from: { state: 'not done', review: 'week-33', date: '2026-08-17' },
        to: { state: 'done', review: 'week-34', date: '2026-08-19' },
        direction: 'up',
      },
    ]);
    const markdown = (await diff(repository, 'main')).stdout;
    expect(markdown).toContain('Levels reached and milestones done');
    expect(markdown).toContain('| `q3-partner-launch` “Launch the partner programme” | not done (`week-33`, 2026-08-17) | done (`week-34`, 2026-08-19) | ↑ |');
  });
});

describe('diff: validation problems', () => {
  it('matches problems on file, rule and subject, so a shifted line is not new; counts the fixed ones', async () => {
    const repository = FixtureRepository.withHandbook();
    repository.edit(RETENTION, 'team: growth', 'team: growht').edit(WEEK_33, 'facilitator: priya-shah', 'facilitator: everyone').commit('Two problems');
    repository.git('branch', '-f', 'main');
    // Two lines above the team problem push it down; the facilitator problem is fixed; a new one comes in.
    repository
      .edit(RETENTION, 'title: Keep the customers we win\n', 'title: Keep the customers we win\n# Reworded in August\n# after the churn review\n')
      .edit(WEEK_33, 'facilitator: everyone', 'facilitator: priya-shah')
      .edit('objectives/2026-q2/activation.md', 'owner: priya-shah', 'owner: priya-shah and lee-wong');
    repository.commit('Move things around');
    const { json, markdown } = await compare(repository);

    expect(json.problems.introduced.map(({ file, rule, line }) => ({ file, rule, line }))).toEqual([
      { file: 'content/objectives/2026-q2/activation.md', rule: 'owner-single', line: 4 },
    ]);
    expect(json.problems.fixed).toBe(1);
    expect(markdown).toContain('#### New validation problems (1)');
    expect(markdown).toContain('1 problem fixed.');
  });

  it('a person over the owner-load limit who hands one key result over has no new problem, though the count, the list and the file shown change', async () => {
    const keyResults = (ids: string[]) =>
      ids.map((id) => `  - id: ${id}\n    title: Result ${id}\n    owner: lee-wong\n    accepted: 2026-06-26\n`).join('');
    const objective = (title: string, ids: string[]) => `---\ntitle: ${title}\ncycle: 2026-q3\nowner: priya-shah\naccepted: 2026-06-26\nkeyResults:\n${keyResults(ids)}---\n`;
    // Lee owns 9 key results of 2026-q3; the warning stands at the 4th in file order, `load-4`, alone in its file.
    const repository = FixtureRepository.withHandbook({
      ...BASE_HANDBOOK,
      'objectives/2026-q3/a-load.md': objective('A', ['load-1', 'load-2', 'load-3']),
      'objectives/2026-q3/b-load.md': objective('B', ['load-4']),
      'objectives/2026-q3/z-load.md': objective('Z', ['load-5', 'load-6', 'load-7', 'load-8']),
    });
    repository.edit('objectives/2026-q3/b-load.md', 'owner: lee-wong', 'owner: sam-okafor').commit('Sam takes load-4');
    const { json, markdown } = await compare(repository);

    // Still over the limit (8 > 3), now shown at `q3-retention` in another file, with another count and list: the same problem.
    expect(json.ownerChanges.map(({ id, change }) => ({ id, change }))).toEqual([{ id: 'load-4', change: 'owner' }]);
    expect(json.problems).toEqual({ introduced: [], fixed: 0 });
    expect(markdown).not.toContain('New validation problems');
  });

  it('does not crash on a file that cannot be parsed: it is a problem, and its key results are not called removed', async () => {
    const repository = FixtureRepository.withHandbook();
    repository.edit(RETENTION, 'title: Keep the customers we win', 'title: [Keep the customers we win');
    repository.commit('Broken YAML');
    const { json, markdown } = await compare(repository);
    expect(json.problems.introduced.map((p) => p.rule)).toEqual(['yaml-syntax']);
    expect(json.objectives.removed).toEqual([]);
    expect(json.keyResults.removed).toEqual([]);
    expect(json.ownerChanges).toEqual([]);
    expect(json.notCompared).toEqual([`content/${RETENTION}`]);
    expect(markdown).toContain(`Not compared, because their fields could not all be read on one side (see the problems): \`content/${RETENTION}\`.`);
  });
});

describe('diff: values from files are escaped in Markdown', () => {
  it('keeps a title with HTML, a table bar, a mention and emphasis as plain text', async () => {
    const repository = FixtureRepository.withHandbook();
    repository.edit(RETENTION, 'owner: sam-okafor\n    accepted: 2026-06-27', 'owner: lee-wong\n    accepted: 2026-07-02');
    repository.edit(RETENTION, 'title: Cut churn from 5% to 3%', 'title: "<img src=x onerror=alert(1)> a | b @team *now* `x`"');
    repository.commit('Hostile title');
    const { json, markdown } = await compare(repository);
    expect(json.ownerChanges[0]!.title).toBe('<img src=x onerror=alert(1)> a | b @team *now* `x`');
    const row = markdown.split('\n').find((line) => line.startsWith('| key result |'))!;
    expect(row).toBe(
      '| key result | `q3-churn` | “&lt;img src=x onerror=alert(1)&gt; a &#124; b &#64;team \\*now\\* \\`x\\`” | Sam Okafor (`sam-okafor`) → Lee Wong (`lee-wong`) | 2026-07-02 |',
    );
    expect(row.split('|')).toHaveLength(7); // five cells: the bar in the title does not add one
  });
});

describe('diff: usage', () => {
  it('exits 2 naming an unknown ref', async () => {
    const repository = FixtureRepository.withHandbook();
    const result = await diff(repository, 'no-such-branch');
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('`no-such-branch` is not a commit, branch or tag of this repository.');
    expect((await diff(repository, 'main', 'nope')).stderr).toContain('`nope` is not a commit');
  });

  it('exits 2 outside a git repository, without BASE, or with an unknown format', async () => {
    const outside = await runDiffCommand(['main'], { cwd: mkdtempSync(path.join(tmpdir(), 'okr-handbook-no-git-')) });
    expect(outside.exitCode).toBe(2);
    expect(outside.stderr).toContain('is not inside a git repository');
    const repository = FixtureRepository.withHandbook();
    expect((await diff(repository)).stderr).toContain('Name the ref to compare with');
    expect((await diff(repository, 'main', '--format', 'html')).stderr).toContain('Unknown format `html`');
    expect((await diff(repository, 'main', '--content', '../elsewhere')).stderr).toContain('is not inside a git repository');
    const nowhere = await diff(repository, 'main', '--content', 'handbook');
    expect(nowhere.exitCode).toBe(2);
    expect(nowhere.stderr).toContain('The content folder `handbook` exists neither at `main` nor at `HEAD`');
  });
});
