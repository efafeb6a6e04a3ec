import { at, type PathSegment, type Problem } from '../problem.js';
import type { Person } from '../model/handbook.js';
import { noOptions } from './no-options.js';
import { defineRule } from './rule.js';

export const ownerDeparted = defineRule({
  id: 'owner-departed',
  defaultSeverity: 'error',
  term: 'accountability',
  description: 'an owner who has `left` before `asOf`, in a cycle that is not closed',
  options: noOptions,
  check({ handbook, asOfTrusted }) {
    if (!asOfTrusted) return []; // `schema` reports the bad `asOf`
    const asOf = handbook.settings.asOf;
    const problems: Problem[] = [];
    const judge = (owner: Person, file: string, path: readonly PathSegment[], subject: string, cycle: string, keyResult?: string) => {
      if (owner.left === undefined || owner.left >= asOf) return;
      problems.push({
        rule: 'owner-departed',
        file,
        anchor: at.value(...path, 'owner'),
        ...(keyResult !== undefined && { keyResult }),
        message: `${subject} is owned by \`${owner.id}\`, who left on ${owner.left}, and its cycle \`${cycle}\` is still open.`,
        hint: 'Hand it to someone who is staying: change `owner` and set `accepted` to the day they took it on.',
      });
    };
    for (const objective of handbook.objectives) {
      if (objective.cycle.status === 'closed') continue;
      const cycle = objective.cycle.id;
      judge(objective.owner, objective.source.file, [], `Objective \`${objective.id}\``, cycle);
      for (const kr of objective.keyResults) {
        judge(kr.owner, kr.source.file, kr.source.path, `Key result \`${kr.id}\``, cycle, kr.id);
        for (const initiative of kr.initiatives) {
          judge(initiative.owner, initiative.source.file, initiative.source.path, `Initiative "${initiative.title}"`, cycle, kr.id);
        }
      }
    }
    return problems;
  },
});
