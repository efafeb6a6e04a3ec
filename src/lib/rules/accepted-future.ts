import { at, type PathSegment, type Problem } from '../problem.js';
import { subjectOf } from '../subject.js';
import { noOptions } from './no-options.js';
import { defineRule } from './rule.js';

export const acceptedFuture = defineRule({
  id: 'accepted-future',
  defaultSeverity: 'warn',
  term: 'okr-owner',
  description: 'an objective or key result whose `accepted` date lies after `asOf` (today, unless handbook.yaml sets it)',
  options: noOptions,
  check({ declarations, handbook, asOfTrusted }) {
    if (!asOfTrusted) return []; // `schema` reports the bad `asOf`
    const asOf = handbook.settings.asOf;
    const problems: Problem[] = [];
    // A date after the cycle's end is `owner-accepted`'s error already: one problem, not two.
    const cycleEnd = new Map(handbook.cycles.filter((cycle) => cycle.start <= cycle.end).map((cycle) => [cycle.id, cycle.end]));
    const judge = (file: string, accepted: string | null | undefined, path: PathSegment[], what: string, subject: string, keyResult?: string, end?: string) => {
      if (accepted === undefined || accepted === null || accepted <= asOf || (end !== undefined && accepted > end)) return;
      problems.push({
        rule: 'accepted-future',
        file,
        anchor: at.value(...path, 'accepted'),
        subject,
        ...(keyResult !== undefined && { keyResult }),
        message: `${what} was accepted on ${accepted}, which is after ${asOf}, the handbook's date (\`asOf\`).`,
        hint: 'Write the day the owner actually accepted it; until they have, leave `accepted:` blank.',
      });
    };
    for (const objective of declarations.objectives) {
      if (!objective.data) continue;
      const end = cycleEnd.get(objective.data.cycle);
      judge(objective.file, objective.data.accepted, [], `Objective \`${objective.id}\``, subjectOf.objective(objective.id), undefined, end);
      for (const kr of objective.keyResults) {
        if (kr.data) judge(objective.file, kr.data.accepted, ['keyResults', kr.index], `Key result \`${kr.data.id}\``, subjectOf.keyResult(kr.data.id), kr.data.id, end);
      }
    }
    return problems;
  },
});
