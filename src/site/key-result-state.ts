import type { CheckIn, KeyResult } from '../lib/model/handbook.js';
import { formatValue } from './format.js';

/*
 * What a key result has reached, in words, for each kind: the pages, the
 * check-in tables and the chart's labels all say it the same way.
 */

/** `Metric`, `Levels`, `Milestone`, or `Not measured` for a key result that names no kind. */
export function kindLabel(keyResult: KeyResult): string {
  return keyResult.kind === 'metric' ? 'Metric' : keyResult.kind === 'ordinal' ? 'Levels' : keyResult.kind === 'milestone' ? 'Milestone' : 'Not measured';
}

/** What one check-in recorded for its key result's kind: `41%`, `target`, `done`; `—` when it recorded nothing (or a misfit). */
export function formatState(checkIn: Pick<CheckIn, 'value' | 'level' | 'done'>, keyResult: KeyResult): string {
  switch (keyResult.kind) {
    case 'ordinal':
      return checkIn.level ?? '—';
    case 'milestone':
      return checkIn.done === true ? 'done' : checkIn.done === false ? 'not done' : '—';
    default:
      return formatValue(checkIn.value, keyResult.metric);
  }
}

/** What the key result aims for, shown beside a check-in's state: `target 55%`, `target: <words>`, or nothing. */
export function formatGoal(keyResult: KeyResult): string | undefined {
  if (keyResult.kind === 'metric' && keyResult.metric) return `target ${formatValue(keyResult.metric.target, keyResult.metric)}`;
  return undefined;
}

/** The key result's state now, in one short phrase: `41%`, `target reached`, `done on 2026-08-12`, `not done yet`. */
export function formatCurrentState(keyResult: KeyResult): string {
  switch (keyResult.kind) {
    case 'ordinal':
      return keyResult.currentLevel === undefined ? 'no level yet' : keyResult.currentLevel === 'fail' ? 'below commit' : `${keyResult.currentLevel} reached`;
    case 'milestone':
      return keyResult.doneOn !== undefined ? `done on ${keyResult.doneOn}` : keyResult.checkIns.length > 0 ? 'not done yet' : 'no check-in yet';
    case 'metric': {
      const latest = latestStateCheckIn(keyResult);
      return latest ? formatValue(latest.value, keyResult.metric) : 'no value yet';
    }
    default:
      return 'not measured';
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
