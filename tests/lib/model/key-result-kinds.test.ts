import { describe, expect, it } from 'vitest';
import { serializeHandbook } from '../../../src/lib/model/serialize-handbook.js';
import { BASE_HANDBOOK, checkFiles, edit, located } from '../../helpers/fixture-handbook.js';

const OBJECTIVE = 'objectives/2026-q3/retention.md';
const CHECK_IN = 'reviews/2026-q3/week-33.md';
const CLOSED_OBJECTIVE = 'objectives/2026-q2/activation.md';

/** `q3-churn` (no kind in the base fixture) given the kind written in `fields`. */
function churnAs(fields: string): Record<string, string> {
  return edit(OBJECTIVE, '    owner: sam-okafor\n    accepted: 2026-06-27\n', `    owner: sam-okafor\n    accepted: 2026-06-27\n${fields}`);
}

/** The base check-in with `state` added to the update of `q3-churn`. */
function churnUpdate(state: string, date = '2026-08-17'): Record<string, string> {
  const text = BASE_HANDBOOK[CHECK_IN]!.replace('  - kr: q3-churn\n    confidence: 0.5\n', `  - kr: q3-churn\n    confidence: 0.5\n${state}`).replace('date: 2026-08-17', `date: ${date}`);
  return { [CHECK_IN]: text };
}

const ORDINAL = '    levels:\n      commit: Churn reasons known for the top 20 accounts\n      target: A save play live for the top reason\n      stretch: Two save plays live\n';
const RETENTION_PROGRESS = (64 - 60) / (70 - 60);

describe('an ordinal key result', () => {
  it('maps the latest level reached to progress, 0.7 for target by default', async () => {
    const { handbook, diagnostics } = await checkFiles({ ...churnAs(ORDINAL), ...churnUpdate('    level: target\n') });
    expect(diagnostics).toEqual([]);
    const churn = handbook.keyResults.find((kr) => kr.id === 'q3-churn')!;
    expect(churn.kind).toBe('ordinal');
    expect(churn.levels?.target).toBe('A save play live for the top reason');
    expect(churn.currentLevel).toBe('target');
    expect(churn.progress).toBe(0.7);
    // The objective's progress counts both kinds.
    expect(handbook.objectives.find((o) => o.id === 'retention')!.progress).toBeCloseTo((RETENTION_PROGRESS + 0.7) / 2, 10);
  });

  it('uses the levelProgress of handbook.yaml, and 0 for fail', async () => {
    const settings = { 'handbook.yaml': `${BASE_HANDBOOK['handbook.yaml']}levelProgress: { commit: 0.5, target: 0.8, stretch: 1 }\n` };
    const commit = await checkFiles({ ...settings, ...churnAs(ORDINAL), ...churnUpdate('    level: commit\n') });
    expect(commit.diagnostics).toEqual([]);
    expect(commit.handbook.keyResults.find((kr) => kr.id === 'q3-churn')!.progress).toBe(0.5);
    const fail = await checkFiles({ ...churnAs(ORDINAL), ...churnUpdate('    level: fail\n') });
    expect(fail.handbook.keyResults.find((kr) => kr.id === 'q3-churn')!.progress).toBe(0);
  });

  it('refuses levelProgress that does not rise, on its line', async () => {
    const { diagnostics } = await checkFiles({ 'handbook.yaml': `${BASE_HANDBOOK['handbook.yaml']}levelProgress: { commit: 0.8, target: 0.7, stretch: 1 }\n` });
    expect(located(diagnostics)).toEqual([{ rule: 'schema', severity: 'error', file: 'handbook.yaml', line: 4, column: 16 }]);
    expect(diagnostics[0]!.message).toContain('must rise from `commit` to `target` to `stretch`');
    expect(diagnostics[0]!.hint).toContain('{ commit: 0.3, target: 0.7, stretch: 1 }');
  });
});

describe('a milestone key result', () => {
  it('has no progress before its first check-in, and 0 while not done', async () => {
    const none = await checkFiles({ ...churnAs('    milestone: true\n'), ...churnUpdate('', '2026-08-17') });
    // The base check-in mentions q3-churn, with no `done`: not done yet.
    const churn = none.handbook.keyResults.find((kr) => kr.id === 'q3-churn')!;
    expect(churn.kind).toBe('milestone');
    expect(churn.progress).toBe(0);
    expect(churn.doneOn).toBeUndefined();
    const unmentioned = await checkFiles({ ...churnAs('    milestone: true\n'), [CHECK_IN]: BASE_HANDBOOK[CHECK_IN]!.replace('  - kr: q3-churn\n    confidence: 0.5\n', '') });
    expect(unmentioned.handbook.keyResults.find((kr) => kr.id === 'q3-churn')!.progress).toBeUndefined();
  });

  it('is done, progress 1, on the date of the check-in that says `done: true`', async () => {
    const { handbook, diagnostics } = await checkFiles({ ...churnAs('    milestone: true\n'), ...churnUpdate('    done: true\n') });
    expect(diagnostics).toEqual([]);
    const churn = handbook.keyResults.find((kr) => kr.id === 'q3-churn')!;
    expect(churn.progress).toBe(1);
    expect(churn.doneOn).toBe('2026-08-17');
    const json = serializeHandbook(handbook).objectives.find((o) => o.id === 'retention')!.keyResults.find((kr) => kr.id === 'q3-churn')!;
    expect(json).toMatchObject({ kind: 'milestone', doneOn: '2026-08-17', progress: 1 });
    expect(json.checkIns[0]).toMatchObject({ done: true, level: null, value: null });
  });
});

describe('one kind per key result', () => {
  it('reports two kinds once, on the second kind’s key, with the fix', async () => {
    const { diagnostics } = await checkFiles(churnAs('    metric: { baseline: 5, target: 3, unit: "%" }\n    milestone: true\n'));
    expect(located(diagnostics)).toEqual([{ rule: 'schema', severity: 'error', file: OBJECTIVE, line: 23, column: 5 }]);
    expect(diagnostics[0]!.message).toBe('The second key result, `q3-churn`, is measured one way, but names `metric` and `milestone`.');
    expect(diagnostics[0]!.hint).toMatch(/^Keep one: `metric` .* `levels` .* `milestone: true`/);
  });

  it('reports `milestone: false` as a value that must be true', async () => {
    const { diagnostics } = await checkFiles(churnAs('    milestone: false\n'));
    expect(located(diagnostics)).toEqual([{ rule: 'schema', severity: 'error', file: OBJECTIVE, line: 22, column: 16 }]);
    expect(diagnostics[0]!.hint).toBe('Write `true`, or leave the field out.');
  });

  it('reports two states in one update once, on the second one’s key', async () => {
    const { diagnostics } = await checkFiles(edit(CHECK_IN, '    value: 64\n', '    value: 64\n    level: target\n'));
    expect(located(diagnostics)).toEqual([{ rule: 'schema', severity: 'error', file: CHECK_IN, line: 9, column: 5 }]);
    expect(diagnostics[0]!.message).toMatch(/^The \w+ update, `q3-[a-z-]+`, records one kind of state, but gives `value` and `level`\.$/);
  });
});

describe('update-kind', () => {
  it('reports a level on a metric key result once, on its line, with the value to write', async () => {
    const { diagnostics } = await checkFiles(edit(CHECK_IN, '    value: 64\n', '    level: target\n'));
    expect(located(diagnostics)).toEqual([{ rule: 'update-kind', severity: 'error', file: CHECK_IN, line: 8, column: 5 }]);
    expect(diagnostics[0]!.message).toBe('`level` of the first update, `q3-retention`, does not fit: `q3-retention` is a metric key result, which records `value`.');
    expect(diagnostics[0]!.hint).toBe('Write `value: 70` instead, or remove `level`.');
  });

  it('reports a number on a milestone, and a `done` on a key result with no kind', async () => {
    const milestone = await checkFiles({ ...churnAs('    milestone: true\n'), ...churnUpdate('    value: 4\n') });
    expect(located(milestone.diagnostics)).toEqual([{ rule: 'update-kind', severity: 'error', file: CHECK_IN, line: 11, column: 5 }]);
    expect(milestone.diagnostics[0]!.hint).toBe('Write `done: true` once it is done instead, or remove `value`.');
    // The misfit value is ignored, not taken as the milestone's state.
    expect(milestone.handbook.keyResults.find((kr) => kr.id === 'q3-churn')!.progress).toBe(0);
    const none = await checkFiles(churnUpdate('    done: true\n'));
    expect(located(none.diagnostics)).toEqual([{ rule: 'update-kind', severity: 'error', file: CHECK_IN, line: 11, column: 5 }]);
    expect(none.diagnostics[0]!.hint).toBe('Mark `q3-churn` as a milestone (`milestone: true`), or remove `done` here.');
  });
});

describe('progress only where values exist', () => {
  it('gives a closed cycle with scores and no check-in values its scores, and no progress', async () => {
    const { handbook, diagnostics } = await checkFiles();
    expect(diagnostics).toEqual([]);
    const q2 = handbook.cycles.find((cycle) => cycle.id === '2026-q2')!;
    expect(q2.averageScore).toBe(0.8);
    expect(q2.progress).toBeUndefined();
    expect(handbook.objectives.find((o) => o.id === 'activation')!.progress).toBeUndefined();
    expect(serializeHandbook(handbook).cycles.find((cycle) => cycle.id === '2026-q2')).toMatchObject({ averageScore: 0.8, progress: null });
    expect(BASE_HANDBOOK[CLOSED_OBJECTIVE]).toContain('metric:');
  });

  it('gives a cycle the mean progress of its objectives that have one', async () => {
    const { handbook } = await checkFiles();
    expect(handbook.cycles.find((cycle) => cycle.id === '2026-q3')!.progress).toBeCloseTo(RETENTION_PROGRESS, 10);
  });
});
