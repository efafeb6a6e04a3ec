import { at, type Problem } from '../problem.js';
import { noOptions } from './no-options.js';
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
    // Each objective has at most one parent, so every loop is found by walking up once.
    const problems: Problem[] = [];
    const settled = new Set<string>();
    for (const start of [...parentOf.keys()].sort()) {
      const trail: string[] = [];
      let current: string | undefined = start;
      while (current !== undefined && !settled.has(current) && !trail.includes(current)) {
        trail.push(current);
        current = parentOf.get(current);
      }
      if (current !== undefined && trail.includes(current)) {
        const loop = trail.slice(trail.indexOf(current));
        const first = [...loop].sort()[0]!;
        const ordered = [...loop.slice(loop.indexOf(first)), ...loop.slice(0, loop.indexOf(first))];
        problems.push({
          rule: 'alignment-loop',
          file: fileOf.get(first)!,
          anchor: at.value('parent'),
          message: `Objectives align in a loop: ${[...ordered, first].map((id) => `\`${id}\``).join(' → ')}.`,
          hint: 'An objective cannot serve itself through its parents; remove or change `parent` in one of them, usually the most company-wide.',
        });
      }
      for (const id of trail) settled.add(id);
    }
    return problems;
  },
});
