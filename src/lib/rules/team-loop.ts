import type { Problem } from '../problem.js';
import { at } from '../problem.js';
import { subjectOf } from '../subject.js';
import { noOptions } from './no-options.js';
import { describeLoop, findParentLoops } from './parent-loops.js';
import { defineRule } from './rule.js';

export const teamLoop = defineRule({
  id: 'team-loop',
  defaultSeverity: 'error',
  description: 'teams whose `parent` links form a loop',
  options: noOptions,
  check({ declarations }) {
    const parentOf = new Map<string, string>();
    const fileOf = new Map<string, string>();
    for (const team of declarations.teams) {
      if (team.data?.parent === undefined || parentOf.has(team.id)) continue;
      parentOf.set(team.id, team.data.parent);
      fileOf.set(team.id, team.file);
    }
    return findParentLoops(parentOf).map(
      (loop): Problem => ({
        rule: 'team-loop',
        file: fileOf.get(loop[0]!)!,
        anchor: at.value('parent'),
        subject: subjectOf.team(loop[0]!),
        message:
          loop.length === 1
            ? `Team \`${loop[0]}\` names itself as its \`parent\`.`
            : `Teams belong to each other in a loop: ${describeLoop(loop)}.`,
        hint: 'A team cannot be part of itself; remove `parent` from the team at the top, or point it at the team it really belongs to.',
      }),
    );
  },
});
