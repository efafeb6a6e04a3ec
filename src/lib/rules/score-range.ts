import { at, type Problem } from '../problem.js';
import { noOptions } from './no-options.js';
import { rangeHint } from './range-hint.js';
import { defineRule } from './rule.js';

export const scoreRange = defineRule({
  id: 'score-range',
  defaultSeverity: 'error',
  term: 'retrospective',
  description: 'a score outside 0.0-1.0',
  options: noOptions,
  check({ declarations }) {
    const problems: Problem[] = [];
    for (const review of declarations.reviews) {
      for (const item of review.scores) {
        const score = item.data?.score;
        if (score === undefined || (score >= 0 && score <= 1)) continue;
        problems.push({
          rule: 'score-range',
          file: review.file,
          anchor: at.value('scores', item.index, 'score'),
          message: `Score ${score} for \`${item.data!.kr}\` is outside 0.0-1.0.`,
          hint: rangeHint(score, 0, 1, '0.0 is nothing achieved, 1.0 fully achieved'),
        });
      }
    }
    return problems;
  },
});
