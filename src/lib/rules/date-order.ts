import { at, type Problem } from '../problem.js';
import { noOptions } from './no-options.js';
import { defineRule } from './rule.js';

export const dateOrder = defineRule({
  id: 'date-order',
  defaultSeverity: 'error',
  description: 'a cycle that ends before it starts',
  options: noOptions,
  check({ declarations }) {
    const problems: Problem[] = [];
    for (const cycle of declarations.cycles) {
      if (!cycle.data || cycle.data.end >= cycle.data.start) continue;
      problems.push({
        rule: 'date-order',
        file: cycle.file,
        anchor: at.value('end'),
        message: `Cycle \`${cycle.id}\` ends on ${cycle.data.end}, before it starts on ${cycle.data.start}.`,
        hint: 'Check that `start` and `end` are not swapped; `end` is the last day of the cycle.',
      });
    }
    return problems;
  },
});
