import type { CheckIn, KeyResult } from '../lib/model/handbook.js';
import { formatValue } from './format.js';
import { ENGLISH, type Ui } from './i18n/index.js';

/*
 * What a key result has reached, in words, for each kind: the pages, the
 * check-in tables and the chart's labels all say it the same way.
 */

/** `Metric`, `Levels`, `Milestone`, or `Not measured` for a key result that names no kind. */
export function kindLabel(keyResult: KeyResult, ui: Ui = ENGLISH): string {
  return ui.t(keyResult.kind === 'metric' ? 'kind.metric' : keyResult.kind === 'ordinal' ? 'kind.levels' : keyResult.kind === 'milestone' ? 'kind.milestone' : 'kind.notMeasured');
}

/** A level's name as the site shows it: `target` / `Ziel`. */
export function levelName(level: 'fail' | 'commit' | 'target' | 'stretch', ui: Ui = ENGLISH): string {
  return ui.t(`level.${level}`);
}

/** What one check-in recorded for its key result's kind: `41%`, `target`, `done`; `—` when it recorded nothing (or a misfit). */
export function formatState(checkIn: Pick<CheckIn, 'value' | 'level' | 'done'>, keyResult: KeyResult, ui: Ui = ENGLISH): string {
  switch (keyResult.kind) {
    case 'ordinal':
      return checkIn.level === undefined ? '—' : levelName(checkIn.level, ui);
    case 'milestone':
      return checkIn.done === true ? ui.t('state.done') : checkIn.done === false ? ui.t('state.notDone') : '—';
    default:
      return formatValue(checkIn.value, keyResult.metric, ui);
  }
}

/** What the key result aims for, shown beside a check-in's state: `target 55%`, `target: <words>`, or nothing. */
export function formatGoal(keyResult: KeyResult, ui: Ui = ENGLISH): string | undefined {
  if (keyResult.kind === 'metric' && keyResult.metric) return ui.t('review.target', { value: formatValue(keyResult.metric.target, keyResult.metric, ui) });
  return undefined;
}

/** The key result's state now, in one short phrase: `41%`, `target reached`, `done on 2026-08-12`, `not done yet`. */
export function formatCurrentState(keyResult: KeyResult, ui: Ui = ENGLISH): string {
  switch (keyResult.kind) {
    case 'ordinal':
      return keyResult.currentLevel === undefined
        ? ui.t('measure.noLevelYet')
        : keyResult.currentLevel === 'fail'
          ? ui.t('measure.belowCommit')
          : ui.t('state.levelReached', { level: levelName(keyResult.currentLevel, ui) });
    case 'milestone':
      return keyResult.doneOn !== undefined
        ? ui.t('state.doneOn', { date: ui.date(keyResult.doneOn) })
        : ui.t(keyResult.checkIns.length > 0 ? 'measure.notDoneYet' : 'measure.noCheckInYet');
    case 'metric': {
      const latest = latestStateCheckIn(keyResult);
      return latest ? formatValue(latest.value, keyResult.metric, ui) : ui.t('common.noValueYet');
    }
    default:
      return ui.t('state.notMeasured');
  }
}

/** The latest check-in that recorded a state fitting the key result's kind, if any. */
export function latestStateCheckIn(keyResult: KeyResult): CheckIn | undefined {
  for (let i = keyResult.checkIns.length - 1; i >= 0; i--) {
    const checkIn = keyResult.checkIns[i]!;
    if (formatState(checkIn, keyResult) !== '—') return checkIn;
  }
  return undefined;
}

/** The mean retrospective score of an objective's scored key results, if any is scored. */
export function objectiveScore(objective: { keyResults: readonly KeyResult[] }): number | undefined {
  let sum = 0;
  let count = 0;
  for (const kr of objective.keyResults) {
    if (!kr.score) continue;
    sum += kr.score.score;
    count += 1;
  }
  return count > 0 ? sum / count : undefined;
}

/** The mean retrospective score of the scored key results of several objectives (a team's in one cycle). */
export function teamScore(objectives: readonly { keyResults: readonly KeyResult[] }[]): number | undefined {
  return objectiveScore({ keyResults: objectives.flatMap((objective) => objective.keyResults) });
}
