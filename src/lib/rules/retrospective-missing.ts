import { at, type Problem } from '../problem.js';
import { noOptions } from './no-options.js';
import { findBrokenReviews, mayCover } from './broken-reviews.js';
import { defineRule } from './rule.js';

export const retrospectiveMissing = defineRule({
  id: 'retrospective-missing',
  defaultSeverity: 'error',
  term: 'retrospective',
  description: 'a key result of a closed cycle with no retrospective score',
  options: noOptions,
  check({ handbook, declarations, known }) {
    const problems: Problem[] = [];
    const broken = findBrokenReviews(declarations, known.keyResults);
    for (const cycle of handbook.cycles) {
      if (cycle.status !== 'closed' || mayCover(broken, cycle)) continue;
      for (const objective of cycle.objectives) {
        for (const kr of objective.keyResults) {
          if (kr.score || broken.keyResults.has(kr.id)) continue;
          problems.push({
            rule: 'retrospective-missing',
            file: kr.source.file,
            anchor: at.value(...kr.source.path, 'id'),
            keyResult: kr.id,
            message: `Key result \`${kr.id}\` belongs to the closed cycle \`${cycle.id}\` but was never scored.`,
            hint: `Add \`- kr: ${kr.id}\` with its \`score\` (0.0-1.0) to the cycle's retrospective review.`,
          });
        }
      }
    }
    return problems;
  },
});
