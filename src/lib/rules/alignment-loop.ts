import type { Problem } from '../problem.js';
import { at } from '../problem.js';
import { subjectOf } from '../subject.js';
import { noOptions } from './no-options.js';
import { describeLoop, findParentLoops } from './parent-loops.js';
import { defineRule } from './rule.js';

export const alignmentLoop = defineRule({
  id: 'alignment-loop',
  defaultSeverity: 'error',
  term: 'okr-dependencies',
  description: 'objectives whose `parent` links form a loop',
  options: noOptions,
  check({ declarations }) {
    const parentOf = new Map<string, string>();
    const fileOf = new Map<string, string>();
    for (const objective of declarations.objectives) {
      if (objective.data?.parent === undefined || parentOf.has(objective.id)) continue;
      parentOf.set(objective.id, objective.data.parent);
      fileOf.set(objective.id, objective.file);
    }
    return findParentLoops(parentOf).map(
      (loop): Problem => ({
        rule: 'alignment-loop',
        file: fileOf.get(loop[0]!)!,
        anchor: at.value('parent'),
        subject: subjectOf.objective(loop[0]!),
        message: `Objectives align in a loop: ${describeLoop(loop)}.`,
        hint: 'An objective cannot serve itself through its parents; remove or change `parent` in one of them, usually the most company-wide.',
      }),
    );
  },
});
