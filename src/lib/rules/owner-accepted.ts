import { at, type PathSegment, type Problem } from '../problem.js';
import { noOptions } from './no-options.js';
import { defineRule } from './rule.js';

export const ownerAccepted = defineRule({
  id: 'owner-accepted',
  defaultSeverity: 'error',
  term: 'okr-owner',
  description: 'an objective or key result without an `accepted` date, or accepted after its cycle ended',
  options: noOptions,
  check({ declarations, handbook }) {
    const problems: Problem[] = [];
    // A cycle whose dates are swapped is `date-order`'s problem; its end proves nothing here.
    const cycleEnd = new Map(handbook.cycles.filter((cycle) => cycle.start <= cycle.end).map((cycle) => [cycle.id, cycle.end]));
    for (const objective of declarations.objectives) {
      if (!objective.data) continue;
      const end = cycleEnd.get(objective.data.cycle);
      const judge = (accepted: string | null | undefined, path: PathSegment[], subject: string, keyResult?: string) => {
        if (accepted === undefined || accepted === null) {
          problems.push({
            rule: 'owner-accepted',
            file: objective.file,
            // A blank `accepted:` is pointed at; a missing one, at the mapping that lacks it.
            anchor: at.value(...path, 'accepted'),
            ...(keyResult !== undefined && { keyResult }),
            message: `${subject} has no \`accepted\` date, so its owner never explicitly took it on.`,
            hint: 'Ask the owner to accept it, then add `accepted: YYYY-MM-DD` with the day they did.',
          });
        } else if (end !== undefined && accepted > end) {
          problems.push({
            rule: 'owner-accepted',
            file: objective.file,
            anchor: at.value(...path, 'accepted'),
            ...(keyResult !== undefined && { keyResult }),
            message: `${subject} was accepted on ${accepted}, after its cycle \`${objective.data!.cycle}\` ended on ${end}.`,
            hint: 'Ownership is accepted before or during the cycle; correct the date.',
          });
        }
      };
      judge(objective.data.accepted, [], `Objective \`${objective.id}\``);
      for (const kr of objective.keyResults) {
        if (kr.data) judge(kr.data.accepted, ['keyResults', kr.index], `Key result \`${kr.data.id}\``, kr.data.id);
      }
    }
    return problems;
  },
});
